/**
 * `api.cache` as Auth0 runs it: one store per trigger, shared by every Action bound to
 * it, with Auth0's limits, and best effort between executions. A refused write is an
 * answer (`{type: 'error', code}`), never an exception, as on the platform.
 *
 * Auth0 keeps an entry "up to" its lifetime and warns that later executions may not see
 * it. Here that is a deterministic rule, `keepsFor`: an entry survives the start of at
 * most that many later executions, then it is lost (Infinity: until it expires).
 */
import type { CacheEntry, CacheSetResult, PostLoginCache } from "../../action/types";

/**
 * Auth0's pages disagree on the default lifetime (the post-login API page says 24 hours,
 * the other triggers' pages and the cache limits say 15 minutes): the shorter one is
 * harsher for an Action, so it is the one used here (docs/local-run.md).
 */
export const CACHE_LIMITS = {
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
  | "invalid_expires_at"
  | "max_entries_reached"
  | "max_size_reached";

export interface CacheOptions {
  ttl?: number;
  expires_at?: number;
}

interface StoredEntry extends CacheEntry {
  /** The count of execution starts when it was stored. */
  storedAtStart: number;
}

/** A fresh object per answer: an Action that changes one changes nothing else. */
const success = (): CacheSetResult => ({ type: "success" });
const refuse = (code: CacheErrorCode): CacheSetResult => ({ type: "error", code });
// Node's own count, not the Action's utf8Length: the runtime is what the Action is checked against.
const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * When an entry stored at `now` expires: at the earlier of `ttl` and `expires_at` when
 * both are given (as Auth0 documents), never later than 24 hours; refused for a
 * lifetime that is not a positive number or a moment already past.
 */
function expiryOf(
  now: number,
  options: CacheOptions | undefined,
): { at: number } | { refused: "invalid_ttl" | "invalid_expires_at" } {
  const latest = now + CACHE_LIMITS.maxTtlMs;
  const candidates: number[] = [];
  const { ttl, expires_at } = options ?? {};
  if (ttl !== undefined) {
    if (!isTime(ttl) || ttl <= 0) return { refused: "invalid_ttl" };
    candidates.push(now + ttl);
  }
  if (expires_at !== undefined) {
    if (!isTime(expires_at) || expires_at <= now) return { refused: "invalid_expires_at" };
    candidates.push(expires_at);
  }
  if (candidates.length === 0) candidates.push(now + CACHE_LIMITS.defaultTtlMs);
  return { at: Math.min(latest, ...candidates) };
}

export class ActionCache implements PostLoginCache {
  private readonly entries = new Map<string, StoredEntry>();
  private starts = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly keepsFor = Number.POSITIVE_INFINITY,
  ) {}

  /** An execution begins: entries stored more than `keepsFor` starts ago are lost. */
  executionStarted(): void {
    this.starts++;
    for (const [key, entry] of this.entries) {
      if (this.starts - entry.storedAtStart > this.keepsFor) this.entries.delete(key);
    }
  }

  get(key: string): CacheEntry | undefined {
    this.dropExpired();
    const entry = this.entries.get(key);
    return entry && { value: entry.value, expires_at: entry.expires_at };
  }

  set(key: string, value: string, options?: CacheOptions): CacheSetResult {
    if (typeof key !== "string" || key === "") return refuse("invalid_key");
    if (bytes(key) > CACHE_LIMITS.keyBytes) return refuse("key_too_large");
    if (typeof value !== "string") return refuse("invalid_value");
    if (bytes(value) > CACHE_LIMITS.valueBytes) return refuse("value_too_large");
    const expiry = expiryOf(this.now(), options);
    if ("refused" in expiry) return refuse(expiry.refused);
    this.dropExpired();
    const replacing = this.entries.get(key);
    if (!replacing && this.entries.size >= CACHE_LIMITS.entries) return refuse("max_entries_reached");
    const freed = replacing ? bytes(key) + bytes(replacing.value) : 0;
    if (this.totalBytes() - freed + bytes(key) + bytes(value) > CACHE_LIMITS.totalBytes) {
      return refuse("max_size_reached");
    }
    this.entries.set(key, { value, expires_at: expiry.at, storedAtStart: this.starts });
    return success();
  }

  delete(key: string): CacheSetResult {
    if (typeof key !== "string" || key === "") return refuse("invalid_key");
    this.entries.delete(key);
    return success();
  }

  /** Keys currently held, for tests and for showing what the trigger remembers. */
  keys(): string[] {
    this.dropExpired();
    return [...this.entries.keys()];
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
