/**
 * Paces every Management API call of one command together, from the tenant's own
 * rate-limit headers. Each answer's `X-RateLimit-Remaining`, less the calls still in
 * flight, is the budget until `X-RateLimit-Reset`; a call that finds it spent waits for
 * the reset, so the workers rarely meet a 429. A 429 still pauses everyone until the
 * time the tenant names (`Retry-After`, else the reset) and the call is retried.
 */

import { setTimeout as sleep } from "node:timers/promises";
import { ManagementError, ManagementTimeoutError } from "auth0";
import { backoffMs } from "../../action/backoff";
import { parseRetryAfter } from "../../action/http-failure";

/** One SDK call with its raw response, e.g. `() => client.users.get(id).withRawResponse()`. */
export type RawCall<T> = () => Promise<{ data: T; rawResponse: { headers: Headers } }>;

export interface GovernorOptions {
  /** Attempts per call for 429, 5xx, timeouts and network failures. */
  maxAttempts?: number;
  /** Longest single pause, whatever the headers say. */
  maxPauseMs?: number;
}

export interface GovernorStats {
  calls: number;
  rateLimited: number;
}

const DEFAULT_ATTEMPTS = 8;
const DEFAULT_MAX_PAUSE_MS = 60_000;
const FIRST_BACKOFF_MS = 500;

function header(headers: Headers | undefined, name: string): number | undefined {
  const text = headers?.get(name);
  if (text === null || text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text);
}

/** Rate limits, server errors, timeouts and network failures may pass; anything else is final. */
function isRetryable(error: unknown): boolean {
  if (error instanceof ManagementTimeoutError) return true;
  if (!(error instanceof ManagementError)) return false;
  const status = error.statusCode;
  return status === undefined || status === 429 || status >= 500;
}

export class RateGovernor {
  readonly stats: GovernorStats = { calls: 0, rateLimited: 0 };
  private readonly maxAttempts: number;
  private readonly maxPauseMs: number;
  /** Calls that may still start before `resetAt`; unlimited until the tenant says otherwise. */
  private budget = Number.POSITIVE_INFINITY;
  private resetAt = 0;
  private inFlight = 0;

  constructor(options: GovernorOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
    this.maxPauseMs = options.maxPauseMs ?? DEFAULT_MAX_PAUSE_MS;
  }

  async call<T>(request: RawCall<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.takeTurn();
      this.stats.calls++;
      this.inFlight++;
      try {
        const { data, rawResponse } = await request();
        this.inFlight--;
        this.observe(rawResponse.headers);
        return data;
      } catch (error) {
        this.inFlight--;
        if (!isRetryable(error) || attempt >= this.maxAttempts) throw error;
        const headers = error instanceof ManagementError ? error.rawResponse?.headers : undefined;
        if (error instanceof ManagementError && error.statusCode === 429) {
          this.stats.rateLimited++;
          this.spentUntil(this.delayFrom(headers) ?? backoffMs(attempt, FIRST_BACKOFF_MS));
        } else {
          await sleep(backoffMs(attempt, FIRST_BACKOFF_MS));
        }
      }
    }
  }

  private delayFrom(headers: Headers | undefined): number | undefined {
    const retryAfter = parseRetryAfter(headers?.get("retry-after") ?? null);
    if (retryAfter !== undefined) return retryAfter;
    const reset = header(headers, "x-ratelimit-reset");
    return reset === undefined ? undefined : reset * 1000 - Date.now();
  }

  /** Calls still in flight may not have been counted in this answer yet: they are set aside. */
  private observe(headers: Headers): void {
    const remaining = header(headers, "x-ratelimit-remaining");
    const reset = header(headers, "x-ratelimit-reset");
    if (remaining === undefined || reset === undefined) return;
    this.budget = remaining - this.inFlight;
    this.resetAt = Math.min(reset * 1000, Date.now() + this.maxPauseMs);
  }

  private spentUntil(ms: number): void {
    this.budget = 0;
    this.resetAt = Math.max(this.resetAt, Date.now() + Math.min(this.maxPauseMs, Math.max(0, ms)));
  }

  private async takeTurn(): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (now >= this.resetAt) {
        // Past the reset the old figures say nothing; the next answer brings new ones.
        this.budget = Number.POSITIVE_INFINITY;
      }
      if (this.budget > 0) {
        this.budget--;
        return;
      }
      await sleep(this.resetAt - now);
    }
  }
}
