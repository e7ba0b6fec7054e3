/**
 * Keeps `npm run bench` working: the quick mode runs every case with few iterations, and
 * every figure and every ratio must come out as a number. Values are never asserted: a
 * timing threshold would only measure how busy the machine running the tests is.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedFigureIds, expectedRatioIds, METRICS } from "../bench/figure-catalog";

const root = resolve(import.meta.dirname, "..");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const SUMMARY_FIELDS = ["median", "p10", "p90", "min", "max", "n"] as const;

interface QuickResults {
  mode: string;
  wallTimeMs: number;
  machine: Record<string, unknown>;
  figures: Record<string, Record<string, unknown>>;
  ratios: Record<string, { ratio: unknown }>;
  budgets: Array<{ metric: string; budget: number; median: unknown; met: unknown }>;
}

let dir = "";
let results: QuickResults;
let stdout = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bench-quick-"));
  const out = join(dir, "results.json");
  const run = await promisify(execFile)(process.execPath, [tsxCli, "bench/run.ts", "--quick", "--out", out], {
    cwd: root,
    env: { ...process.env, BENCH_QUICK: "1" },
    maxBuffer: 16 * 1024 * 1024,
  });
  stdout = run.stdout;
  results = JSON.parse(await readFile(out, "utf8")) as QuickResults;
}, 170_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm run bench -- --quick", () => {
  it("records the run and the machine it ran on", () => {
    expect(results.mode).toBe("quick");
    expect(Number.isFinite(results.wallTimeMs)).toBe(true);
    for (const field of ["cpu", "cores", "memoryGiB", "node", "os"]) expect(results.machine).toHaveProperty(field);
  });

  it("produces every figure, each a finite median with its spread", () => {
    const problems = expectedFigureIds().filter((id) => {
      const figure = results.figures[id];
      return !figure || !SUMMARY_FIELDS.every((field) => Number.isFinite(figure[field]));
    });
    expect(problems).toEqual([]);
  });

  it("produces every ratio of a baseline to the Action (null only where the Action's figure is not positive)", () => {
    const problems = expectedRatioIds().filter((id) => {
      const ratio = results.ratios[id]?.ratio;
      if (ratio === null) {
        const actionMedian = results.figures[id.replace(/\.[a-z_]+$/, ".action")]?.median;
        return typeof actionMedian !== "number" || actionMedian > 0;
      }
      return typeof ratio !== "number" || !Number.isFinite(ratio);
    });
    expect(problems).toEqual([]);
  });

  it("judges every performance budget on the Action's own figure (met or not: a quick run proves nothing)", () => {
    const budgeted = METRICS.filter((spec) => spec.budget !== undefined).map((spec) => spec.metric);
    expect(results.budgets.map((verdict) => verdict.metric)).toEqual(budgeted);
    for (const verdict of results.budgets) {
      expect(Number.isFinite(verdict.median)).toBe(true);
      expect(verdict.met).toBe((verdict.median as number) <= verdict.budget);
    }
    expect(stdout).toContain("Budgets (docs/performance.md#budgets)");
  });

  it("prints the table with every group", () => {
    for (const group of [1, 2, 3, 4, 5, 6, 7]) expect(stdout).toMatch(new RegExp(`^${group}\\. `, "m"));
    expect(stdout).toContain("(a)/Action");
    expect(stdout).toContain("Total bench wall time");
  });
});
