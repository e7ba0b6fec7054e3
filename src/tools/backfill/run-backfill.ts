/**
 * `backfill`: repairs, through the Management API, the migrated users the export shows
 * missing metadata, with the Action's rules. First the export is streamed once to pick
 * the users needing repair into a work file (so the total, the rate and the ETA are
 * known); then a bounded pool of workers repairs them, recording each finished user in
 * the checkpoint so an interrupted run resumes where it stopped.
 */

import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManagementError } from "auth0";
import type { Config } from "../../action/config";
import type { PostLoginCache } from "../../action/types";
import { ndjsonLines } from "../export/ndjson-lines";
import type { UserSource } from "../export/user-source";
import type { GovernorStats } from "../management/rate-governor";
import { asTenantError } from "../tenant-error";
import { asTenantUser, type TenantUser, tenantState } from "../tenant-user";
import { ToolError } from "../tool-error";
import { type BackfillSummary, emptySummary, record } from "./backfill-summary";
import type { Checkpoint } from "./checkpoint";
import { outcomeLine } from "./outcome-line";
import { Progress, type ProgressOutput } from "./progress";
import { type RepairResult, repairUser, type TenantWrites } from "./repair-user";
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
/** Failures that mean the store cannot be reached at all, rather than one user's trouble. */
const UNREACHABLE = /^legacy_error:(connection_refused|dns|tls)$/;
const UNREACHABLE_BEFORE_GIVING_UP = 3;

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

/** A refused token or a missing scope fails every user alike: stop at the first one. */
function isAccessRefusal(error: unknown): error is ManagementError {
  return error instanceof ManagementError && (error.statusCode === 401 || error.statusCode === 403);
}

function failureOf(error: unknown): RepairResult {
  if (error instanceof ManagementError)
    return { outcome: "failed", reason: `management_api:status_${error.statusCode ?? "network"}` };
  return { outcome: "failed", reason: error instanceof Error ? error.name : "unknown" };
}

export async function runBackfill(input: BackfillInput): Promise<BackfillSummary> {
  const dryRun = input.tenant === undefined;
  const summary = emptySummary(dryRun);
  const workDir = mkdtempSync(join(tmpdir(), "rmm-backfill-"));
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  input.signal?.addEventListener("abort", onAbort);
  let refusal: ToolError | undefined;
  let unreachable = 0;
  const saver = dryRun
    ? undefined
    : setInterval(() => input.checkpoint.save(), input.checkpointEveryMs ?? DEFAULT_CHECKPOINT_MS);
  try {
    const workFile = join(workDir, "users.ndjson");
    const total = await selectUsers(input, workFile, summary);
    const progress = new Progress({ total, output: input.progressOutput });
    const deps = {
      config: input.config,
      legacyFetch: input.legacyFetch,
      cache: input.cache,
      legacyPause: new SharedPause(),
      tenant: input.tenant,
      legacyRounds: input.legacyRounds,
    };
    await runPool(
      selectedUsers(workFile),
      input.concurrency,
      async (user) => {
        let result: RepairResult;
        try {
          result = await repairUser(user, deps);
        } catch (error) {
          if (isAccessRefusal(error)) {
            refusal ??= asTenantError(error);
            stop.abort();
            return;
          }
          result = failureOf(error);
        }
        // A store that cannot be reached fails every user alike: say so once instead.
        if (
          result.outcome === "failed" &&
          UNREACHABLE.test(result.reason) &&
          summary.processed === summary.outcomes.failed
        ) {
          if (++unreachable >= UNREACHABLE_BEFORE_GIVING_UP) {
            refusal ??= new ToolError(
              `cannot reach the legacy store (${result.reason.replace("legacy_error:", "")})`,
              "check LEGACY_API_URL and that the store is up; nothing was written",
            );
            stop.abort();
          }
        }
        record(summary, result);
        const finished = result.outcome !== "failed" && result.outcome !== "unrepairable";
        if (finished && !dryRun) input.checkpoint.markDone(user.user_id);
        if (dryRun) progress.around(() => input.planOutput(outcomeLine(user.user_id, result, true)));
        else if (!finished) progress.log(outcomeLine(user.user_id, result, false));
        progress.tick(result.outcome === "failed");
        input.onResult?.(user, result);
      },
      stop.signal,
    );
    progress.finish();
    summary.interrupted = input.signal?.aborted === true;
  } finally {
    if (saver) clearInterval(saver);
    input.signal?.removeEventListener("abort", onAbort);
    if (!dryRun) input.checkpoint.save();
    rmSync(workDir, { recursive: true, force: true });
  }
  if (refusal) throw refusal;
  summary.managementCalls = input.governorStats?.calls ?? 0;
  summary.rateLimited = input.governorStats?.rateLimited ?? 0;
  return summary;
}
