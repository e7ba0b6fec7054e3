/**
 * Auth0 loads the user's profile into the event before the first Action runs. Metadata
 * stored as something other than an object (custom database scripts and profile sync can
 * store a string or an array) cannot be loaded, and the login fails there, before any
 * Action runs: Auth0's knowledge article "Logins Fail for Particular Connection when
 * Actions are Enabled with Error 'cannot unmarshal string'" (docs/local-run.md). Absent
 * and `null` metadata load as empty objects.
 */
import { isObjectRecord, type MetadataName } from "./pending-metadata";
import type { LocalUser } from "./post-login-event";

export interface UnloadableProfile {
  code: "metadata_not_object";
  target: MetadataName;
  message: string;
}

/** The field names of Auth0's event as its Go loader spells them in the error. */
const EVENT_FIELDS: Readonly<Record<MetadataName, string>> = {
  user_metadata: "userMetadata",
  app_metadata: "appMetadata",
};

/** The JSON type as Go's decoder names it in "cannot unmarshal <type> into ...". */
function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value;
}

export function unloadableProfile(user: LocalUser): UnloadableProfile | undefined {
  for (const target of ["user_metadata", "app_metadata"] as const) {
    const value = user[target];
    if (value === undefined || value === null || isObjectRecord(value)) continue;
    const message = `json: cannot unmarshal ${jsonTypeName(value)} into Go struct field .event.user.${EVENT_FIELDS[target]} of type map[string]interface {}`;
    return { code: "metadata_not_object", target, message };
  }
  return undefined;
}
