/**
 * `backfill`: repairs, through the Management API, the migrated users the export shows
 * missing metadata, with the Action's rules. First the export is streamed once to pick
 * the users needing repair into a work file (so the total, the rate and the ETA are
 * known); then a bounded pool of workers repairs them (`processUser`), recording each
 * finished user in the checkpoint so an interrupted run resumes where it stopped.
 */

import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../../action/config";
import type { PostLoginCache } from "../../action/types";
import { noteChanges, type StepFailure } from "../../shared/step-failure";
import { ndjsonLines } from "../export/ndjson-lines";
import type { UserSource } from "../export/user-source";
import type { GovernorStats } from "../management/rate-governor";
import { asTenantUser, type TenantUser, tenantState } from "../tenant-user";
import { type BackfillSummary, emptySummary } from "./backfill-summary";
import type { Checkpoint } from "./checkpoint";
import { type BackfillRun, processUser } from "./process-user";
import { Progress, type ProgressOutput } from "./progress";
import type { RepairResult, TenantWrites } from "./repair-user";
import { SharedPause } from "./shared-pause";
import { runPool } from "./worker-pool";

export interface BackfillInput {
  config: Config;
  source: UserSource;
  /** Absent for a dry run. */
  tenant?: TenantWrites;
  governorStats?: GovernorStats;
  legacyFetch: typeof fetch;
  cache: PostLoginCache;
  checkpoint: Checkpoint;
  concurrency: number;
  /** The progress bar and failure lines (stderr). */
  progressOutput: ProgressOutput;
  /** The dry run's plan, one line per user (stdout). */
  planOutput: (line: string) => void;
  signal?: AbortSignal;
  checkpointEveryMs?: number;
  legacyRounds?: number;
  onResult?: (user: TenantUser, result: RepairResult) => void;
}

const DEFAULT_CHECKPOINT_MS = 2000;

/** Pass 1: the users needing repair and not yet done, into a work file; returns the count. */
async function selectUsers(input: BackfillInput, workFile: string, summary: BackfillSummary): Promise<number> {
  const out = createWriteStream(workFile);
  let selected = 0;
  try {
    for await (const user of input.source()) {
      if (input.signal?.aborted) break;
      const state = tenantState(user, input.config);
      if (state !== "needs_repair" && state !== "unrepairable") continue;
      summary.needingRepair++;
      if (input.checkpoint.has(user.user_id)) {
        summary.fromCheckpoint++;
        continue;
      }
      selected++;
      if (!out.write(`${JSON.stringify(user)}\n`)) await once(out, "drain");
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  return selected;
}

async function* selectedUsers(workFile: string): AsyncGenerator<TenantUser> {
  for await (const line of ndjsonLines(createReadStream(workFile))) {
    const user = asTenantUser(JSON.parse(line));
    if (user) yield user;
  }
}

/** What a stopped backfill had written: the message's "whether anything was changed". */
function writtenSoFar(summary: BackfillSummary): string {
  if (summary.dryRun) return "nothing was written (dry run)";
  const written = summary.outcomes.repaired + summary.outcomes.not_found;
  if (written === 0) return "nothing was written to the tenant";
  return `${written} user(s) were updated before it stopped; they are in the checkpoint, so running the same command again continues`;
}

export async function runBackfill(input: BackfillInput): Promise<BackfillSummary> {
  const dryRun = input.tenant === undefined;
  const summary = emptySummary(dryRun);
  return noteChanges(
    () => backfillInto(summary, input),
    () => writtenSoFar(summary),
  );
}

async function backfillInto(summary: BackfillSummary, input: BackfillInput): Promise<BackfillSummary> {
  const { dryRun } = summary;
  const workDir = mkdtempSync(join(tmpdir(), "rmm-backfill-"));
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  input.signal?.addEventListener("abort", onAbort);
  let stoppedBy: StepFailure | undefined;
  let saveFailure: unknown;
  // A save that fails in the timer (a disk that filled up) would be an uncaught exception: it stops
  // the run instead, and the save after the pool says why.
  const saveNow = () => {
    try {
      input.checkpoint.save();
    } catch (error) {
      saveFailure ??= error;
      stop.abort();
    }
  };
  const saver = dryRun ? undefined : setInterval(saveNow, input.checkpointEveryMs ?? DEFAULT_CHECKPOINT_MS);
  try {
    const workFile = join(workDir, "users.ndjson");
    const total = await selectUsers(input, workFile, summary);
    const run: BackfillRun = {
      deps: {
        config: input.config,
        legacyFetch: input.legacyFetch,
        cache: input.cache,
        legacyPause: new SharedPause(),
        tenant: input.tenant,
        legacyRounds: input.legacyRounds,
      },
      summary,
      progress: new Progress({ total, output: input.progressOutput }),
      checkpoint: input.checkpoint,
      planOutput: input.planOutput,
      onResult: input.onResult,
      stop: (error) => {
        stoppedBy ??= error;
        stop.abort();
      },
      unreachable: 0,
    };
    await runPool(selectedUsers(workFile), input.concurrency, (user) => processUser(user, run), stop.signal);
    run.progress.finish();
    summary.interrupted = input.signal?.aborted === true;
  } finally {
    if (saver) clearInterval(saver);
    input.signal?.removeEventListener("abort", onAbort);
    if (!dryRun) input.checkpoint.save();
    rmSync(workDir, { recursive: true, force: true });
  }
  if (stoppedBy) throw stoppedBy;
  if (saveFailure !== undefined) throw saveFailure;
  summary.managementCalls = input.governorStats?.calls ?? 0;
  summary.rateLimited = input.governorStats?.rateLimited ?? 0;
  return summary;
}
