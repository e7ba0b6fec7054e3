/**
 * The subset of Auth0's post-login (trigger v3) `event` and `api` objects this Action
 * uses, written from Auth0's documentation because `@auth0/actions` is not available
 * from the registry. Every field the platform may omit is optional here, and metadata
 * is `unknown` because custom database scripts can store anything in it.
 */

export interface Identity {
  connection?: string;
  provider?: string;
  user_id?: string;
  isSocial?: boolean;
}

export interface PostLoginUser {
  user_id: string;
  email?: string;
  username?: string;
  user_metadata?: unknown;
  app_metadata?: unknown;
  identities?: Identity[];
  created_at?: string;
}

export interface PostLoginEvent {
  user: PostLoginUser;
  connection?: { id?: string; name?: string; strategy?: string };
  transaction?: { protocol?: string };
  stats?: { logins_count?: number };
  secrets: Readonly<Record<string, string | undefined>>;
}

export type CacheSetResult = { type: "success" } | { type: "error"; code: string };

export interface CacheEntry {
  value: string;
  expires_at: number;
}

export interface PostLoginCache {
  get(key: string): CacheEntry | undefined;
  set(key: string, value: string, options?: { ttl?: number; expires_at?: number }): CacheSetResult;
  delete(key: string): CacheSetResult;
}

export interface PostLoginApi {
  user: {
    setUserMetadata(key: string, value: unknown): unknown;
    setAppMetadata(key: string, value: unknown): unknown;
  };
  access: { deny(reason: string): unknown };
  cache: PostLoginCache;
}

export type JsonObject = Record<string, unknown>;
