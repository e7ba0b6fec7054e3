/**
 * The Action's `api.cache` for a process on the operator's machine: it only has to hold
 * the legacy OAuth token between calls, so it is a plain map with expiry and no limits.
 */
import type { CacheEntry, CacheSetResult, PostLoginCache } from "../action/types";

const DEFAULT_TTL_MS = 15 * 60_000;
const SUCCESS: CacheSetResult = { type: "success" };

export function processCache(): PostLoginCache {
  const entries = new Map<string, CacheEntry>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry && entry.expires_at <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    set(key, value, options) {
      const expires_at = options?.expires_at ?? Date.now() + (options?.ttl ?? DEFAULT_TTL_MS);
      entries.set(key, { value, expires_at });
      return SUCCESS;
    },
    delete(key) {
      entries.delete(key);
      return SUCCESS;
    },
  };
}
