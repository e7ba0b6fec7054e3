/** What Auth0 accepts in metadata: names it refuses or reserves, sizes, and the marker this Action owns. */

export const MARKER_KEY = "legacy_metadata_repair";

/** app_metadata names Auth0 reserves for itself (Auth0 docs: metadata field names). */
export const RESERVED_APP_METADATA_KEYS: ReadonlySet<string> = new Set([
  "__tenant",
  "_id",
  "blocked",
  "clientID",
  "created_at",
  "email_verified",
  "email",
  "globalClientID",
  "global_client_id",
  "identities",
  "lastIP",
  "lastLogin",
  "loginsCount",
  "metadata",
  "multifactor_last_modified",
  "multifactor",
  "updated_at",
  "user_id",
]);

/** Auth0 persists at most 32 kB of user_metadata and 32 kB of app_metadata per session. */
export const METADATA_BUDGET_BYTES = 32 * 1024;

/** Nesting deeper than this inside one value is refused (Auth0's store has a depth limit). */
export const MAX_VALUE_DEPTH = 32;

/** Keys that would reach an object's prototype machinery when assigned naively. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Auth0 stores metadata in a document store that refuses `.`, `$` and NUL in any field
 * name; prototype names and ill-formed UTF-16 could not round-trip as plain data.
 */
export function isForbiddenKeyName(key: string): boolean {
  return (
    key === "" ||
    key.includes(".") ||
    key.includes("$") ||
    key.includes("\u0000") ||
    PROTOTYPE_KEYS.has(key) ||
    !key.isWellFormed()
  );
}
