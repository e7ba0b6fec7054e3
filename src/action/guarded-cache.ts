/**
 * `api.cache` is best effort: a full cache, an oversized value or a platform hiccup must
 * never turn into a failed login, so every call is contained here.
 */
import type { PostLoginCache } from "./types";

const FAILED = { type: "error", code: "exception" } as const;

export function guardedCache(cache: PostLoginCache | undefined): PostLoginCache {
  return {
    get(key) {
      try {
        return cache?.get(key);
      } catch {
        return undefined;
      }
    },
    set(key, value, options) {
      try {
        return cache?.set(key, value, options) ?? FAILED;
      } catch {
        return FAILED;
      }
    },
    delete(key) {
      try {
        return cache?.delete(key) ?? FAILED;
      } catch {
        return FAILED;
      }
    },
  };
}
