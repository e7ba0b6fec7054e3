/**
 * A recording post-login `api` for unit tests of the handler: it keeps every call in
 * order. The faithful emulator (deferred writes, limits) lives in src/local/.
 */
import { type Config, parseConfig } from "../../src/action/config";
import type { CacheEntry, PostLoginApi, PostLoginEvent } from "../../src/action/types";

export interface Recorded {
  api: PostLoginApi;
  userWrites: Array<[string, unknown]>;
  appWrites: Array<[string, unknown]>;
  denied: string[];
  cache: Map<string, CacheEntry>;
}

export function recordingApi(cache = new Map<string, CacheEntry>()): Recorded {
  const userWrites: Array<[string, unknown]> = [];
  const appWrites: Array<[string, unknown]> = [];
  const denied: string[] = [];
  const api: PostLoginApi = {
    user: {
      setUserMetadata: (key, value) => userWrites.push([key, value]),
      setAppMetadata: (key, value) => appWrites.push([key, value]),
    },
    access: { deny: (reason) => denied.push(reason) },
    cache: {
      get: (key) => {
        const entry = cache.get(key);
        if (entry && entry.expires_at <= Date.now()) {
          cache.delete(key);
          return undefined;
        }
        return entry;
      },
      set: (key, value, options) => {
        const expires_at = options?.expires_at ?? Date.now() + (options?.ttl ?? 15 * 60_000);
        cache.set(key, { value, expires_at });
        return { type: "success" };
      },
      delete: (key) => {
        cache.delete(key);
        return { type: "success" };
      },
    },
  };
  return { api, userWrites, appWrites, denied, cache };
}

export const LEGACY_BASE = "https://legacy.example.test";

export const BASE_SECRETS: Record<string, string> = {
  LEGACY_API_URL: `${LEGACY_BASE}/users/{legacy_id}`,
  MIGRATION_CONNECTIONS: "legacy-db",
  LEGACY_API_TOKEN: "test-token",
};

/** A valid configuration: BASE_SECRETS with `overrides`; throws on a problem, naming it. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const result = parseConfig({ ...BASE_SECRETS, ...overrides });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

export function migratedUser(overrides: Partial<PostLoginEvent["user"]> = {}): PostLoginEvent["user"] {
  return {
    user_id: "auth0|1001",
    email: "ada@example.com",
    username: "ada",
    user_metadata: {},
    app_metadata: {},
    identities: [{ provider: "auth0", connection: "legacy-db", user_id: "1001", isSocial: false }],
    created_at: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function loginEvent(
  user = migratedUser(),
  secrets: Record<string, string> = BASE_SECRETS,
  extra: Partial<PostLoginEvent> = {},
): PostLoginEvent {
  return {
    user,
    connection: { id: "con_1", name: "legacy-db", strategy: "auth0" },
    transaction: { protocol: "oidc-basic-profile" },
    stats: { logins_count: 2 },
    secrets,
    ...extra,
  };
}
