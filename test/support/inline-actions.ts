/** Small Actions written inline, and the migrated user they run for: the runtime's own tests. */
import type { LocalUser } from "../../src/local/runtime/post-login-event";

export const localUser = (overrides: Partial<LocalUser> = {}): LocalUser => ({
  user_id: "auth0|42",
  email: "someone@example.com",
  identities: [{ connection: "legacy-db", provider: "auth0", user_id: "42", isSocial: false }],
  user_metadata: {},
  app_metadata: {},
  logins_count: 3,
  ...overrides,
});

/** One Action whose handler body is `body` (it sees `event` and `api`). */
export function inlineAction(body: string, name = "test-action", secrets: Record<string, unknown> = {}) {
  return { name, secrets, code: `exports.onExecutePostLogin = async (event, api) => {\n${body}\n};` };
}
