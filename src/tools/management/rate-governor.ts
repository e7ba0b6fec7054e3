/**
 * Paces every Management API call of one command together, so that the tenant's rate
 * limit (shared by all of the tenant's clients) is never crossed, whatever order the
 * answers come back in.
 *
 * The tenant counts requests per window: each answer says how many are left after it
 * (`X-RateLimit-Remaining`) and when the window ends (`X-RateLimit-Reset`). Within a
 * window that figure only falls, so the lowest one seen is the latest the tenant knows,
 * and every call it counted after that answer is still unanswered here. The budget is
 * therefore the window's lowest remaining, less the calls in flight, less the calls that
 * ended without an answer (the tenant may have counted them). It holds until an answer
 * names a later reset; an answer from a window already over is ignored, never raising the
 * budget again. When the reset passes before any answer of the next window, that window
 * is taken as full (`X-RateLimit-Limit`) less the calls in flight. Until the tenant's
 * first answer says whether it limits at all, one call at a time. Waits end with jitter
 * so that the workers do not all wake at one instant. A 429 still pauses everyone until
 * `Retry-After` (else the reset), and the call is retried.
 *
 * A call that must not be sent twice says so per call (`once`), on this same governor,
 * so that it is paced with every other call of the command.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { backoffMs } from "../../action/backoff";
import { digitsValue } from "../../action/digits";
import { parseRetryAfter } from "../../action/http-failure";
import { boundedCall } from "../../shared/bounded-call";
import { isRetryableCause, StatusError } from "../../shared/failure-cause";
import type { RawCall } from "../../shared/management-call";
import { StepFailure } from "../../shared/step-failure";

/** Time as the governor sees it; tests run it on a simulated clock. */
export interface GovernorClock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface GovernorOptions {
  /** The tenant's host, named when a call fails. */
  host: string;
  /** What to check when the tenant refuses a call (401, 403): its scopes. */
  refusalHint?: string;
  /** Bound of each attempt. */
  timeoutMs: number;
  /** Told before a failed call is tried again, so a long wait is never silent. */
  onRetry?: (failure: StepFailure, attempt: number, attempts: number) => void;
  clock?: GovernorClock;
  random?: () => number;
}

/** How one call may be sent again. */
export interface CallOptions {
  /**
   * Sent once: after a timeout, a 5xx or a broken connection the request may have been
   * applied (a test that ran the Action, a write), and a second attempt could repeat or
   * undo it, so such a failure ends the call. A 429 applied nothing: it is still waited
   * out and sent again.
   */
  once?: boolean;
  /**
   * Runs once a 429 is waited out, before the request goes again: what must still hold for
   * it to be sent (a write re-reads what it replaces). What it throws ends the call. The
   * caller runs the same check before the first try, so such a call is never held for the
   * budget's pacing: a wait between the check and the send would reopen the window the
   * check closes. At most this one call goes past the budget; a 429 for it is waited out.
   */
  beforeResend?: () => Promise<void>;
}

export interface GovernorStats {
  calls: number;
  rateLimited: number;
}

interface Window {
  /** The `X-RateLimit-Reset` (epoch seconds) that names it. */
  reset: number;
  /** When it is over here: a little after the reset, our clock and the tenant's may differ. */
  endsAt: number;
  /** The lowest remaining seen; taken as the limit when the window is assumed. */
  lowest: number;
  /** Calls that ended without rate-limit headers while it lasted: maybe counted. */
  unanswered: number;
  /** Assumed after `reset` passed, before any answer of the next window. */
  assumed: boolean;
}

/** Attempts per call while the tenant answers 429. */
const RATE_LIMIT_ATTEMPTS = 8;
/** Attempts per call for 5xx, timeouts and broken connections (DNS, refusals and TLS fail at once). */
const FAILURE_ATTEMPTS = 3;
/** Longest single pause, whatever the headers say. */
const MAX_PAUSE_MS = 60_000;
const FIRST_BACKOFF_MS = 500;
const RESET_MARGIN_MS = 50;
/** Up to this much is added to a wait for the reset (half of it always). */
const WAKE_JITTER_MS = 100;
/** Up to this much before a worker woken by an answer looks again, so that they do not all start together. */
const ANSWER_JITTER_MS = 20;
/** How long an assumed window lasts: Auth0's limits refill by the second. */
const ASSUMED_WINDOW_MS = 1000;

const realClock: GovernorClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
};

function header(headers: Headers | undefined, name: string): number | undefined {
  const text = headers?.get(name)?.trim();
  return text === undefined ? undefined : digitsValue(text);
}

export class RateGovernor {
  readonly stats: GovernorStats = { calls: 0, rateLimited: 0 };
  private readonly clock: GovernorClock;
  private readonly random: () => number;
  private window: Window | undefined;
  private limit: number | undefined;
  /** Whether an answer has come yet: before it, nothing is known of the limit. */
  private answered = false;
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly options: GovernorOptions) {
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
  }

  get host(): string {
    return this.options.host;
  }

  async call<T>(step: string, request: RawCall<T>, options: CallOptions = {}): Promise<T> {
    const failureAttempts = options.once ? 1 : FAILURE_ATTEMPTS;
    const paced = options.beforeResend === undefined;
    for (let attempt = 1, failures = 0; ; attempt++) {
      await this.takeTurn(paced);
      this.stats.calls++;
      let failure: StepFailure;
      try {
        const { data, rawResponse } = await boundedCall(
          {
            step,
            host: this.options.host,
            timeoutMs: this.options.timeoutMs,
            source: "AUTH0_DOMAIN",
            hint: this.options.refusalHint,
          },
          request,
        );
        this.settle(rawResponse.headers);
        return data;
      } catch (error) {
        const headers =
          error instanceof StepFailure && error.cause instanceof StatusError ? error.cause.headers : undefined;
        this.settle(headers);
        if (!(error instanceof StepFailure)) throw error;
        failure = error;
      }
      const { failure: cause } = failure;
      if (cause.kind === "status" && cause.status === 429) {
        this.stats.rateLimited++;
        if (attempt >= RATE_LIMIT_ATTEMPTS) throw failure;
        this.pauseAfter429(failure);
        // Its own calls take their turns after the pause, like everyone's.
        await options.beforeResend?.();
        continue;
      }
      failures++;
      if (!isRetryableCause(cause) || failures >= failureAttempts) throw failure;
      this.options.onRetry?.(failure, failures, failureAttempts);
      await this.clock.sleep(backoffMs(failures, FIRST_BACKOFF_MS, this.random));
    }
  }

  /** The calls that may start now. */
  private available(): number {
    const { window } = this;
    if (!this.answered) return 1 - this.inFlight;
    if (window === undefined) return Number.POSITIVE_INFINITY;
    return window.lowest - this.inFlight - window.unanswered;
  }

  /** Waits for a turn and takes it (counted in flight) before anyone else can look; unpaced, only a 429's pause holds it. */
  private async takeTurn(paced: boolean): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.wait(this.pausedUntil);
        continue;
      }
      this.rollOver(now);
      if (!paced || this.available() > 0) {
        this.inFlight++;
        return;
      }
      // No window yet means the first call is still out: its answer wakes this one.
      const wokenByAnswer = await this.wait(this.window?.endsAt ?? now + MAX_PAUSE_MS);
      if (wokenByAnswer) await this.clock.sleep(backoffMs(1, ANSWER_JITTER_MS, this.random));
    }
  }

  /** Sleeps until `until` plus jitter, or until an answer changes the budget (then resolves true). */
  private async wait(until: number): Promise<boolean> {
    const woken = new AbortController();
    const wake = () => woken.abort();
    this.waiters.add(wake);
    try {
      const jitter = backoffMs(1, WAKE_JITTER_MS, this.random);
      await this.clock.sleep(Math.max(0, until - this.clock.now()) + jitter, woken.signal);
      return woken.signal.aborted;
    } finally {
      this.waiters.delete(wake);
    }
  }

  private rollOver(now: number): void {
    const { window } = this;
    if (window === undefined || now < window.endsAt || this.limit === undefined) return;
    this.window = {
      reset: window.reset,
      endsAt: now + ASSUMED_WINDOW_MS,
      lowest: this.limit,
      unanswered: 0,
      assumed: true,
    };
  }

  /** A call ended: what its answer says about the window, then every waiter looks again. */
  private settle(headers: Headers | undefined): void {
    this.inFlight--;
    // Only an answer says whether the tenant limits: a call that got none (a timeout, a broken connection) says nothing.
    if (headers !== undefined) this.answered = true;
    const remaining = header(headers, "x-ratelimit-remaining");
    const reset = header(headers, "x-ratelimit-reset");
    if (remaining === undefined || reset === undefined) {
      if (this.window) this.window.unanswered++;
    } else {
      this.observe(remaining, reset, header(headers, "x-ratelimit-limit"));
    }
    for (const wake of [...this.waiters]) wake();
  }

  private observe(remaining: number, reset: number, limit: number | undefined): void {
    this.limit = limit ?? Math.max(this.limit ?? 0, remaining + 1);
    const { window } = this;
    if (window === undefined || reset > window.reset) {
      const endsAt = Math.min(reset * 1000 + RESET_MARGIN_MS, this.clock.now() + MAX_PAUSE_MS);
      this.window = { reset, endsAt, lowest: remaining, unanswered: 0, assumed: false };
    } else if (reset === window.reset && !window.assumed) {
      window.lowest = Math.min(window.lowest, remaining);
    }
    // Otherwise the answer comes from a window that is over: it says nothing about this one.
  }

  /**
   * Everyone waits for what the 429 asks: its `Retry-After`, else until its `X-RateLimit-Reset`
   * (when still ahead here), else a backoff step; at most MAX_PAUSE_MS.
   */
  private pauseAfter429(failure: StepFailure): void {
    const now = this.clock.now();
    const headers = failure.cause instanceof StatusError ? failure.cause.headers : undefined;
    const retryAfter = parseRetryAfter(headers?.get("retry-after") ?? null, now);
    const reset = header(headers, "x-ratelimit-reset");
    // A reset already past by this machine's clock (one running ahead of the tenant's) says nothing of
    // how long to wait: taken as 0, every try would follow at once and be refused again in the same window.
    const untilReset = reset === undefined ? undefined : reset * 1000 + RESET_MARGIN_MS - now;
    const pause =
      retryAfter ??
      (untilReset !== undefined && untilReset > 0 ? untilReset : undefined) ??
      backoffMs(1, FIRST_BACKOFF_MS, this.random);
    this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(MAX_PAUSE_MS, Math.max(0, pause)));
  }
}
