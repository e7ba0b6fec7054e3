/**
 * One user's repair, with exactly the Action's steps and modules: detect, fill the URL
 * template, fetch the legacy record, validate it, plan the fill, build the marker. The
 * user is read again just before the write and planned against that fresh copy, so a
 * login that repaired them (or an edit) since the export is never overwritten.
 */
import { backoffMs } from "../../action/backoff";
import type { Config } from "../../action/config";
import { Deadline } from "../../action/deadline";
import type { Detection } from "../../action/detect";
import { planFill, type SkipReason } from "../../action/fill-plan";
import type { HttpFailure } from "../../action/http-failure";
import { fetchLegacyRecord, type LegacyFetch } from "../../action/legacy-client";
import { buildMarker } from "../../action/marker";
import type { PostLoginCache } from "../../action/types";
import { fillUrlTemplate } from "../../action/url-template";
import { readContractRecord } from "../legacy/contract-record";
import { detectFor, loginBlocker, type TenantUser } from "../tenant-user";
import type { SharedPause } from "./shared-pause";
import { isEmpty, type UpdateBody, updateBody } from "./update-body";

/** Reads and writes of tenant users; absent in a dry run, which writes nothing. */
export interface TenantWrites {
  /** The user as the tenant holds them now; undefined when they no longer exist. */
  read(userId: string): Promise<TenantUser | undefined>;
  update(userId: string, body: UpdateBody): Promise<void>;
}

export interface RepairDeps {
  config: Config;
  legacyFetch: typeof fetch;
  cache: PostLoginCache;
  /** Shared by all workers: the store's 429/503 slows every worker, not only the one told. */
  legacyPause: SharedPause;
  tenant?: TenantWrites;
  /** Rounds of the Action's legacy fetch (each with its own time budget) for transient failures. */
  legacyRounds?: number;
}

export type RepairResult =
  | { outcome: "repaired"; userKeys: string[]; appKeys: string[]; skipped: SkipReason[] }
  | { outcome: "not_found" }
  | { outcome: "already_repaired" }
  | { outcome: "deleted" }
  | { outcome: "unrepairable"; reason: string }
  | { outcome: "failed"; reason: string };

const DEFAULT_LEGACY_ROUNDS = 3;
const FIRST_PAUSE_MS = 1000;

async function fetchWithRounds(url: string, deps: RepairDeps): Promise<LegacyFetch> {
  const rounds = deps.legacyRounds ?? DEFAULT_LEGACY_ROUNDS;
  for (let round = 1; ; round++) {
    await deps.legacyPause.wait();
    const deadline = new Deadline(deps.config.timeoutMs);
    const fetched = await fetchLegacyRecord(url, deps.config, {
      fetch: deps.legacyFetch,
      cache: deps.cache,
      deadline,
    }).finally(() => deadline.dispose());
    if (fetched.kind !== "failed" || !fetched.failure.retryable || round >= rounds) return fetched;
    deps.legacyPause.pauseFor(fetched.failure.retryAfterMs ?? backoffMs(round, FIRST_PAUSE_MS));
  }
}

const failureReason = (failure: HttpFailure) => `${failure.outcome}:${failure.reason}`;

type Repair = Extract<Detection, { kind: "repair" }>;

/** The user's repair as detected, or the result that ends it there. */
function repairOf(user: TenantUser, config: Config): Repair | RepairResult {
  // Such a user cannot log in: listed for a fix by hand, never written to.
  const blocker = loginBlocker(user);
  if (blocker) return { outcome: "unrepairable", reason: blocker };
  const detection = detectFor(user, config);
  if (detection.kind === "skip") return { outcome: "already_repaired" };
  if (detection.kind === "unrepairable") return { outcome: "unrepairable", reason: detection.reason };
  return detection;
}

/** The sides to plan against: the export's in a dry run, a fresh read otherwise. */
async function currentSides(user: TenantUser, exported: Repair, deps: RepairDeps): Promise<Repair | RepairResult> {
  if (!deps.tenant) return exported;
  const current = await deps.tenant.read(user.user_id);
  return current === undefined ? { outcome: "deleted" } : repairOf(current, deps.config);
}

export async function repairUser(user: TenantUser, deps: RepairDeps): Promise<RepairResult> {
  const { config } = deps;
  const detection = repairOf(user, config);
  if ("outcome" in detection) return detection;
  const url = fillUrlTemplate(config.urlTemplate, detection.lookup);
  if (!url.ok) return { outcome: "failed", reason: `user_has_no_usable_${url.field}` };

  const fetched = await fetchWithRounds(url.url, deps);
  if (fetched.kind === "failed") return { outcome: "failed", reason: failureReason(fetched.failure) };
  const record = fetched.kind === "found" ? readContractRecord(fetched.body, config) : undefined;
  if (record !== undefined && !record.ok) return { outcome: "failed", reason: `invalid_response:${record.reason}` };

  const sides = await currentSides(user, detection, deps);
  if ("outcome" in sides) return sides;
  if (record === undefined) {
    const body = updateBody(
      { user: [], app: [] },
      buildMarker(config.repairVersion, "not_found", new Date()),
      sides.app.writable,
    );
    if (!isEmpty(body)) await deps.tenant?.update(user.user_id, body);
    return { outcome: "not_found" };
  }
  const marker = buildMarker(config.repairVersion, "repaired", new Date());
  const plan = planFill(sides.user, sides.app, record.userMetadata, record.appMetadata, config, marker);
  const body = updateBody(plan, marker, sides.app.writable);
  if (!isEmpty(body)) await deps.tenant?.update(user.user_id, body);
  return {
    outcome: "repaired",
    userKeys: plan.user.map(([key]) => key),
    appKeys: plan.app.map(([key]) => key),
    skipped: plan.skipped.map((skip) => skip.reason),
  };
}
