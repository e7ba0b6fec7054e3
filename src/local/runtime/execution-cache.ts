/**
 * `api.cache` as the Actions of one execution see it. Auth0 says the cache is reliable
 * within one execution and best effort across executions, so an execution always finds
 * what it stored itself (until it expires), even when the trigger's store has lost it
 * because other executions started meanwhile.
 */
import type { CacheEntry, CacheSetResult, PostLoginCache } from "../../action/types";
import type { ActionCache, CacheOptions } from "./action-cache";

export class ExecutionCache implements PostLoginCache {
  /** What this execution stored (`null`: deleted), as stored. */
  private readonly own = new Map<string, CacheEntry | null>();

  constructor(
    private readonly trigger: ActionCache,
    private readonly now: () => number,
  ) {}

  get(key: string): CacheEntry | undefined {
    if (!this.own.has(key)) return this.trigger.get(key);
    const entry = this.own.get(key);
    if (!entry || entry.expires_at <= this.now()) return undefined;
    return { value: entry.value, expires_at: entry.expires_at };
  }

  set(key: string, value: string, options?: CacheOptions): CacheSetResult {
    const result = this.trigger.set(key, value, options);
    const stored = result.type === "success" ? this.trigger.get(key) : undefined;
    if (stored) this.own.set(key, stored);
    return result;
  }

  delete(key: string): CacheSetResult {
    const result = this.trigger.delete(key);
    if (result.type === "success") this.own.set(key, null);
    return result;
  }
}
