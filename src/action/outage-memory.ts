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

export function isOutageRemembered(cache: PostLoginCache, origin: string, now = Date.now()): boolean {
  if ((localDownUntil.get(origin) ?? 0) > now) return true;
  const entry = cache.get(cacheKey(origin));
  return entry !== undefined && entry.expires_at > now;
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
  if (localDownUntil.size > 8) localDownUntil = new Map();
  localDownUntil.set(origin, until);
  cache.set(cacheKey(origin), "1", { expires_at: until });
}

export function forgetOutage(cache: PostLoginCache, origin: string): void {
  if (!localDownUntil.delete(origin)) return;
  cache.delete(cacheKey(origin));
}
