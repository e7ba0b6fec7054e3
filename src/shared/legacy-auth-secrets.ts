/**
 * The secrets behind each way of calling the legacy store: what to check when the store
 * (or its token endpoint) refuses the credentials, named the same by `try` and `smoke`.
 */
import type { AuthKind } from "../action/auth-method";

export const AUTH_SECRETS: Record<AuthKind, string> = {
  bearer: "LEGACY_API_TOKEN",
  basic: "LEGACY_API_BASIC_AUTH",
  header: "LEGACY_API_KEY_HEADER / LEGACY_API_KEY",
  oauth: "LEGACY_OAUTH_CLIENT_ID / LEGACY_OAUTH_CLIENT_SECRET (and LEGACY_OAUTH_AUDIENCE / _SCOPE)",
};
