/**
 * A user as the tenant holds it (an export line or a user read), and where that user
 * stands, decided by the Action's own `detect()` and marker rules so that "who needs
 * repair" means exactly what it means at login.
 */
import type { Config } from "../action/config";
import { type Detection, detect } from "../action/detect";
import { currentMarker } from "../action/marker";
import { isPlainObject, ownValue } from "../action/plain-object";
import type { Identity, PostLoginUser } from "../action/types";

export type TenantUser = Pick<
  PostLoginUser,
  "user_id" | "email" | "username" | "user_metadata" | "app_metadata" | "identities"
>;

export type TenantState = "repaired" | "unknown_to_store" | "needs_repair" | "unrepairable" | "complete";

const optionalString = (value: unknown) => (typeof value === "string" ? value : undefined);

/** A JSON value from an export line or the Management API, if it is a user at all. */
export function asTenantUser(value: unknown): TenantUser | undefined {
  if (!isPlainObject(value) || typeof value.user_id !== "string" || value.user_id === "") return undefined;
  const identities = Array.isArray(value.identities) ? (value.identities as Identity[]) : undefined;
  return {
    user_id: value.user_id,
    email: optionalString(value.email),
    username: optionalString(value.username),
    user_metadata: value.user_metadata,
    app_metadata: value.app_metadata,
    identities,
  };
}

/**
 * Metadata that is neither absent, null nor an object keeps the user from logging in at
 * all: Auth0 fails the login before any Action runs (docs/local-run.md). Such a profile
 * must be fixed by hand; nothing here writes to it.
 */
export function loginBlocker(user: TenantUser): "user_metadata_not_object" | "app_metadata_not_object" | undefined {
  const loadable = (value: unknown) => value === undefined || value === null || isPlainObject(value);
  if (!loadable(user.user_metadata)) return "user_metadata_not_object";
  if (!loadable(user.app_metadata)) return "app_metadata_not_object";
  return undefined;
}

/** Detected as on a first-party login (not a refresh), the login the Action would see. */
export function detectFor(user: TenantUser, config: Config): Detection {
  return detect({ user: { ...user }, secrets: {} }, config);
}

/**
 * Where the user stands, with the Action's detection when it would repair them: verify
 * splits those users by what they lack from it, rather than detecting them a second time.
 */
export type TenantStanding =
  | { state: Exclude<TenantState, "needs_repair"> }
  | { state: "needs_repair"; repair: Extract<Detection, { kind: "repair" }> };

export function tenantStanding(user: TenantUser, config: Config): TenantStanding {
  if (loginBlocker(user)) return { state: "unrepairable" };
  const marker = currentMarker(user.app_metadata, config.repairVersion);
  if (marker) return { state: ownValue(marker, "status") === "not_found" ? "unknown_to_store" : "repaired" };
  const detection = detectFor(user, config);
  if (detection.kind === "repair") return { state: "needs_repair", repair: detection };
  if (detection.kind === "unrepairable") return { state: "unrepairable" };
  return { state: "complete" };
}

export function tenantState(user: TenantUser, config: Config): TenantState {
  return tenantStanding(user, config).state;
}
