/**
 * What to write: for each metadata object, the legacy keys Auth0 has no value for and
 * can store exactly as they are. A key that cannot be stored as-is is skipped whole and
 * counted; nothing Auth0 already holds is ever overwritten or deleted.
 */
import type { Config } from "./config";
import type { MetadataSide } from "./detect";
import { jsonBytes, utf8Length } from "./json-size";
import type { Marker } from "./marker";
import { isForbiddenKeyName, MARKER_KEY, METADATA_BUDGET_BYTES, RESERVED_APP_METADATA_KEYS } from "./metadata-rules";
import { hasValue } from "./plain-object";
import { valueProblem } from "./storable-value";
import type { JsonObject } from "./types";

export type Target = "user" | "app";

export type SkipReason =
  | "forbidden_name"
  | "marker_key"
  | "reserved"
  | "not_allowed"
  | "not_object_in_auth0"
  | "over_budget"
  | NonNullable<ReturnType<typeof valueProblem>>;

export interface FillPlan {
  user: Array<[key: string, value: unknown]>;
  app: Array<[key: string, value: unknown]>;
  /** Keys are for local tools and tests; the Action's log only counts them (no data in logs). */
  skipped: Array<{ target: Target; key: string; reason: SkipReason }>;
}

function entryBytes(key: string, value: unknown): number {
  return utf8Length(JSON.stringify(key)) + 1 + jsonBytes(value);
}

function appKeyProblem(key: string, config: Config): SkipReason | undefined {
  if (key === MARKER_KEY) return "marker_key";
  if (RESERVED_APP_METADATA_KEYS.has(key)) return "reserved";
  if (config.allowedAppKeys && !config.allowedAppKeys.has(key)) return "not_allowed";
  return undefined;
}

function planSide(
  target: Target,
  side: MetadataSide,
  legacy: JsonObject | undefined,
  config: Config,
  plan: FillPlan,
  reservedEntry: number | undefined,
): void {
  if (!legacy) return;
  // Sorted, so that which keys fit the budget does not depend on the store's key order.
  const candidates = Object.keys(legacy)
    .filter((key) => hasValue(legacy, key) && !hasValue(side.current, key))
    .sort();
  const storable: Array<[string, unknown]> = [];
  for (const key of candidates) {
    const value = legacy[key];
    const reason =
      (!side.writable ? "not_object_in_auth0" : undefined) ??
      (isForbiddenKeyName(key) ? "forbidden_name" : undefined) ??
      (target === "app" ? appKeyProblem(key, config) : undefined) ??
      valueProblem(value);
    if (reason) plan.skipped.push({ target, key, reason });
    else storable.push([key, value]);
  }
  plan[target].push(...withinBudget(target, side.current, storable, reservedEntry, plan));
}

/**
 * The storable entries that fit Auth0's per-session budget, in order. When all of them
 * fit together (the usual case) one serialisation decides; otherwise each is weighed.
 */
function withinBudget(
  target: Target,
  current: JsonObject,
  storable: Array<[string, unknown]>,
  reservedEntry: number | undefined,
  plan: FillPlan,
): Array<[string, unknown]> {
  let size = jsonBytes(current);
  // Each entry adds `"key":value`, and a comma unless the object was `{}`.
  const grow = (entryBytes: number) => entryBytes + (size > 2 ? 1 : 0);
  if (reservedEntry !== undefined) size += grow(reservedEntry);
  // The merged object is never larger than what Auth0 holds plus all of these together.
  if (size + jsonBytes(Object.fromEntries(storable)) <= METADATA_BUDGET_BYTES) return storable;
  const fitting: Array<[string, unknown]> = [];
  for (const [key, value] of storable) {
    const added = grow(entryBytes(key, value));
    if (size + added > METADATA_BUDGET_BYTES) {
      plan.skipped.push({ target, key, reason: "over_budget" });
      continue;
    }
    size += added;
    fitting.push([key, value]);
  }
  return fitting;
}

export function planFill(
  user: MetadataSide,
  app: MetadataSide,
  legacyUser: JsonObject | undefined,
  legacyApp: JsonObject | undefined,
  config: Config,
  marker: Marker,
): FillPlan {
  const plan: FillPlan = { user: [], app: [], skipped: [] };
  planSide("user", user, legacyUser, config, plan, undefined);
  planSide("app", app, legacyApp, config, plan, app.writable ? entryBytes(MARKER_KEY, marker) : undefined);
  return plan;
}
