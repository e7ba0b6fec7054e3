/**
 * The run as people read it (a table per group, each baseline's ratio to the Action
 * beside it) and as tools read it (results.json, every figure with its spread).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { figureId, GROUP_TITLES, METRICS, type MetricSpec } from "./figure-catalog";
import type { Figure, FigureSet } from "./figure-set";
import { type Machine, machineLine } from "./machine";
import type { Plan } from "./options";
import type { Ratio } from "./ratios";
import { VARIANT_IDS, VARIANT_LABELS } from "./variant-ids";
import type { Variant } from "./variants";

export interface RunReport {
  generatedAt: string;
  mode: Plan["mode"];
  wallTimeMs: number;
  machine: Machine;
  plan: Plan;
  variants: Array<{ id: string; label: string; file: string }>;
  figures: FigureSet;
  ratios: Record<string, Ratio>;
  notes: string[];
}

function number(value: number, unit: MetricSpec["unit"]): string {
  if (unit === "bytes" || Number.isInteger(value)) return Math.round(value).toLocaleString("en-US");
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toFixed(digits);
}

export function formatFigure(figure: Figure): string {
  const median = `${number(figure.median, figure.unit)} ${figure.unit}`;
  if (figure.n === 1 || figure.p10 === figure.p90) return median;
  return `${median} (${number(figure.p10, figure.unit)}–${number(figure.p90, figure.unit)})`;
}

export function formatRatio(ratio: Ratio | undefined): string {
  if (!ratio) return "";
  if (ratio.ratio === null) return "n/a";
  return `×${ratio.ratio >= 10 ? ratio.ratio.toFixed(0) : ratio.ratio.toFixed(2)}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")}`.trimEnd());
}

function groupLines(group: number, figures: FigureSet, ratios: Record<string, Ratio>): string[] {
  const specs = METRICS.filter((spec) => spec.group === group);
  const lines = [`${group}. ${GROUP_TITLES[group] ?? ""}`];
  const header = ["figure", ...VARIANT_IDS.map((id) => VARIANT_LABELS[id]), "(a)/Action", "(b)/Action"];
  const rows = specs
    .filter((spec) => spec.perVariant)
    .map((spec) => {
      const cells = VARIANT_IDS.map((id) => {
        const figure = figures.get(figureId(spec.metric, id));
        return figure ? formatFigure(figure) : "missing";
      });
      return [
        spec.label,
        ...cells,
        formatRatio(ratios[figureId(spec.metric, "article")]),
        formatRatio(ratios[figureId(spec.metric, "full_deps")]),
      ];
    });
  lines.push(...table([header, ...rows]));
  for (const spec of specs.filter((candidate) => !candidate.perVariant)) {
    const figure = figures.get(spec.metric);
    lines.push(`  reference: ${spec.label}: ${figure ? formatFigure(figure) : "missing"}`);
  }
  return lines;
}

export interface BudgetVerdict {
  metric: string;
  label: string;
  unit: MetricSpec["unit"];
  budget: number;
  /** The shipped Action's median; null when the run did not produce the figure. */
  median: number | null;
  met: boolean;
}

/** Each performance budget against the shipped Action's median. */
export function budgetVerdicts(figures: FigureSet): BudgetVerdict[] {
  return METRICS.flatMap(({ metric, label, unit, budget }) => {
    if (budget === undefined) return [];
    const median = figures.get(figureId(metric, "action"))?.median ?? null;
    return [{ metric, label, unit, budget, median, met: median !== null && median <= budget }];
  });
}

function budgetLines(figures: FigureSet): string[] {
  return budgetVerdicts(figures).map(({ metric, label, unit, budget, median, met }) => {
    const limit = `${number(budget, unit)} ${unit}`;
    const figure = figures.get(figureId(metric, "action"));
    if (median === null || !figure) return `  ${label} ≤ ${limit}: missing`;
    return `  ${label} ≤ ${limit}: ${formatFigure(figure)}, ${met ? "met" : "OVER BUDGET"}`;
  });
}

export function formatReport(report: RunReport): string {
  const groups = [...new Set(METRICS.map((spec) => spec.group))];
  return [
    `repair-migrated-metadata benchmarks (${report.mode} run, ${report.generatedAt})`,
    `Machine: ${machineLine(report.machine)}`,
    "Each figure: median (p10–p90) over repeated runs. Group 8, side by side: (a)/Action and (b)/Action are",
    "the baseline's median divided by the Action's; baselines live in bench/baselines/ and are never shipped.",
    "",
    ...groups.flatMap((group) => [...groupLines(group, report.figures, report.ratios), ""]),
    "Budgets (docs/performance.md#budgets), the shipped Action's median:",
    ...budgetLines(report.figures),
    "",
    "Notes:",
    ...report.notes.map((note) => `  - ${note}`),
    "",
    `Total bench wall time: ${(report.wallTimeMs / 1000).toFixed(1)} s`,
  ].join("\n");
}

export function describeVariants(variants: readonly Variant[], root: string): RunReport["variants"] {
  return variants.map(({ id, label, file }) => ({ id, label, file: relative(root, file) }));
}

export async function writeResults(path: string, report: RunReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const json = { ...report, figures: report.figures.toJSON(), budgets: budgetVerdicts(report.figures) };
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
}
