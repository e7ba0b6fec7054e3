/**
 * The part `finish` and its rollback share once they know what the scripts should be:
 * show the change, stop there on a dry run, otherwise back the connection up and write
 * it, refusing if it changed since it was read.
 */
import type { FinishArgs } from "../commands/finish-command-line";
import type { ToolIo } from "../commands/tool-io";
import { type BackupMoment, checkBackupDir, writeBackup } from "./backup-file";
import { type ConfigurationValues, readConfigurationValues } from "./configuration-values";
import type { ConnectionCopy } from "./connection-copy";
import type { FinishTenant } from "./finish-tenant";
import { guardedWrite } from "./guarded-write";
import { planDiff } from "./script-diff";
import type { ScriptPlan } from "./script-plan";
import { writtenNotAsSent } from "./written-not-as-sent";

/**
 * What the write needs from the command line, checked before the tenant is reached (the
 * token, a whole verify and the connection read come after): the configuration's values,
 * and, unless nothing is to be written, a folder that can take the backup.
 */
export function readWriteInputs(args: FinishArgs): ConfigurationValues | undefined {
  const values = args.configurationFile === undefined ? undefined : readConfigurationValues(args.configurationFile);
  if (!args.dryRun) checkBackupDir(args.backupDir);
  return values;
}

export interface ScriptChange {
  tenant: FinishTenant;
  copy: ConnectionCopy;
  plan: ScriptPlan;
  moment: BackupMoment;
  heading: string;
  dryRun: boolean;
  backupDir: string;
}

/** Written as sent: the backup's path; otherwise the exit code the command ends with. */
export type ScriptChangeResult = { written: true; backupPath: string } | { written: false; exitCode: number };

export async function applyScriptPlan(change: ScriptChange, io: ToolIo): Promise<ScriptChangeResult> {
  const out = (lines: string[]) => io.stdout(`${lines.join("\n")}\n`);
  out([change.heading, ...planDiff(change.plan), ""]);
  if (change.dryRun) {
    out(["Dry run: nothing was written, and no backup was taken."]);
    return { written: false, exitCode: 0 };
  }
  const backupPath = writeBackup(change.backupDir, {
    takenAt: new Date().toISOString(),
    takenBefore: change.moment,
    tenant: change.tenant.access.domain,
    connection: change.copy,
  });
  out([`Backup of the connection as read: ${backupPath} (mode 0600)`]);
  const differences = await guardedWrite(change.tenant.connections, change.copy, change.plan, backupPath);
  if (differences.length > 0) return { written: false, exitCode: writtenNotAsSent(io, differences, backupPath) };
  return { written: true, backupPath };
}
