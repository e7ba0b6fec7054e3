/**
 * What a run does: the full run behind the published figures, or the quick run the test
 * uses to keep every case working (few iterations; its figures are not to be quoted).
 */
import { resolve } from "node:path";
import { EXECUTION_LIMIT_MS } from "../src/local/runtime/post-login-runtime";

export interface Plan {
  mode: "full" | "quick";
  /** Node processes spawned per variant (and for the empty process) for cold start. */
  coldStartSpawns: number;
  /** Common login: batches timed, and executions per batch. */
  commonBatches: number;
  commonPerBatch: number;
  /**
   * Common login: executions of each subject before timing. A login costs well under a
   * microsecond only once V8 has optimised it, as on an Auth0 instance that has served a
   * few thousand logins; a few dozen calls would time the interpreter.
   */
  commonWarmup: number;
  /** Repair login: paired (bare fetch, execution) iterations per record size. */
  repairIterations: number;
  /** Executions run before measuring, so the JIT and the connection pool are warm. */
  warmup: number;
  deadlineRuns: number;
  outageLogins: number;
  outageRuns: number;
  populationUsers: number;
  /** As many as there are variants, so that each goes first once (the first pays the emulator's warm-up). */
  populationRuns: number;
  /**
   * When the runtime fails an execution that is not done: Auth0's 20 s in a full run. A
   * quick run only checks that the deadline case works, so it does not wait 20 s for the
   * baseline that ignores its budget; it stays above the largest budget measured.
   */
  executionLimitMs: number;
}

const FULL: Plan = {
  mode: "full",
  coldStartSpawns: 20,
  commonBatches: 100,
  commonPerBatch: 200,
  commonWarmup: 10_000,
  repairIterations: 100,
  warmup: 30,
  deadlineRuns: 5,
  outageLogins: 1000,
  outageRuns: 3,
  populationUsers: 10_000,
  populationRuns: 3,
  executionLimitMs: EXECUTION_LIMIT_MS,
};

const QUICK: Plan = {
  mode: "quick",
  coldStartSpawns: 4,
  commonBatches: 4,
  commonPerBatch: 100,
  commonWarmup: 300,
  repairIterations: 20,
  warmup: 10,
  deadlineRuns: 2,
  outageLogins: 200,
  outageRuns: 1,
  populationUsers: 500,
  populationRuns: 1,
  executionLimitMs: 6_000,
};

export interface BenchOptions {
  plan: Plan;
  /** Where results.json goes. */
  out: string;
}

const benchDir = import.meta.dirname;

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const quick = argv.includes("--quick") || env.BENCH_QUICK === "1";
  const outIndex = argv.indexOf("--out");
  const outArg = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !outArg) throw new Error("--out needs a file path");
  // A quick run never overwrites the published figures unless told to.
  const fallback = resolve(benchDir, quick ? "results.quick.json" : "results.json");
  return { plan: quick ? QUICK : FULL, out: outArg ? resolve(outArg) : fallback };
}
