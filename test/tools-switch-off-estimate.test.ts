/**
 * The switch-off estimate on synthetic trends whose answer is known: a straight fall
 * (exact date), a noisy one (close to it), a flat or rising count (no date), a finished
 * migration (now), and histories too short to say anything.
 */
import { describe, expect, it } from "vitest";
import { estimateWords } from "../src/tools/report/estimate-words";
import { DAY_MS, switchOffEstimate } from "../src/tools/report/switch-off-estimate";
import { historyLineOf, historyRuns, type RunCounts } from "./support/history-lines";

const START = Date.parse("2026-03-01T06:00:00Z");

/** One run a day for `days` days, each day's counts from `counts(day)`. */
function daily(days: number, counts: (day: number) => Omit<RunCounts, "at">, first = 0) {
  return Array.from({ length: days }, (_, i) =>
    historyLineOf({ at: new Date(START + (first + i) * DAY_MS), ...counts(first + i) }),
  );
}

/** Users the verdict waits for, spread over its three categories. */
const outstanding = (total: number): Omit<RunCounts, "at"> => ({
  legacy: 5000,
  notMigrated: Math.round(total * 0.6),
  both: Math.round(total * 0.3),
  unrepairable: total - Math.round(total * 0.6) - Math.round(total * 0.3),
  repaired: 5000 - total,
});

describe("the switch-off estimate", () => {
  it("a straight fall: the day the line reaches zero, from the latest run", () => {
    // 1000 users on day 0, 40 fewer each day: 640 left on day 9, zero on day 25.
    const estimate = switchOffEstimate(historyRuns(daily(10, (day) => outstanding(1000 - 40 * day))));
    expect(estimate).toMatchObject({ kind: "date", outstanding: 640, days: 16, date: START + 25 * DAY_MS });
    if (estimate?.kind !== "date") throw new Error("expected a date");
    expect(estimate.trend).toMatchObject({ runs: 10, firstOutstanding: 1000, lastOutstanding: 640, otherScope: 0 });
    expect(estimate.trend.perDay).toBeCloseTo(-40, 9);
    const words = estimateWords(estimate);
    expect(words.headline).toBe("Around 2026-03-26");
    expect(words.sentences.join(" ")).toContain("about 40 users a day");
    expect(words.assumptions.length).toBeGreaterThanOrEqual(3);
  });

  it("a noisy fall: within two days of the straight line's date", () => {
    const noise = [12, -9, 15, -14, 3, 8, -11, 0, 14, -6, 9, -3, -15, 7];
    const estimate = switchOffEstimate(
      historyRuns(daily(14, (day) => outstanding(2000 - 50 * day + (noise[day] ?? 0)))),
    );
    // Without noise: 1350 left on day 13, zero on day 40.
    expect(estimate?.kind).toBe("date");
    if (estimate?.kind !== "date") return;
    expect(Math.abs(estimate.date - (START + 40 * DAY_MS))).toBeLessThanOrEqual(2 * DAY_MS);
  });

  it("a stalled count: no date, and says so", () => {
    const estimate = switchOffEstimate(historyRuns(daily(10, () => outstanding(500))));
    expect(estimate).toMatchObject({ kind: "stalled", outstanding: 500 });
    if (estimate?.kind !== "stalled") return;
    expect(estimate.trend.perDay).toBeCloseTo(0, 9);
    expect(estimateWords(estimate).headline).toBe("No date: the migration is not moving");
  });

  it("a rising count (new users arriving without metadata faster than repairs): no date", () => {
    const estimate = switchOffEstimate(historyRuns(daily(8, (day) => outstanding(300 + 5 * day))));
    expect(estimate?.kind).toBe("stalled");
  });

  it("a fall so slow the date would be more than ten years out: no date", () => {
    const estimate = switchOffEstimate(historyRuns(daily(10, (day) => outstanding(4000 - day))));
    expect(estimate?.kind).toBe("stalled");
    if (estimate?.kind !== "stalled") return;
    expect(estimateWords(estimate).headline).toBe("No date: far too slow");
    expect(estimateWords(estimate).sentences[0]).toContain("more than 10 years");
  });

  it("a finished migration: now, whatever came before", () => {
    const lines = daily(6, (day) => outstanding(Math.max(0, 250 - 50 * day)));
    expect(historyLineOf({ at: new Date(START), ...outstanding(0) }).can_switch_off).toBe(true);
    const estimate = switchOffEstimate(historyRuns(lines));
    expect(estimate).toEqual({ kind: "finished", at: START + 5 * DAY_MS });
    expect(estimateWords(estimate ?? { kind: "finished", at: 0 }).headline).toBe("Now");
    // A single run that says YES is enough to say so.
    expect(switchOffEstimate(historyRuns(lines.slice(-1)))?.kind).toBe("finished");
  });

  it("not enough history: too few runs, runs too close together, or only old ones", () => {
    expect(switchOffEstimate(historyRuns(daily(2, (day) => outstanding(100 - day))))).toEqual({
      kind: "not_enough_history",
      reason: "too_few_runs",
      runs: 2,
    });
    const sameMorning = [0, 2, 4].map((hours) =>
      historyLineOf({ at: new Date(START + hours * 3_600_000), ...outstanding(100 - hours) }),
    );
    expect(switchOffEstimate(historyRuns(sameMorning))).toMatchObject({
      kind: "not_enough_history",
      reason: "too_short_span",
    });
    // Ten old runs, then two in the last four weeks: the old ones are not a recent trend.
    const old = daily(10, (day) => outstanding(1000 - 10 * day));
    const recent = daily(2, (day) => outstanding(1000 - 10 * day), 50);
    const estimate = switchOffEstimate(historyRuns([...old, ...recent]));
    expect(estimate).toMatchObject({ kind: "not_enough_history", reason: "too_few_runs", runs: 2 });
    if (estimate === undefined) return;
    expect(estimateWords(estimate).headline).toBe("Not enough history");
    expect(estimateWords(estimate).assumptions).toEqual([]);
    expect(switchOffEstimate([])).toBeUndefined();
  });

  it("only runs of the latest scope count: a REPAIR_VERSION bump starts a new trend", () => {
    const before = daily(10, (day) => outstanding(1000 - 40 * day));
    // Bumped on day 10: repaired users are missing again; then 20 a day are repaired.
    const after = daily(5, (day) => ({ ...outstanding(900 - 20 * (day - 10)), repairVersion: 2 }), 10);
    const estimate = switchOffEstimate(historyRuns([...before, ...after]));
    expect(estimate?.kind).toBe("date");
    if (estimate?.kind !== "date") return;
    expect(estimate.trend).toMatchObject({ runs: 5, otherScope: 10, firstOutstanding: 900, lastOutstanding: 820 });
    expect(estimate.trend.perDay).toBeCloseTo(-20, 9);
    expect(estimate.date).toBe(START + (14 + 41) * DAY_MS);
    expect(estimateWords(estimate).sentences.join(" ")).toContain(
      "10 runs of other connections or another REPAIR_VERSION",
    );
  });
});
