/**
 * Builds the post-login (trigger v3) `event` Auth0 hands an Action, from a user profile
 * as the Management API shows it, the connection used and the kind of transaction.
 */
import type { MetadataName } from "./pending-metadata";

export interface LocalIdentity {
  connection: string;
  provider: string;
  user_id: string;
  isSocial: boolean;
}

/** A user as Auth0 stores it (the fields the event carries). */
export interface LocalUser {
  user_id: string;
  email?: string;
  email_verified?: boolean;
  username?: string;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
  identities: LocalIdentity[];
  user_metadata?: unknown;
  app_metadata?: unknown;
  created_at?: string;
  updated_at?: string;
  last_login?: string;
  logins_count?: number;
}

export interface LoginInput {
  user: LocalUser;
  /** The connection of the login; the user's first identity's when absent. */
  connection?: { name: string; strategy?: string; id?: string };
  /** `oidc-basic-profile` by default; `oauth2-refresh-token` for a refresh-token exchange. */
  protocol?: string;
  client?: { client_id: string; name: string };
}

const REFRESH_TOKEN_PROTOCOL = "oauth2-refresh-token";

const DEFAULT_CLIENT = { client_id: "local-client", name: "Local runtime" };

export function isRefreshTokenExchange(login: Pick<LoginInput, "protocol">): boolean {
  return login.protocol === REFRESH_TOKEN_PROTOCOL;
}

/**
 * A refresh-token exchange is not a new login: it does not count in `logins_count` and
 * carries no interactive authentication.
 */
export function buildPostLoginEvent(
  login: LoginInput,
  metadata: (target: MetadataName) => unknown,
  secrets: Readonly<Record<string, string>>,
  now: Date,
) {
  const { user } = login;
  const refresh = isRefreshTokenExchange(login);
  const connectionName = login.connection?.name ?? user.identities[0]?.connection ?? "Username-Password-Authentication";
  const client = login.client ?? DEFAULT_CLIENT;
  const loginsCount = (user.logins_count ?? 0) + (refresh ? 0 : 1);
  return {
    user: {
      ...user,
      user_metadata: metadata("user_metadata") ?? {},
      app_metadata: metadata("app_metadata") ?? {},
    },
    connection: {
      id: login.connection?.id ?? `con_${connectionName.replace(/[^A-Za-z0-9]/g, "").slice(0, 16)}`,
      name: connectionName,
      strategy: login.connection?.strategy ?? "auth0",
      metadata: {},
    },
    transaction: {
      id: `tx_${now.getTime().toString(36)}`,
      protocol: login.protocol ?? "oidc-basic-profile",
      requested_scopes: refresh ? ["openid", "offline_access"] : ["openid", "profile", "email"],
      locale: "en",
    },
    client: { ...client, metadata: {} },
    request: {
      ip: "127.0.0.1",
      hostname: "local.auth0.invalid",
      method: refresh ? "POST" : "GET",
      user_agent: "local-actions-runtime",
      language: "en",
      query: {},
      body: {},
      geoip: {},
    },
    stats: { logins_count: loginsCount },
    tenant: { id: "local" },
    authentication: refresh ? { methods: [] } : { methods: [{ name: "pwd", timestamp: now.toISOString() }] },
    authorization: { roles: [] },
    secrets: { ...secrets },
  };
}
