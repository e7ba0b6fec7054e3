/**
 * Group 2: loading a bundle in a fresh Node process. The runs are interleaved and paired
 * (each variant against a process requiring an empty file in the same round), so drift in
 * the machine's load affects both sides alike. Each child also times itself from its
 * first statement: require() minus an empty file's, and require() plus the first common
 * login, figures that process start-up jitter on a busy machine cannot blur.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChildTimings, coldChildScript } from "../harness/cold-child";
import { rotate } from "../harness/timing";
import type { CaseContext } from "./case-context";

interface ChildRun extends ChildTimings {
  /** The whole process, spawn to exit, as the parent sees it. */
  processMs: number;
}

function nodeRun(script: string): Promise<ChildRun> {
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
      const processMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`cold-start child failed: ${stderr.slice(0, 500)}`));
      resolve({ processMs, ...(JSON.parse(stdout) as ChildTimings) });
    });
  });
}

/** An empty CommonJS file, the reference every variant's require() is measured against. */
async function emptyFile(): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "bench-cold-start-"));
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  const file = join(dir, "empty.js");
  await writeFile(file, "");
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

function newSamples(): { process: number[]; require: number[]; login: number[] } {
  return { process: [], require: [], login: [] };
}

export async function measureColdStart({ plan, variants, figures }: CaseContext): Promise<void> {
  const empty = await emptyFile();
  try {
    const emptyScript = coldChildScript(empty.file, false);
    const scripts = new Map(variants.map((variant) => [variant.id, coldChildScript(variant.file, true)]));
    const emptyProcess: number[] = [];
    const emptyRequire: number[] = [];
    const byVariant = new Map(variants.map((variant) => [variant.id, newSamples()]));
    // The first spawns pay for the file cache; they are not a cold start of the bundle.
    await nodeRun(emptyScript);
    for (const script of scripts.values()) await nodeRun(script);
    for (let round = 0; round < plan.coldStartSpawns; round++) {
      const base = await nodeRun(emptyScript);
      emptyProcess.push(base.processMs);
      emptyRequire.push(base.requireMs);
      for (const variant of rotate(variants, round)) {
        const child = await nodeRun(scripts.get(variant.id) ?? "");
        if (child.writes > 0) throw new Error(`${variant.label} wrote metadata on a login that needs no repair`);
        const samples = byVariant.get(variant.id);
        samples?.process.push(child.processMs - base.processMs);
        samples?.require.push(child.requireMs - base.requireMs);
        samples?.login.push(child.firstLoginMs);
      }
    }
    figures.add("cold_start.empty_file_process_ms", undefined, emptyProcess);
    figures.add("cold_start.empty_file_require_ms", undefined, emptyRequire);
    for (const variant of variants) {
      const samples = byVariant.get(variant.id);
      figures.add("cold_start.require_ms", variant.id, samples?.process ?? []);
      figures.add("cold_start.require_in_child_ms", variant.id, samples?.require ?? []);
      figures.add("cold_start.first_login_ms", variant.id, samples?.login ?? []);
    }
  } finally {
    await empty.remove();
  }
}
