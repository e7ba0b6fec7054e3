/**
 * The synthetic post-login event `smoke` sends to Auth0's test endpoint: a first login
 * of a migrated user whose metadata never arrived (both objects empty), through the
 * first migration connection, shaped like Auth0's documented post-login event.
 *
 * Whether a test applies the Action's metadata writes to a real user is not documented,
 * so the user's `user_id` names a provider no tenant has: whatever the test does with
 * it, it cannot be any user's. The legacy lookup uses the identity, as at a real login.
 * No `secrets` are sent: the test must run with the Action's own, as deployed.
 */
import { randomBytes } from "node:crypto";
import type { Config } from "../../action/config";

/** The `<provider>|` of the synthetic user: no Auth0 connection is named this. */
export const SMOKE_PROVIDER = "repair-migrated-metadata-smoke";

export interface SmokeUser {
  email: string;
  legacyId?: string;
  username?: string;
}

export interface SmokeEventInput {
  user: SmokeUser;
  connection: string;
  /** The tenant's host; its first label stands for the tenant's id. */
  tenantDomain: string;
  now: Date;
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** What the URL template needs that the command line did not give, in the flag's words. */
export function missingLookup(config: Config, user: SmokeUser): string | undefined {
  if (config.placeholders.includes("legacy_id") && user.legacyId === undefined) {
    return "LEGACY_API_URL uses {legacy_id}: pass --legacy-id <the user's id in the legacy store>";
  }
  if (config.placeholders.includes("username") && user.username === undefined) {
    return "LEGACY_API_URL uses {username}: pass --username <the user's username>";
  }
  return undefined;
}

export function smokeUserId(): string {
  return `${SMOKE_PROVIDER}|${hex(8)}`;
}

export function buildSmokeEvent(input: SmokeEventInput, userId: string): Record<string, unknown> {
  const { user, connection, now } = input;
  const at = now.toISOString();
  const identityId = user.legacyId ?? userId.slice(SMOKE_PROVIDER.length + 1);
  return {
    user: {
      user_id: userId,
      email: user.email,
      email_verified: true,
      ...(user.username === undefined ? {} : { username: user.username }),
      user_metadata: {},
      app_metadata: {},
      identities: [{ connection, provider: "auth0", user_id: identityId, isSocial: false }],
      created_at: at,
      updated_at: at,
      last_login: at,
    },
    connection: { id: `con_${hex(8)}`, name: connection, strategy: "auth0", metadata: {} },
    client: { client_id: SMOKE_PROVIDER, name: `${SMOKE_PROVIDER} (synthetic)`, metadata: {} },
    transaction: {
      id: `tx_${hex(8)}`,
      protocol: "oidc-basic-profile",
      requested_scopes: ["openid", "profile", "email"],
      locale: "en",
    },
    request: {
      ip: "127.0.0.1",
      method: "GET",
      user_agent: SMOKE_PROVIDER,
      language: "en",
      query: {},
      body: {},
      geoip: {},
    },
    stats: { logins_count: 1 },
    tenant: { id: input.tenantDomain.split(/[.:]/)[0] ?? input.tenantDomain },
    session: { id: `ses_${hex(8)}` },
    authentication: { methods: [{ name: "pwd", timestamp: at }] },
    authorization: { roles: [] },
  };
}
