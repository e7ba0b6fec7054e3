/**
 * The page's three charts and the table under each: the share of legacy users migrated,
 * the users still missing metadata by what they lack, and the users repaired or unknown
 * to the store, at each run shown. Every number charted is in the table, as text.
 */
import type { HistoryRun } from "../history/read-history";
import { MISSING_PART_LABELS, MISSING_PARTS } from "../verify/migration-report";
import { runDate, runTime, valueTicks } from "./chart-scale";
import type { ChartSeries, LineChart } from "./line-chart";
import { formatCount, formatShare } from "./number-format";
import { SERIES_STYLES } from "./series-styles";

export interface ChartTable {
  caption: string;
  columns: string[];
  /** Text cells; the first names the row. */
  rows: string[][];
  /** Whether the first cell is a run's time ("2026-03-14 09:30"), kept whole on each of its two parts. */
  timeRows?: boolean;
}

export interface ChartSection {
  id: string;
  heading: string;
  intro: string;
  chart: LineChart;
  table: ChartTable;
}

/** Legacy users who are in Auth0, as a share of those the store lists (none when it lists nobody). */
function migratedShare(run: HistoryRun): number | undefined {
  if (run.legacy_users === 0) return undefined;
  return (run.legacy_users - run.categories.not_migrated) / run.legacy_users;
}

/** "3 verify runs from 2026-03-01 to 2026-03-14": the charts' descriptions and the page's header. */
export function span(runs: readonly HistoryRun[]): string {
  const first = runs[0];
  const last = runs.at(-1);
  if (first === undefined || last === undefined) return "no run";
  const count = `${formatCount(runs.length)} verify run${runs.length === 1 ? "" : "s"}`;
  return first === last
    ? `${count} on ${runDate(first.time)}`
    : `${count} from ${runDate(first.time)} to ${runDate(last.time)}`;
}

const countTicks = (series: readonly ChartSeries[]) =>
  valueTicks(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined))));

/** "latest: 40 user_metadata only, 12 both". */
function latestWords(series: readonly ChartSeries[], format: (value: number) => string): string {
  return series
    .map((s) => `${s.name} ${s.values.at(-1) === undefined ? "no value" : format(s.values.at(-1) ?? 0)}`)
    .join(", ");
}

function migratedSection(runs: readonly HistoryRun[]): ChartSection {
  const shares = runs.map(migratedShare);
  const series: ChartSeries[] = [
    {
      name: "share migrated",
      values: shares.map((s) => (s === undefined ? undefined : s * 100)),
      style: SERIES_STYLES[0],
    },
  ];
  const first = shares[0];
  const last = shares.at(-1);
  return {
    id: "migrated",
    heading: "Legacy users migrated",
    intro: "The share of the users the legacy store lists who are in Auth0.",
    chart: {
      id: "migrated-chart",
      title: "Share of legacy users migrated",
      description: `Share of legacy users migrated over ${span(runs)}: from ${formatShare(first)} to ${formatShare(last)}.`,
      times: runs.map((run) => run.time),
      series,
      valueTicks: [0, 25, 50, 75, 100],
      valueLabel: (value) => `${value}%`,
    },
    table: {
      caption: "Legacy users migrated, at each run",
      columns: ["run (UTC)", "legacy users", "not yet migrated", "share migrated"],
      timeRows: true,
      rows: runs.map((run, i) => [
        runTime(run.time),
        formatCount(run.legacy_users),
        formatCount(run.categories.not_migrated),
        formatShare(shares[i]),
      ]),
    },
  };
}

const CANNOT_LOG_IN = "cannot log in";

function missingSection(runs: readonly HistoryRun[]): ChartSection {
  const series: ChartSeries[] = [
    ...MISSING_PARTS.map((part, i) => ({
      name: MISSING_PART_LABELS[part],
      values: runs.map((run) => run.missing_metadata_by_part[part]),
      style: SERIES_STYLES[i] ?? SERIES_STYLES[0],
    })),
    { name: CANNOT_LOG_IN, values: runs.map((run) => run.categories.unrepairable), style: SERIES_STYLES[3] },
  ];
  return {
    id: "missing",
    heading: "Users still missing metadata",
    intro:
      "Migrated users whose metadata has not arrived, by what they lack (the Action or backfill repairs them), and users whose metadata is not an object, who cannot log in until their profile is fixed by hand.",
    chart: {
      id: "missing-chart",
      title: "Users still missing metadata, by what is missing",
      description: `Users still missing metadata over ${span(runs)}; at the latest run: ${latestWords(series, formatCount)}.`,
      times: runs.map((run) => run.time),
      series,
      valueTicks: countTicks(series),
      valueLabel: formatCount,
    },
    table: {
      caption: "Users still missing metadata, at each run",
      columns: ["run (UTC)", ...MISSING_PARTS.map((part) => MISSING_PART_LABELS[part]), CANNOT_LOG_IN],
      timeRows: true,
      rows: runs.map((run) => [
        runTime(run.time),
        ...MISSING_PARTS.map((part) => formatCount(run.missing_metadata_by_part[part])),
        formatCount(run.categories.unrepairable),
      ]),
    },
  };
}

function repairedSection(runs: readonly HistoryRun[]): ChartSection {
  const series: ChartSeries[] = [
    { name: "repaired", values: runs.map((run) => run.categories.repaired), style: SERIES_STYLES[0] },
    {
      name: "unknown to the store",
      values: runs.map((run) => run.categories.unknown_to_store),
      style: SERIES_STYLES[1],
    },
  ];
  return {
    id: "repaired",
    heading: "Repaired, and unknown to the store",
    intro:
      "Users the Action or backfill has marked: repaired from the legacy store, or not found there (marker not_found: the store answered 404, so there is nothing to wait for).",
    chart: {
      id: "repaired-chart",
      title: "Users repaired, and users unknown to the legacy store",
      description: `Users repaired and unknown to the store over ${span(runs)}; at the latest run: ${latestWords(series, formatCount)}.`,
      times: runs.map((run) => run.time),
      series,
      valueTicks: countTicks(series),
      valueLabel: formatCount,
    },
    table: {
      caption: "Users repaired, and unknown to the store, at each run",
      columns: ["run (UTC)", "repaired", "unknown to the store"],
      timeRows: true,
      rows: runs.map((run) => [
        runTime(run.time),
        formatCount(run.categories.repaired),
        formatCount(run.categories.unknown_to_store),
      ]),
    },
  };
}

export function chartSections(runs: readonly HistoryRun[]): ChartSection[] {
  return [migratedSection(runs), missingSection(runs), repairedSection(runs)];
}
