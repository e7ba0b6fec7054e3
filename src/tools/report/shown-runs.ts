/**
 * Which runs the charts and tables show. A history of a few hundred runs is shown whole;
 * a longer one (verify run hourly for months) keeps the latest run of each day, or of
 * each longer period, so the page stays one a person can read and print. The estimate
 * always uses every run.
 */
import type { HistoryRun } from "../history/read-history";
import { DAY_MS } from "./switch-off-estimate";

const MAX_SHOWN_RUNS = 120;
const LONGEST_PERIOD_DAYS = 365;
const PERIOD_DAYS = [1, 7, 28, 91, LONGEST_PERIOD_DAYS] as const;

export interface ShownRuns {
  runs: HistoryRun[];
  /** Days per period when thinned: the latest run of each is shown. */
  periodDays?: number;
}

function latestOfEach(runs: readonly HistoryRun[], periodMs: number): HistoryRun[] {
  const kept = new Map<number, HistoryRun>();
  for (const run of runs) kept.set(Math.floor(run.time / periodMs), run);
  return [...kept.values()];
}

/** `runs` oldest first. */
export function shownRuns(runs: readonly HistoryRun[]): ShownRuns {
  if (runs.length <= MAX_SHOWN_RUNS) return { runs: [...runs] };
  for (const days of PERIOD_DAYS) {
    const kept = latestOfEach(runs, days * DAY_MS);
    if (kept.length <= MAX_SHOWN_RUNS) return { runs: kept, periodDays: days };
  }
  // Centuries of yearly runs: the latest ones.
  return {
    runs: latestOfEach(runs, LONGEST_PERIOD_DAYS * DAY_MS).slice(-MAX_SHOWN_RUNS),
    periodDays: LONGEST_PERIOD_DAYS,
  };
}
