/**
 * When the legacy store could be switched off, if the recent pace holds: a straight line
 * fitted (least squares) through the recent runs' count of users the verdict still waits
 * for, extended from the latest run down to zero. Only runs of the latest run's scope
 * (connections and REPAIR_VERSION) count: a REPAIR_VERSION bump sends repaired users back
 * to "missing", which is a new start, not a trend.
 */
import type { HistoryRun } from "../history/read-history";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back "recent" reaches from the latest run. */
export const RECENT_DAYS = 28;
/** The fewest runs, and the shortest time they must span, that make a trend. */
const MIN_RECENT_RUNS = 3;
const MIN_SPAN_DAYS = 1;
/** A date further out than this is no date: the migration has stalled. */
export const HORIZON_DAYS = 3650;

export type ShortHistory = "too_few_runs" | "too_short_span";

export const SHORT_HISTORY_REASONS: Readonly<Record<ShortHistory, string>> = {
  too_few_runs: `a trend needs at least ${MIN_RECENT_RUNS} verify runs of the latest run's scope within the last ${RECENT_DAYS} days`,
  too_short_span: `a trend needs verify runs spread over at least ${MIN_SPAN_DAYS} day within the last ${RECENT_DAYS} days`,
};

/** The recent runs the estimate rests on. */
export interface Trend {
  runs: number;
  from: number;
  to: number;
  /** Users the verdict waits for at the first and the last of those runs. */
  firstOutstanding: number;
  lastOutstanding: number;
  /** The fitted line's slope: negative when the count falls. */
  perDay: number;
  /** Runs of the last RECENT_DAYS days left out because they were for another scope. */
  otherScope: number;
}

export type SwitchOffEstimate =
  | { kind: "finished"; at: number }
  | { kind: "not_enough_history"; reason: ShortHistory; runs: number }
  | { kind: "stalled"; outstanding: number; trend: Trend }
  | { kind: "date"; outstanding: number; trend: Trend; date: number; days: number };

/** The users the verdict still waits for: not migrated, missing metadata, unable to log in. */
function outstandingUsers(run: Pick<HistoryRun, "categories">): number {
  const { not_migrated, missing_metadata, unrepairable } = run.categories;
  return not_migrated + missing_metadata + unrepairable;
}

const scopeOf = (run: HistoryRun) => `${[...run.connections].sort().join(",")}#${run.repair_version}`;

/** Slope of the least-squares line through the points, per unit of x. */
function leastSquaresSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return covariance / variance;
}

/** `runs` oldest first, as `readHistory` returns them. */
export function switchOffEstimate(runs: readonly HistoryRun[]): SwitchOffEstimate | undefined {
  const latest = runs.at(-1);
  if (latest === undefined) return undefined;
  if (latest.can_switch_off) return { kind: "finished", at: latest.time };
  const since = latest.time - RECENT_DAYS * DAY_MS;
  const recentRuns = runs.filter((run) => run.time >= since);
  const recent = recentRuns.filter((run) => scopeOf(run) === scopeOf(latest));
  const first = recent[0];
  if (first === undefined || recent.length < MIN_RECENT_RUNS) {
    return { kind: "not_enough_history", reason: "too_few_runs", runs: recent.length };
  }
  if (latest.time - first.time < MIN_SPAN_DAYS * DAY_MS) {
    return { kind: "not_enough_history", reason: "too_short_span", runs: recent.length };
  }
  const perDay = leastSquaresSlope(
    recent.map((run) => ({ x: (run.time - latest.time) / DAY_MS, y: outstandingUsers(run) })),
  );
  const outstanding = outstandingUsers(latest);
  const trend: Trend = {
    runs: recent.length,
    from: first.time,
    to: latest.time,
    firstOutstanding: outstandingUsers(first),
    lastOutstanding: outstanding,
    perDay,
    otherScope: recentRuns.length - recent.length,
  };
  const days = perDay < 0 ? outstanding / -perDay : Number.POSITIVE_INFINITY;
  if (days > HORIZON_DAYS) return { kind: "stalled", outstanding, trend };
  const wholeDays = Math.ceil(days);
  return { kind: "date", outstanding, trend, days: wholeDays, date: latest.time + wholeDays * DAY_MS };
}
