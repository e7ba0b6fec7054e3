/**
 * While the legacy store is failing, later logins skip at once instead of each waiting
 * out the time budget. The memory is one `api.cache` entry per legacy origin (shared
 * across instances, best effort) mirrored in module state (this instance), and short:
 * once it lapses, the next login probes the store again.
 */
import { fnv1a } from "./fnv-hash";
import type { PostLoginCache } from "./types";

export const DEFAULT_OUTAGE_MS = 30_000;
const MIN_OUTAGE_MS = 5_000;
const MAX_OUTAGE_MS = 120_000;

let localDownUntil = new Map<string, number>();

function cacheKey(origin: string): string {
  return `rmm:down:${fnv1a(origin)}`;
}

function rememberLocally(origin: string, until: number): void {
  if (localDownUntil.size > 8) localDownUntil = new Map();
  localDownUntil.set(origin, until);
}

/**
 * An outage another instance saw is copied into this instance's module state when it is
 * found in `api.cache`: the cache is best effort, and the instance keeps skipping after
 * the entry is lost. Never for longer than this Action would remember one itself.
 */
export function isOutageRemembered(cache: PostLoginCache, origin: string, now = Date.now()): boolean {
  if ((localDownUntil.get(origin) ?? 0) > now) return true;
  const entry = cache.get(cacheKey(origin));
  if (entry === undefined || entry.expires_at <= now) return false;
  rememberLocally(origin, Math.min(entry.expires_at, now + MAX_OUTAGE_MS));
  return true;
}

/** A store that said when to come back (`Retry-After`) is believed, within bounds. */
export function rememberOutage(
  cache: PostLoginCache,
  origin: string,
  retryAfterMs: number | undefined,
  now = Date.now(),
): void {
  const span = Math.min(MAX_OUTAGE_MS, Math.max(MIN_OUTAGE_MS, retryAfterMs ?? DEFAULT_OUTAGE_MS));
  const until = now + span;
  rememberLocally(origin, until);
  cache.set(cacheKey(origin), "1", { expires_at: until });
}

export function forgetOutage(cache: PostLoginCache, origin: string): void {
  if (!localDownUntil.delete(origin)) return;
  cache.delete(cacheKey(origin));
}
