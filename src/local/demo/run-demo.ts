/**
 * Replays the scripted logins through the bundle in the local runtime against the
 * sample store, and returns what each one did. Printing is the report's job.
 */
import { MARKER_KEY } from "../../action/metadata-rules";
import { hasValue, isPlainObject } from "../../action/plain-object";
import { type BundleCode, loadBundleCode, runtimeForBundle } from "../bundle-source";
import { actionLogFields, keptLog, type LogLineFields } from "../log-fields";
import { type CacheModel, DEFAULT_CACHE_MODEL } from "../runtime/cache-model";
import type { FlowResult } from "../runtime/flow-result";
import { isRefreshTokenExchange, type LocalUser } from "../runtime/post-login-event";
import { type SampleStore, startSampleStore } from "../sample-store/server";
import {
  DEMO_LOGINS,
  type DemoLogin,
  initialAuth0Users,
  initialMappedUser,
  MAPPED_LOGIN,
  mappedUserRecord,
} from "./demo-logins";
import { demoSecrets, mappedDemoSecrets } from "./demo-secrets";

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
  /** The instance that ran the Actions (0-based); undefined when the login failed before any ran. */
  instance?: number;
  /**
   * Whether api.cache held anything when the execution started. The demo's Action uses a
   * static token, so its only possible entry is the outage memory.
   */
  cacheHeldEntries: boolean;
  /** What Auth0 would keep of the Action's console output. */
  log: string;
  /** Why the login failed before any Action ran, in Auth0's words. */
  failedBeforeActions?: string;
  before: LocalUser;
  after: LocalUser;
}

/** The login repaired through metadata maps, by an Action configured apart. */
export interface MappedDemo {
  secrets: Record<string, string>;
  /** What the store sent for this user, as the maps read it. */
  record: Record<string, unknown>;
  row: DemoRow;
}

export interface DemoRun {
  bundle: BundleCode["origin"];
  cache: CacheModel;
  secrets: Record<string, string>;
  rows: DemoRow[];
  mapped: MappedDemo;
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

/** Auth0's error when the login failed before any Action ran (a profile it cannot load). */
function failureBeforeActions(result: FlowResult): (FlowResult & { status: "failed" }) | undefined {
  return result.status === "failed" && result.instance === undefined ? result : undefined;
}

/** The outcome and its detail: the Action's log line, a silent skip, or a login that failed before any Action ran. */
function outcomeOf(
  login: DemoLogin,
  before: LocalUser,
  failed: (FlowResult & { status: "failed" }) | undefined,
  fields: LogLineFields | undefined,
): Pick<DemoRow, "outcome" | "detail"> {
  if (failed) {
    const what = "target" in failed.error ? `${failed.error.target} not an object` : failed.error.code;
    return { outcome: "login fails", detail: what };
  }
  if (fields) return { outcome: fields.outcome ?? "logged", detail: fields.reason };
  return { outcome: "skipped", detail: silentReason(login, before) };
}

function row(login: DemoLogin, before: LocalUser, result: FlowResult, legacyCalls: number): DemoRow {
  const log = keptLog(result);
  const fields = actionLogFields(log);
  const failed = failureBeforeActions(result);
  const count = (target: "user_metadata" | "app_metadata") =>
    result.writes.filter((write) => write.target === target && write.key !== MARKER_KEY).length;
  return {
    title: login.title,
    email: before.email ?? before.user_id,
    ...outcomeOf(login, before, failed, fields),
    flow: result.status,
    userKeys: count("user_metadata"),
    appKeys: count("app_metadata"),
    marker: result.writes.some((write) => write.target === "app_metadata" && write.key === MARKER_KEY),
    skippedKeys: Number(fields?.skipped_keys ?? 0),
    legacyCalls,
    ms: result.durationMs,
    instance: result.instance,
    cacheHeldEntries: result.cacheKeysAtStart.length > 0,
    log,
    failedBeforeActions: failed?.error.message,
    before,
    after: result.user,
  };
}

async function runMappedLogin(code: string, store: SampleStore, cache: CacheModel): Promise<MappedDemo> {
  store.heal();
  const secrets = mappedDemoSecrets(store);
  const runtime = runtimeForBundle(code, secrets, { cache });
  const before = initialMappedUser();
  const callsBefore = store.requests.length;
  const result = await runtime.execute({ user: before });
  const calls = store.requests.length - callsBefore;
  return { secrets, record: mappedUserRecord(), row: row(MAPPED_LOGIN, before, result, calls) };
}

export async function runDemo(cache: CacheModel = DEFAULT_CACHE_MODEL): Promise<DemoRun> {
  const bundle = await loadBundleCode();
  const store = await startSampleStore();
  try {
    const secrets = demoSecrets(store);
    const runtime = runtimeForBundle(bundle.code, secrets, { cache });
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
    return { bundle: bundle.origin, cache, secrets, rows, mapped: await runMappedLogin(bundle.code, store, cache) };
  } finally {
    await store.close();
  }
}
