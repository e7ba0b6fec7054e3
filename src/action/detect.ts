/**
 * Decides, from the login event alone (no I/O), whether this login needs the legacy
 * store. The checks run cheapest and most common first, because they run on every login.
 */
import { hasOwn, isArray } from "./builtins";
import type { DetectionConfig } from "./config";
import { currentMarker } from "./marker";
import { MARKER_KEY } from "./metadata-rules";
import { hasValue, isPlainObject } from "./plain-object";
import type { JsonObject, PostLoginEvent, PostLoginUser } from "./types";
import type { PlaceholderValues } from "./url-template";

/** One metadata object as the fill plan sees it. */
export interface MetadataSide {
  /** What Auth0 holds now; `{}` when absent or null. */
  current: JsonObject;
  /** False when Auth0 holds something that is not an object: Auth0 refuses to set keys on it. */
  writable: boolean;
  missing: boolean;
}

export type Detection =
  | { kind: "skip" }
  | { kind: "unrepairable"; reason: "user_metadata_not_object" | "app_metadata_not_object" }
  | { kind: "repair"; user: MetadataSide; app: MetadataSide; lookup: PlaceholderValues };

const SKIP: Detection = { kind: "skip" };
const EMPTY: JsonObject = Object.freeze({}) as JsonObject;
const REFRESH_TOKEN_EXCHANGE = "oauth2-refresh-token";
const AUTH0_PREFIX = /^auth0\|/;

/** The user's id in the legacy store, from their identity of a migration connection. */
export function migrationIdentityId(user: PostLoginUser, connections: ReadonlySet<string>): string | undefined {
  const identities: unknown = user.identities;
  if (!isArray(identities)) return undefined;
  for (const identity of identities) {
    if (!isPlainObject(identity) || typeof identity.connection !== "string") continue;
    if (!connections.has(identity.connection)) continue;
    const id = identity.user_id;
    if (typeof id === "string") return id;
    if (typeof id === "number") return `${id}`;
    return user.user_id.replace(AUTH0_PREFIX, "");
  }
  return undefined;
}

/** A loop rather than keys().some(): this runs on every login and allocates nothing. */
function hasAnyValue(current: JsonObject, ignoredKey: string | undefined): boolean {
  for (const key in current) {
    if (key !== ignoredKey && hasOwn(current, key) && current[key] !== undefined && current[key] !== null) return true;
  }
  return false;
}

function isMissing(current: JsonObject, requiredKeys: readonly string[], ignoredKey?: string): boolean {
  if (requiredKeys.length === 0) return !hasAnyValue(current, ignoredKey);
  for (const key of requiredKeys) if (!hasValue(current, key)) return true;
  return false;
}

function side(value: unknown, requiredKeys: readonly string[], ignoredKey?: string): MetadataSide {
  if (value === undefined || value === null) return { current: EMPTY, writable: true, missing: true };
  if (!isPlainObject(value)) return { current: EMPTY, writable: false, missing: false };
  return { current: value, writable: true, missing: isMissing(value, requiredKeys, ignoredKey) };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function detect(event: PostLoginEvent, config: DetectionConfig): Detection {
  const legacyId = migrationIdentityId(event.user, config.connections);
  if (legacyId === undefined) return SKIP;
  if (event.transaction?.protocol === REFRESH_TOKEN_EXCHANGE) return SKIP;
  const { user_metadata, app_metadata } = event.user;
  if (currentMarker(app_metadata, config.repairVersion) !== undefined) return SKIP;

  const user = side(user_metadata, config.requiredUserKeys);
  const app = side(app_metadata, config.requiredAppKeys, MARKER_KEY);
  if ((user.missing && user.writable) || (app.missing && app.writable)) {
    const lookup = {
      email: optionalString(event.user.email),
      username: optionalString(event.user.username),
      legacy_id: legacyId,
    };
    return { kind: "repair", user, app, lookup };
  }
  if (!user.writable) return { kind: "unrepairable", reason: "user_metadata_not_object" };
  if (!app.writable) return { kind: "unrepairable", reason: "app_metadata_not_object" };
  return SKIP;
}
