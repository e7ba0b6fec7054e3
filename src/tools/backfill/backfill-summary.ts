/** What a backfill did, as counts, and as the few lines printed when it ends. */
import type { RepairResult } from "./repair-user";

export type BackfillOutcome = RepairResult["outcome"];

export interface BackfillSummary {
  dryRun: boolean;
  interrupted: boolean;
  /** Users of the export that needed repair, before the checkpoint was applied. */
  needingRepair: number;
  fromCheckpoint: number;
  processed: number;
  outcomes: Record<BackfillOutcome, number>;
  userKeys: number;
  appKeys: number;
  skippedKeys: number;
  managementCalls: number;
  rateLimited: number;
}

export function emptySummary(dryRun: boolean): BackfillSummary {
  return {
    dryRun,
    interrupted: false,
    needingRepair: 0,
    fromCheckpoint: 0,
    processed: 0,
    outcomes: { repaired: 0, not_found: 0, already_repaired: 0, deleted: 0, unrepairable: 0, failed: 0 },
    userKeys: 0,
    appKeys: 0,
    skippedKeys: 0,
    managementCalls: 0,
    rateLimited: 0,
  };
}

export function record(summary: BackfillSummary, result: RepairResult): void {
  summary.processed++;
  summary.outcomes[result.outcome]++;
  if (result.outcome === "repaired") {
    summary.userKeys += result.userKeys.length;
    summary.appKeys += result.appKeys.length;
    summary.skippedKeys += result.skipped.length;
  }
}

export function summaryLines(summary: BackfillSummary): string[] {
  const { outcomes, dryRun } = summary;
  const would = (text: string) => (dryRun ? `would be ${text}` : text);
  const lines = [
    `${dryRun ? "dry run (nothing written)" : "backfill"} ${summary.interrupted ? "interrupted" : "finished"}: ${summary.needingRepair} user(s) needing repair, ${summary.fromCheckpoint} already done in an earlier run, ${summary.processed} processed now`,
    `  ${would("repaired").padEnd(28)} ${outcomes.repaired}  (user_metadata keys ${summary.userKeys}, app_metadata keys ${summary.appKeys}, keys skipped ${summary.skippedKeys})`,
    `  ${would("marked not_found").padEnd(28)} ${outcomes.not_found}`,
    `  ${"cannot log in".padEnd(28)} ${outcomes.unrepairable}  (metadata that is not an object: fix by hand)`,
    `  ${"failed".padEnd(28)} ${outcomes.failed}${outcomes.failed > 0 ? "  (run the command again to retry them)" : ""}`,
  ];
  // A dry run reads nobody again, so it cannot see changes made since the export.
  if (!dryRun) {
    lines.splice(
      3,
      0,
      `  ${"repaired since the export".padEnd(28)} ${outcomes.already_repaired}  (left untouched)`,
      `  ${"deleted since the export".padEnd(28)} ${outcomes.deleted}`,
    );
  }
  if (summary.managementCalls > 0) {
    lines.push(
      `  Management API: ${summary.managementCalls} call(s), ${summary.rateLimited} rate-limited (429) answer(s)`,
    );
  }
  if (summary.interrupted) lines.push("Interrupted: run the same command again to continue where it stopped.");
  return lines;
}
