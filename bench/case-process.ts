/**
 * One case in a Node process of its own, started by case-runner.ts. Isolation matters:
 * every local runtime instance leaves state in the process (on Node 20 each one's
 * AsyncLocalStorage stays enabled and taxes every later promise), so a case measured
 * after another would pay for the instances the other created.
 */
import { readFile, writeFile } from "node:fs/promises";
import { CASES } from "./case-list";
import { type CaseInput, type CaseOutput, IDLE_MESSAGE } from "./case-protocol";
import type { CaseContext } from "./cases/case-context";
import { FigureSet } from "./figure-set";

async function main(): Promise<void> {
  const inputPath = process.argv[2];
  if (!inputPath) throw new Error("usage: case-process.ts <input.json>");
  const input = JSON.parse(await readFile(inputPath, "utf8")) as CaseInput;
  const entry = CASES.find((candidate) => candidate.name === input.name);
  if (!entry) throw new Error(`no case named ${input.name}`);
  const variants = await Promise.all(
    input.variants.map(async (variant) => ({ ...variant, code: await readFile(variant.file, "utf8") })),
  );
  const context: CaseContext = { plan: input.plan, variants, figures: new FigureSet(), notes: [], background: [] };
  await entry.measure(context);
  process.send?.(IDLE_MESSAGE);
  await Promise.all(context.background);
  const output: CaseOutput = { samples: context.figures.recordedSamples(), notes: context.notes };
  await writeFile(input.resultPath, JSON.stringify(output));
  process.disconnect?.();
}

main().catch((error: unknown) => {
  console.error(`bench case failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
  process.disconnect?.();
});
