/**
 * Starts a case in its own process (case-process.ts, with the same TypeScript loader as
 * this one) and reports when it has gone idle and when it has finished.
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CaseInput, type CaseOutput, IDLE_MESSAGE } from "./case-protocol";
import type { Plan } from "./options";
import type { Variant } from "./variants";

export interface RunningCase {
  name: string;
  /** Resolves when the case needs no more CPU (or has finished). */
  idle: Promise<void>;
  done: Promise<CaseOutput>;
}

const CASE_PROCESS = join(import.meta.dirname, "case-process.ts");

export async function startCase(
  name: string,
  plan: Plan,
  variants: readonly Variant[],
  workDir: string,
): Promise<RunningCase> {
  const slug = name.replace(/\W+/g, "-");
  const resultPath = join(workDir, `${slug}.result.json`);
  const inputPath = join(workDir, `${slug}.input.json`);
  const input: CaseInput = {
    name,
    plan,
    variants: variants.map(({ id, label, file }) => ({ id, label, file })),
    resultPath,
  };
  await writeFile(inputPath, JSON.stringify(input));
  const child = spawn(process.execPath, [...process.execArgv, CASE_PROCESS, inputPath], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve(code));
  });
  const idle = new Promise<void>((resolve) => {
    child.on("message", (message) => {
      if (message === IDLE_MESSAGE) resolve();
    });
    exited.then(
      () => resolve(),
      () => resolve(),
    );
  });
  const done = exited.then(async (code) => {
    if (code !== 0) throw new Error(`case "${name}" failed (exit code ${code})`);
    return JSON.parse(await readFile(resultPath, "utf8")) as CaseOutput;
  });
  return { name, idle, done };
}
