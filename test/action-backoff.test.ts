import { describe, expect, it } from "vitest";
import { backoffMs } from "../src/action/backoff";

describe("backoff with jitter", () => {
  it("doubles per attempt and keeps at least half the step", () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 100, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 100, () => 1))).toEqual([100, 200, 400, 800]);
  });

  it("spreads callers that fail together over the second half of the step", () => {
    const waits = new Set(Array.from({ length: 200 }, () => backoffMs(3, 100)));
    expect(waits.size).toBeGreaterThan(20);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(200);
      expect(wait).toBeLessThanOrEqual(400);
    }
  });
});
