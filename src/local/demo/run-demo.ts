/**
 * Replays the scripted logins through the bundle in the local runtime against the
 * sample store, and returns what each one did. Printing is the report's job.
 */
import { MARKER_KEY } from "../../action/metadata-rules";
import { hasValue, isPlainObject } from "../../action/plain-object";
import { type BundleCode, loadBundleCode, runtimeForBundle } from "../bundle-source";
import { actionLogFields, keptLog } from "../log-fields";
import type { FlowResult } from "../runtime/flow-result";
import { isRefreshTokenExchange, type LocalUser } from "../runtime/post-login-event";
import { startSampleStore } from "../sample-store/server";
import { DEMO_LOGINS, type DemoLogin, initialAuth0Users } from "./demo-logins";
import { demoSecrets } from "./demo-secrets";

export interface DemoRow {
  title: string;
  email: string;
  /** The Action's outcome from its log line, or `skipped` when it wrote none. */
  outcome: string;
  /** The log line's reason, or why a silent login was skipped. */
  detail?: string;
  flow: FlowResult["status"];
  userKeys: number;
  appKeys: number;
  marker: boolean;
  /** Legacy keys the Action could not store as they are (from its log line). */
  skippedKeys: number;
  legacyCalls: number;
  ms: number;
  /** What Auth0 would keep of the Action's console output. */
  log: string;
  before: LocalUser;
  after: LocalUser;
}

export interface DemoRun {
  bundle: BundleCode["origin"];
  secrets: Record<string, string>;
  rows: DemoRow[];
}

function hasMarker(user: LocalUser): boolean {
  const app = user.app_metadata;
  return isPlainObject(app) && hasValue(app, MARKER_KEY);
}

/** Why the Action stayed silent, read from the login itself. */
function silentReason(login: DemoLogin, user: LocalUser): string {
  if (isRefreshTokenExchange(login)) return "refresh-token exchange";
  if (hasMarker(user)) return "already repaired";
  return "nothing missing";
}

function row(login: DemoLogin, before: LocalUser, result: FlowResult, legacyCalls: number): DemoRow {
  const log = keptLog(result);
  const fields = actionLogFields(log);
  const count = (target: "user_metadata" | "app_metadata") =>
    result.writes.filter((write) => write.target === target && write.key !== MARKER_KEY).length;
  return {
    title: login.title,
    email: before.email ?? before.user_id,
    outcome: fields?.outcome ?? "skipped",
    detail: fields ? fields.reason : silentReason(login, before),
    flow: result.status,
    userKeys: count("user_metadata"),
    appKeys: count("app_metadata"),
    marker: result.writes.some((write) => write.target === "app_metadata" && write.key === MARKER_KEY),
    skippedKeys: Number(fields?.skipped_keys ?? 0),
    legacyCalls,
    ms: result.durationMs,
    log,
    before,
    after: result.user,
  };
}

export async function runDemo(): Promise<DemoRun> {
  const bundle = await loadBundleCode();
  const store = await startSampleStore();
  try {
    const secrets = demoSecrets(store);
    const runtime = runtimeForBundle(bundle.code, secrets);
    const users = new Map(initialAuth0Users().map((user) => [user.user_id, user]));
    const rows: DemoRow[] = [];
    for (const login of DEMO_LOGINS) {
      const before = users.get(login.userId);
      if (!before) throw new Error(`the demo script names an unknown user ${login.userId}`);
      store.heal();
      if (login.storeFaults) store.setFaults(login.storeFaults);
      const callsBefore = store.requests.length;
      const result = await runtime.execute({ user: before, protocol: login.protocol });
      users.set(login.userId, result.user);
      rows.push(row(login, before, result, store.requests.length - callsBefore));
    }
    return { bundle: bundle.origin, secrets, rows };
  } finally {
    await store.close();
  }
}
