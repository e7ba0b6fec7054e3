/**
 * Post-login Action `repair-migrated-metadata`.
 *
 * On each login, for a user who came in through automatic migration and whose
 * user_metadata or app_metadata never arrived, fetch the legacy record and write back
 * only what is missing. It never throws, never overwrites, and never holds a login
 * longer than LEGACY_API_TIMEOUT_MS. The steps below follow the README's behaviour list.
 */
import type { Config } from "./config";
import { configFromSecrets, detectionConfigFromSecrets } from "./config-memo";
import { Deadline } from "./deadline";
import { type Detection, detect } from "./detect";
import { planFill } from "./fill-plan";
import { guardedCache } from "./guarded-cache";
import { fetchLegacyRecord } from "./legacy-client";
import { readLegacyRecord } from "./legacy-record";
import { buildMarker } from "./marker";
import { forgetOutage, isOutageRemembered, rememberOutage } from "./outage-memory";
import { conclude } from "./outcome";
import type { PostLoginApi, PostLoginEvent } from "./types";
import { fillUrlTemplate } from "./url-template";
import { writeKeys, writeMarker } from "./write-back";

type Needed = Exclude<Detection, { kind: "skip" }>;

export async function onExecutePostLogin(event: PostLoginEvent, api: PostLoginApi): Promise<void> {
  // Read once the login is past the silent skips: a clock read costs a global lookup,
  // which the login almost every user makes should not pay. Before it, `ms=0`.
  let startedAt: number | undefined;
  try {
    // 1. Without any I/O: other connections, refresh tokens, marked users and complete
    //    profiles are skipped silently. That is almost every login, and it reads only the
    //    secrets that decide it.
    const secrets = event.secrets ?? {};
    const detecting = detectionConfigFromSecrets(secrets);
    const detection = detecting && detect(event, detecting);
    if (detection?.kind === "skip") return;

    // A bad configuration never breaks logins: it is reported and the login goes on. (A
    // secret detection reads that is wrong fails here too: the rules are the same.)
    const parsed = configFromSecrets(secrets);
    if (!parsed.ok || !detection) {
      const problems = parsed.ok ? [] : parsed.problems;
      const [first] = problems;
      const named = { reason: first?.reason, secret: first?.subject, problems: problems.length };
      return conclude(api, { outcome: "config_error", ...named }, false, startedAt);
    }
    startedAt = Date.now();
    return await repair(api, parsed.config, detection, startedAt);
  } catch (error) {
    // 8. Never throw out of the handler: a bug here must not cost anyone their login.
    const reason = error instanceof Error ? error.name : "unknown";
    conclude(api, { outcome: "internal_error", reason }, false, startedAt);
  }
}

/**
 * Steps 2 to 7, for a login that needs the legacy store. A function of its own: V8
 * compiles a function on its first call, and most instances' first login needs none of
 * this.
 */
async function repair(api: PostLoginApi, config: Config, detection: Needed, startedAt: number): Promise<void> {
  const deny = config.onLegacyError === "deny";
  if (detection.kind === "unrepairable") {
    return conclude(api, { outcome: "unrepairable", reason: detection.reason }, false, startedAt);
  }

  const url = fillUrlTemplate(config.urlTemplate, detection.lookup);
  if (!url.ok) {
    const reason = `user_has_no_usable_${url.field}`;
    return conclude(api, { outcome: "config_error", reason, secret: "LEGACY_API_URL" }, false, startedAt);
  }

  // 6. During a remembered outage, skip at once instead of waiting out the budget.
  const cache = guardedCache(api.cache);
  const origin = new URL(url.url).origin;
  if (isOutageRemembered(cache, origin)) return conclude(api, { outcome: "legacy_down" }, deny, startedAt);

  // 2. Fetch the legacy record within one time budget, retrying transient failures.
  const deadline = new Deadline(config.timeoutMs);
  const fetched = await fetchLegacyRecord(url.url, config, { fetch: globalThis.fetch, cache, deadline }).finally(() =>
    deadline.dispose(),
  );
  const { attempts } = fetched;
  if (fetched.kind === "failed") {
    const { outcome, reason, status, retryable, retryAfterMs } = fetched.failure;
    if (retryable) rememberOutage(cache, origin, retryAfterMs);
    return conclude(api, { outcome, reason, status, attempts }, deny, startedAt);
  }
  forgetOutage(cache, origin);

  // 5. A user the store does not know is marked, so they are not looked up again.
  if (fetched.kind === "not_found") {
    writeMarker(api, buildMarker(config.repairVersion, "not_found", new Date()), detection.app);
    return conclude(api, { outcome: "not_found", attempts }, deny, startedAt);
  }

  // Validate before anything is written; an invalid answer leaves no marker.
  const record = readLegacyRecord(fetched.body, config);
  if (!record.ok) {
    return conclude(api, { outcome: "invalid_response", reason: record.reason, attempts }, deny, startedAt);
  }

  // 3, 4. Fill only what Auth0 has no value for, skipping whole any key it cannot store.
  const marker = buildMarker(config.repairVersion, "repaired", new Date());
  const { user, app } = detection;
  const plan = planFill(user, app, record.userMetadata, record.appMetadata, config, marker);
  writeKeys(api, plan);
  writeMarker(api, marker, app);
  const counts = { user_keys: plan.user.length, app_keys: plan.app.length, skipped_keys: plan.skipped.length };
  return conclude(api, { outcome: "repaired", ...counts, attempts }, deny, startedAt);
}
