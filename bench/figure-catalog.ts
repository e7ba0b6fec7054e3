/**
 * Every figure a run must produce, by group as the issue numbers them. The report
 * refuses to write results that miss one, and the bench test checks the same list, so a
 * case that silently stops measuring something fails loudly.
 */
import { VARIANT_IDS, type VariantId } from "./variant-ids";

export type Unit = "bytes" | "ms" | "µs" | "calls" | "writes" | "keys";

export interface MetricSpec {
  /** Dotted name; per-variant figures get `.<variant>` appended. */
  metric: string;
  group: number;
  label: string;
  unit: Unit;
  /** False for a reference measured once for all variants (an empty file, a bare fetch). */
  perVariant: boolean;
  /** The shipped Action's median must stay at or under this (docs/performance.md#budgets), in `unit`. */
  budget?: number;
}

const perVariant = (group: number, metric: string, label: string, unit: Unit, budget?: number): MetricSpec => ({
  metric,
  group,
  label,
  unit,
  perVariant: true,
  budget,
});

const reference = (group: number, metric: string, label: string, unit: Unit): MetricSpec => ({
  metric,
  group,
  label,
  unit,
  perVariant: false,
});

/**
 * The records of the repair figures, measured side by side in one loop. `mapped`: the
 * same 1 kB record read through metadata maps that pick each of its metadata keys, so
 * the same keys are written from the same bytes and only the way of reading differs.
 */
export const RECORD_CASES = [
  { name: "1kB", bytes: 1024, mapped: false, label: "1kB record" },
  { name: "1kB_mapped", bytes: 1024, mapped: true, label: "1kB record through maps" },
  { name: "30kB", bytes: 30 * 1024, mapped: false, label: "30kB record" },
] as const;

export const DEADLINE_BUDGETS_MS = [500, 2000, 4000] as const;

const LOGIN_KINDS = [
  { name: "migrated_complete", label: "migrated user, metadata complete" },
  { name: "other_connection", label: "user of another connection" },
] as const;

export const GROUP_TITLES: Record<number, string> = {
  1: "Bundle (Auth0 allows 100 kB per Action)",
  2: "Cold start: require() in a fresh Node process, against requiring an empty file",
  3: "Common login (no repair needed), per execution",
  4: "Repair login, store on 127.0.0.1 answering at once: execution minus a bare fetch",
  5: "Deadline: a store that never answers",
  6: "Outage: logins in a row while the store answers 503",
  7: "Population of migrated users, each logging in twice",
};

export const METRICS: readonly MetricSpec[] = [
  perVariant(1, "bundle.bytes", "bundle size", "bytes", 22 * 1024),
  perVariant(1, "bundle.gzip_bytes", "bundle size, gzip", "bytes"),
  reference(2, "cold_start.empty_file_process_ms", "Node process requiring an empty file (subtracted)", "ms"),
  reference(2, "cold_start.empty_file_require_ms", "require(empty file), inside the child (subtracted)", "ms"),
  perVariant(2, "cold_start.require_ms", "require(bundle): process time − empty-file process", "ms"),
  perVariant(2, "cold_start.require_in_child_ms", "require(bundle) − require(empty file), in the child", "ms", 2),
  perVariant(2, "cold_start.first_login_ms", "require(bundle) + first common login, in the child", "ms", 4),
  ...LOGIN_KINDS.flatMap((kind) => [
    perVariant(3, `common_login.${kind.name}.runtime_us`, `${kind.label}, local runtime execution`, "µs"),
    perVariant(3, `common_login.${kind.name}.direct_us`, `${kind.label}, handler alone, runtime's vm`, "µs", 1),
    perVariant(3, `common_login.${kind.name}.plain_us`, `${kind.label}, handler alone, plain Node`, "µs", 0.6),
  ]),
  ...RECORD_CASES.flatMap((record) => [
    reference(4, `repair.bare_fetch_${record.name}_ms`, `bare fetch + read body, ${record.label}`, "ms"),
    perVariant(
      4,
      `repair.overhead_${record.name}.runtime_ms`,
      `${record.label}, local runtime execution − fetch`,
      "ms",
    ),
    perVariant(4, `repair.overhead_${record.name}.direct_ms`, `${record.label}, handler alone − fetch`, "ms"),
  ]),
  ...DEADLINE_BUDGETS_MS.map((budget) =>
    perVariant(5, `deadline.budget_${budget}ms`, `LEGACY_API_TIMEOUT_MS=${budget}: execution time`, "ms"),
  ),
  perVariant(6, "outage.total_ms", "total time", "ms"),
  perVariant(6, "outage.legacy_calls", "legacy calls made", "calls"),
  ...[1, 2].flatMap((round) => [
    perVariant(7, `population.round${round}.legacy_calls`, `round ${round}: legacy calls`, "calls"),
    perVariant(7, `population.round${round}.writes`, `round ${round}: metadata keys written`, "writes"),
    perVariant(7, `population.round${round}.overwrites`, `round ${round}: keys overwritten`, "keys"),
    perVariant(7, `population.round${round}.total_ms`, `round ${round}: total time`, "ms"),
  ]),
];

export function figureId(metric: string, variant?: VariantId): string {
  return variant === undefined ? metric : `${metric}.${variant}`;
}

/** Every figure id a complete run holds. */
export function expectedFigureIds(): string[] {
  return METRICS.flatMap((spec) =>
    spec.perVariant ? VARIANT_IDS.map((variant) => figureId(spec.metric, variant)) : [spec.metric],
  );
}

/** Every ratio a complete run holds: each baseline against the shipped Action, per figure. */
export function expectedRatioIds(): string[] {
  return METRICS.filter((spec) => spec.perVariant).flatMap((spec) =>
    VARIANT_IDS.filter((variant) => variant !== "action").map((variant) => figureId(spec.metric, variant)),
  );
}
