/**
 * `npm run bench`: the Action's speed and size, measured against the two alternatives a
 * team would otherwise write. Prints a table and writes bench/results.json.
 * `npm run bench -- --quick` (or BENCH_QUICK=1) runs every case with few iterations.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { CASES } from "./case-list";
import { type RunningCase, startCase } from "./case-runner";
import { FigureSet } from "./figure-set";
import { describeMachine } from "./machine";
import { parseOptions } from "./options";
import { computeRatios, missingRatios } from "./ratios";
import { describeVariants, formatReport, writeResults } from "./report";
import { prepareVariants } from "./variants";

async function collect(running: RunningCase, figures: FigureSet, notes: string[], started: number): Promise<void> {
  const output = await running.done;
  for (const { metric, variant, samples } of output.samples) figures.add(metric, variant, samples);
  notes.push(...output.notes);
  console.error(`${running.name}: done at ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const root = resolve(import.meta.dirname, "..");
  const { plan, out } = parseOptions(process.argv.slice(2), process.env);
  const variants = await prepareVariants();
  const figures = new FigureSet();
  const notes = [...variants.notes];
  const workDir = await mkdtemp(join(tmpdir(), "bench-"));
  try {
    // A case that has gone idle (only waiting left) may be overlapped by a quiet case;
    // any other case starts only once everything before it has finished.
    let unfinished: Array<Promise<void>> = [];
    for (const entry of CASES) {
      if (!entry.quiet) {
        await Promise.all(unfinished);
        unfinished = [];
      }
      const running = await startCase(entry.name, plan, variants.all, workDir);
      const collected = collect(running, figures, notes, started);
      // Awaited below; until then a failure must not count as unhandled.
      collected.catch(() => undefined);
      unfinished.push(collected);
      await running.idle;
    }
    await Promise.all(unfinished);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  const ratios = computeRatios(figures);
  const missing = [...figures.missing(), ...missingRatios(ratios).map((id) => `ratio ${id}`)];
  if (missing.length > 0) throw new Error(`figures not produced: ${missing.join(", ")}`);
  const report = {
    generatedAt: new Date().toISOString(),
    mode: plan.mode,
    wallTimeMs: performance.now() - started,
    machine: describeMachine(),
    plan,
    variants: describeVariants(variants.all, root),
    figures,
    ratios,
    notes,
  };
  await writeResults(out, report);
  console.log(formatReport(report));
  console.log(`Results written to ${relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error("bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
