/**
 * The rate governor against a simulated tenant on a simulated clock: the tenant counts
 * requests per one-second window and answers with Auth0's headers, and every answer is
 * held a random 0-60 ms after being counted, so answers come back out of order. Whatever
 * the order, no window may count more than the limit, and the limit should still be used.
 * Runs in milliseconds, with seeded randomness, so any failure replays exactly.
 */
import { describe, expect, it } from "vitest";
import { StatusError } from "../src/shared/failure-cause";
import { type GovernorClock, RateGovernor } from "../src/tools/management/rate-governor";

/** mulberry32: a small seeded generator, so that a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Timer {
  at: number;
  fire: () => void;
}

/** Time moves only when every promise is settled: it jumps to the next timer. */
class SimulatedClock implements GovernorClock {
  private time = 1_800_000_000_000;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer: Timer = { at: this.time + Math.max(0, ms), fire: resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        "abort",
        () => {
          this.timers = this.timers.filter((t) => t !== timer);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** Runs until `work` settles, advancing time whenever nothing else can happen. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const result = work.finally(() => {
      settled = true;
    });
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) break;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next) throw new Error("deadlock: nothing left to wait for");
      this.time = Math.max(this.time, next.at);
      next.fire();
    }
    return result;
  }
}

/** Counts requests per second of its clock, answers with Auth0's headers, holds each answer a while. */
class SimulatedTenant {
  readonly perWindow = new Map<number, number>();
  refused = 0;

  constructor(
    private readonly clock: SimulatedClock,
    private readonly limit: number,
    private readonly random: () => number,
    private readonly maxDelayMs: number,
  ) {}

  async request(): Promise<{ data: true; rawResponse: { headers: Headers } }> {
    await this.clock.sleep(this.random() * 10); // on its way
    const window = Math.floor(this.clock.now() / 1000);
    const count = (this.perWindow.get(window) ?? 0) + 1;
    this.perWindow.set(window, count);
    const headers = new Headers({
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(Math.max(0, this.limit - count)),
      "x-ratelimit-reset": String(window + 1),
    });
    await this.clock.sleep(this.random() * this.maxDelayMs); // the answer, overtaken or overtaking
    if (count > this.limit) {
      this.refused++;
      throw new StatusError(429, headers);
    }
    return { data: true, rawResponse: { headers } };
  }

  busiestWindow(): number {
    return Math.max(...this.perWindow.values());
  }
}

async function drive(options: { seed: number; limit: number; workers: number; calls: number; maxDelayMs: number }) {
  const clock = new SimulatedClock();
  const random = seeded(options.seed);
  const tenant = new SimulatedTenant(clock, options.limit, random, options.maxDelayMs);
  const governor = new RateGovernor({ host: "tenant.test", timeoutMs: 60_000, clock, random });
  const starts: number[] = [];
  let left = options.calls;
  const worker = async () => {
    while (left > 0) {
      left--;
      await governor.call("a call", () => {
        starts.push(clock.now());
        return tenant.request();
      });
    }
  };
  const started = clock.now();
  await clock.run(Promise.all(Array.from({ length: options.workers }, worker)));
  return { tenant, governor, starts, seconds: (clock.now() - started) / 1000 };
}

describe("rate governor", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`never lets a window count more than the limit when answers come back out of order (seed ${seed})`, async () => {
      const { tenant, governor, seconds } = await drive({ seed, limit: 10, workers: 8, calls: 200, maxDelayMs: 60 });
      expect(tenant.busiestWindow()).toBeLessThanOrEqual(10);
      expect(tenant.refused).toBe(0);
      expect(governor.stats).toEqual({ calls: 200, rateLimited: 0 });
      // And the limit is used: 200 calls at 10 a second take 20 windows; allow a fifth more.
      expect(seconds).toBeLessThan(24);
    });
  }

  it("holds the lowest budget of a window even when an older, higher figure arrives last", async () => {
    // Long holds make late answers the rule rather than the exception.
    const { tenant } = await drive({ seed: 7, limit: 5, workers: 16, calls: 120, maxDelayMs: 400 });
    expect(tenant.busiestWindow()).toBeLessThanOrEqual(5);
    expect(tenant.refused).toBe(0);
  });

  it("wakes the waiting workers at different instants after a reset, not all at once", async () => {
    const { starts } = await drive({ seed: 11, limit: 10, workers: 8, calls: 40, maxDelayMs: 0 });
    // The first calls of the second window: the workers that waited for the reset.
    const second = Math.floor((starts[0] ?? 0) / 1000) + 1;
    const woken = starts.filter((at) => Math.floor(at / 1000) === second).slice(0, 8);
    expect(new Set(woken).size).toBeGreaterThan(4);
  });

  it("keeps to one call at a time after a first call that got no answer (a broken connection)", async () => {
    const clock = new SimulatedClock();
    const random = seeded(13);
    const tenant = new SimulatedTenant(clock, 3, random, 20);
    const governor = new RateGovernor({ host: "tenant.test", timeoutMs: 60_000, clock, random });
    let first = true;
    const request = async () => {
      if (!first) return tenant.request();
      first = false;
      await clock.sleep(5);
      throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    };
    let left = 30;
    const worker = async () => {
      while (left > 0) {
        left--;
        await governor.call("a call", request);
      }
    };
    await clock.run(Promise.all(Array.from({ length: 8 }, worker)));
    // A failure without an answer says nothing of the limit: the others must not all start at once.
    expect(tenant.busiestWindow()).toBeLessThanOrEqual(3);
    expect(tenant.refused).toBe(0);
  });

  it("sends a call guarded by a check (beforeResend) right after that check, even with the budget spent", async () => {
    const clock = new SimulatedClock();
    const governor = new RateGovernor({ host: "tenant.test", timeoutMs: 60_000, clock, random: seeded(17) });
    const reset = Math.floor(clock.now() / 1000) + 5;
    const spent = new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) });
    const sentAt: Record<string, number> = {};
    const call = (name: string) => async () => {
      sentAt[name] = clock.now();
      return { data: name, rawResponse: { headers: spent } };
    };
    await clock.run(governor.call("the check", call("check")));
    const checkedAt = clock.now();
    await clock.run(governor.call("the guarded write", call("write"), { once: true, beforeResend: async () => {} }));
    await clock.run(governor.call("a paced read", call("read")));
    // The guarded write is not held for the budget's reset: that wait would stand between the check and it.
    expect(sentAt.write).toBe(checkedAt);
    expect(sentAt.read).toBeGreaterThanOrEqual(reset * 1000);
  });

  it("after a 429 that names only the reset, still waits for it", async () => {
    const clock = new SimulatedClock();
    const governor = new RateGovernor({ host: "tenant.test", timeoutMs: 60_000, clock, random: seeded(5) });
    const attempts: number[] = [];
    const reset = Math.floor(clock.now() / 1000) + 3;
    await clock.run(
      governor.call("a call", async () => {
        attempts.push(clock.now());
        if (attempts.length === 1) throw new StatusError(429, new Headers({ "x-ratelimit-reset": String(reset) }));
        return { data: "done", rawResponse: { headers: new Headers() } };
      }),
    );
    expect(attempts[1]).toBeGreaterThanOrEqual(reset * 1000);
  });

  it("after a 429 whose reset is already past here (a clock ahead of the tenant's), still pauses before each try", async () => {
    const clock = new SimulatedClock();
    const governor = new RateGovernor({ host: "tenant.test", timeoutMs: 60_000, clock, random: seeded(7) });
    const attempts: number[] = [];
    // This machine's clock runs 2 s ahead: the reset the tenant names is 1 s in the past here.
    const reset = Math.floor(clock.now() / 1000) - 1;
    await clock.run(
      governor
        .call("a call", async () => {
          attempts.push(clock.now());
          throw new StatusError(
            429,
            new Headers({
              "x-ratelimit-limit": "10",
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": String(reset),
            }),
          );
        })
        .catch(() => undefined),
    );
    expect(attempts).toHaveLength(8);
    // Never a retry at the same instant: each waits at least half of a first backoff step (250 ms).
    for (let i = 1; i < attempts.length; i++) {
      expect((attempts[i] ?? 0) - (attempts[i - 1] ?? 0)).toBeGreaterThanOrEqual(250);
    }
  });

  it("after a 429, waits for the reset before trying again", async () => {
    const clock = new SimulatedClock();
    const random = seeded(3);
    const governor = new RateGovernor({ host: "tenant.test", timeoutMs: 60_000, clock, random });
    const attempts: number[] = [];
    const reset = Math.floor(clock.now() / 1000) + 2;
    const result = await clock.run(
      governor.call("a call", async () => {
        attempts.push(clock.now());
        const headers = new Headers({ "x-ratelimit-limit": "10", "x-ratelimit-reset": String(reset) });
        headers.set("x-ratelimit-remaining", attempts.length === 1 ? "0" : "9");
        if (attempts.length === 1) throw new StatusError(429, headers);
        return { data: "done", rawResponse: { headers } };
      }),
    );
    expect(result).toBe("done");
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toBeGreaterThanOrEqual(reset * 1000);
    expect(governor.stats).toEqual({ calls: 2, rateLimited: 1 });
  });
});
