/**
 * One user's turn in a backfill run: repair them, then record the result (summary,
 * checkpoint, output, progress), and stop the whole run when the result shows that every
 * other user would fail alike: the tenant refuses the token's rights, cannot be reached
 * or keeps failing, or the legacy store cannot be reached at all.
 */
import { causeOfReason } from "../../shared/failure-cause";
import { StepFailure } from "../../shared/step-failure";
import { failedEndpoint } from "../legacy/failed-endpoint";
import type { TenantUser } from "../tenant-user";
import { type BackfillSummary, record } from "./backfill-summary";
import type { Checkpoint } from "./checkpoint";
import { outcomeLine } from "./outcome-line";
import type { Progress } from "./progress";
import { type RepairDeps, type RepairResult, repairUser } from "./repair-user";

export interface BackfillRun {
  deps: RepairDeps;
  summary: BackfillSummary;
  progress: Progress;
  checkpoint: Checkpoint;
  planOutput: (line: string) => void;
  onResult?: (user: TenantUser, result: RepairResult) => void;
  /** Ends the run with this error: no new user starts, the ones in flight finish. */
  stop(error: StepFailure): void;
  /** Users in a row, from the start, whose legacy store could not be reached. */
  unreachable: number;
}

/**
 * Failures that, met by every user from the start, mean the store cannot be reached or
 * fails for everyone, rather than one user's trouble (each already retried over rounds).
 */
const UNREACHABLE = /^legacy_error:((?:oauth_)?(?:connection_refused|dns|tls|timeout|status_429|status_5\d\d))$/;
const UNREACHABLE_BEFORE_GIVING_UP = 3;

/**
 * The tenant's own failures are the same for every user: its refusal of the token (401,
 * 403), a limit or an error that outlasted the retries, or no connection at all. Another
 * status (a 400 for one profile) is that user's failure alone.
 */
function failsEveryUser(failure: StepFailure): boolean {
  const cause = failure.failure;
  if (cause.kind !== "status") return cause.kind !== "answer";
  return cause.status === 401 || cause.status === 403 || cause.status === 429 || cause.status >= 500;
}

async function repairOrStop(user: TenantUser, run: BackfillRun): Promise<RepairResult | undefined> {
  try {
    return await repairUser(user, run.deps);
  } catch (error) {
    if (!(error instanceof StepFailure))
      return { outcome: "failed", reason: error instanceof Error ? error.name : "unknown" };
    if (failsEveryUser(error)) {
      run.stop(error);
      return undefined;
    }
    const cause = error.failure;
    const reason =
      cause.kind === "status" ? `status_${cause.status}` : cause.kind === "answer" ? cause.detail : cause.kind;
    return { outcome: "failed", reason: `management_api:${reason}` };
  }
}

/** A store that cannot be reached, or fails for everyone, fails every user alike: say so once instead. */
function noteUnreachable(result: RepairResult, run: BackfillRun): void {
  if (result.outcome !== "failed") return;
  const match = UNREACHABLE.exec(result.reason);
  if (!match || run.summary.processed !== run.summary.outcomes.failed) return;
  if (++run.unreachable < UNREACHABLE_BEFORE_GIVING_UP) return;
  const reason = match[1] ?? "";
  const step = `fetching legacy records (${run.unreachable} users in a row)`;
  const { config } = run.deps;
  // Placeholders never stand in the host (the Action refuses such a template).
  const recordUrl = config.urlTemplate.replace(/\{[a-z_]+\}/g, "x");
  const { host, source } = failedEndpoint(reason, config, recordUrl, "LEGACY_API_URL");
  run.stop(new StepFailure(step, host, causeOfReason(reason), { source }));
}

export async function processUser(user: TenantUser, run: BackfillRun): Promise<void> {
  const result = await repairOrStop(user, run);
  if (result === undefined) return;
  noteUnreachable(result, run);
  record(run.summary, result);
  const { dryRun } = run.summary;
  const finished = result.outcome !== "failed" && result.outcome !== "unrepairable";
  if (finished && !dryRun) run.checkpoint.markDone(user.user_id);
  if (dryRun) run.progress.around(() => run.planOutput(outcomeLine(user.user_id, result, true)));
  else if (!finished) run.progress.log(outcomeLine(user.user_id, result, false));
  run.progress.tick(result.outcome === "failed");
  run.onResult?.(user, result);
}
