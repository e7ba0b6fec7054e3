/**
 * `api.cache` as Auth0 runs it: one store per trigger, shared by every Action bound to
 * it and kept across executions of one instance, with Auth0's limits. A refused write is
 * an answer (`{type: 'error', code}`), never an exception, as on the platform.
 */
import type { CacheEntry, CacheSetResult, PostLoginCache } from "../../action/types";

const CACHE_LIMITS = {
  entries: 20,
  keyBytes: 64,
  valueBytes: 4 * 1024,
  totalBytes: 8 * 1024,
  defaultTtlMs: 15 * 60_000,
  maxTtlMs: 24 * 60 * 60_000,
} as const;

/** Auth0 does not document its codes; these name the limit that was hit. */
export type CacheErrorCode =
  | "invalid_key"
  | "key_too_large"
  | "invalid_value"
  | "value_too_large"
  | "invalid_ttl"
  | "max_entries_reached"
  | "max_size_reached";

const SUCCESS: CacheSetResult = { type: "success" };
const refuse = (code: CacheErrorCode): CacheSetResult => ({ type: "error", code });
// Node's own count, not the Action's utf8Length: the runtime is what the Action is checked against.
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

export class ActionCache implements PostLoginCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): CacheEntry | undefined {
    this.dropExpired();
    const entry = this.entries.get(key);
    return entry && { value: entry.value, expires_at: entry.expires_at };
  }

  set(key: string, value: string, options?: { ttl?: number; expires_at?: number }): CacheSetResult {
    if (typeof key !== "string" || key === "") return refuse("invalid_key");
    if (bytes(key) > CACHE_LIMITS.keyBytes) return refuse("key_too_large");
    if (typeof value !== "string") return refuse("invalid_value");
    if (bytes(value) > CACHE_LIMITS.valueBytes) return refuse("value_too_large");
    const now = this.now();
    const expiresAt = this.expiry(now, options);
    if (expiresAt === undefined) return refuse("invalid_ttl");
    this.dropExpired();
    const replacing = this.entries.get(key);
    if (!replacing && this.entries.size >= CACHE_LIMITS.entries) return refuse("max_entries_reached");
    const freed = replacing ? bytes(key) + bytes(replacing.value) : 0;
    if (this.totalBytes() - freed + bytes(key) + bytes(value) > CACHE_LIMITS.totalBytes) {
      return refuse("max_size_reached");
    }
    this.entries.set(key, { value, expires_at: expiresAt });
    return SUCCESS;
  }

  delete(key: string): CacheSetResult {
    if (typeof key !== "string" || key === "") return refuse("invalid_key");
    this.entries.delete(key);
    return SUCCESS;
  }

  /** Keys currently held, for tests and for showing what an instance remembers. */
  keys(): string[] {
    this.dropExpired();
    return [...this.entries.keys()];
  }

  /** Items live at most 24 h whatever is asked; a lifetime that is not a positive number is refused. */
  private expiry(now: number, options: { ttl?: number; expires_at?: number } | undefined): number | undefined {
    const latest = now + CACHE_LIMITS.maxTtlMs;
    if (options?.expires_at !== undefined) {
      const at = options.expires_at;
      return typeof at === "number" && Number.isFinite(at) && at > now ? Math.min(at, latest) : undefined;
    }
    const ttl = options?.ttl ?? CACHE_LIMITS.defaultTtlMs;
    return typeof ttl === "number" && Number.isFinite(ttl) && ttl > 0 ? Math.min(now + ttl, latest) : undefined;
  }

  private totalBytes(): number {
    let total = 0;
    for (const [key, entry] of this.entries) total += bytes(key) + bytes(entry.value);
    return total;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expires_at <= now) this.entries.delete(key);
  }
}
