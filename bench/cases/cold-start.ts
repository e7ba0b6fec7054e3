/**
 * Group 2: loading a bundle in a fresh Node process, minus an empty process. The runs
 * are interleaved and paired (each variant against the empty process of the same round),
 * so drift in the machine's load affects both sides alike. The child also times its own
 * require(), a figure that process start-up jitter on a busy machine cannot blur.
 */
import { spawn } from "node:child_process";
import { rotate } from "../harness/timing";
import type { CaseContext } from "./case-context";

function nodeRun(script: string): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["-e", script]);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`node -e ${script} failed: ${stderr.slice(0, 500)}`));
    });
  });
}

function requireScript(file: string): string {
  const load = `require(${JSON.stringify(file)})`;
  return `const t=process.hrtime.bigint();${load};process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
}

export async function measureColdStart({ plan, variants, figures }: CaseContext): Promise<void> {
  const empty: number[] = [];
  const loads = new Map(variants.map((variant) => [variant.id, [] as number[]]));
  const inChild = new Map(variants.map((variant) => [variant.id, [] as number[]]));
  // The first spawns pay for the file cache; they are not a cold start of the bundle.
  await nodeRun("");
  for (const variant of variants) await nodeRun(requireScript(variant.file));
  for (let round = 0; round < plan.coldStartSpawns; round++) {
    const base = (await nodeRun("")).ms;
    empty.push(base);
    for (const variant of rotate(variants, round)) {
      const child = await nodeRun(requireScript(variant.file));
      loads.get(variant.id)?.push(child.ms - base);
      inChild.get(variant.id)?.push(Number(child.stdout));
    }
  }
  figures.add("cold_start.empty_process_ms", undefined, empty);
  for (const variant of variants) {
    figures.add("cold_start.require_ms", variant.id, loads.get(variant.id) ?? []);
    figures.add("cold_start.require_in_child_ms", variant.id, inChild.get(variant.id) ?? []);
  }
}
