/**
 * `finish --rollback <backup>`: puts back the `login` and `get_user` scripts a backup
 * holds, with the same care as `finish`: every other option stays as it is now (import
 * mode included), the connection is backed up again first, and a change made meanwhile
 * stops the write. Scripts edited since `finish` are not overwritten without `--force`.
 */
import type { FinishArgs } from "../commands/finish-command-line";
import type { CommonArgs } from "../commands/tool-command";
import type { ToolIo } from "../commands/tool-io";
import { ToolError } from "../tool-error";
import { readToolSettings } from "../tool-settings";
import { applyScriptPlan, readWriteInputs } from "./apply-script-plan";
import { readBackup } from "./backup-file";
import { checkCustomDatabase } from "./connection-checks";
import { MIGRATION_SCRIPTS, migrationScripts } from "./connection-copy";
import { FinishRefusal } from "./finish-refusal";
import { openFinishTenant } from "./finish-tenant";
import { NO_OP_SCRIPTS } from "./no-op-scripts";
import { planScripts } from "./script-plan";

export async function runRollback(
  backupFile: string,
  args: FinishArgs,
  common: CommonArgs,
  io: ToolIo,
): Promise<number> {
  const settings = readToolSettings(io.env, common.dotenv, { tenant: true, listUrl: false });
  const backup = readBackup(backupFile);
  const saved = backup.connection;
  const target = migrationScripts(saved.options);
  // A custom database cannot work without its login script: a backup without one restores nothing.
  if (target.login === undefined) throw new ToolError(`${backupFile} holds no login script to put back`);
  const values = readWriteInputs(args);
  const tenant = await openFinishTenant(settings.config, settings.tenant, io, common);
  const out = (lines: string[]) => io.stdout(`${lines.join("\n")}\n`);
  if (backup.tenant !== tenant.access.domain) {
    throw new FinishRefusal(
      "backup_of_other_tenant",
      `it was taken from ${backup.tenant}; AUTH0_DOMAIN is ${tenant.access.domain}`,
    );
  }

  out([`Rolling back "${saved.name}" (${saved.id}) to its scripts of ${backup.takenAt}, from ${backupFile}`]);
  const copy = await tenant.connections.read(saved.id, `reading the connection "${saved.name}"`);
  if (copy.name !== saved.name) {
    throw new FinishRefusal(
      "backup_of_other_connection",
      `${saved.id} is now named "${copy.name}", not "${saved.name}"`,
    );
  }
  const options = checkCustomDatabase(copy);
  const current = migrationScripts(options);
  const edited = MIGRATION_SCRIPTS.filter((name) => current[name] !== NO_OP_SCRIPTS[name]);
  if (edited.length > 0) {
    const which = `${edited.join(" and ")} ${edited.length === 1 ? "was" : "were"} edited`;
    if (!args.force) throw new FinishRefusal("scripts_changed_since", which);
    out([`--force: ${which} after finish; the backup's scripts replace those edits.`]);
  }
  const plan = planScripts(copy, options, target, values);
  if (plan.changed.length === 0) {
    out(["Its login and get_user scripts already are the backup's: nothing to do."]);
    return 0;
  }
  out([""]);
  const { dryRun, backupDir } = args;
  const applied = await applyScriptPlan(
    { tenant, copy, plan, moment: "rollback", heading: "The change", dryRun, backupDir },
    io,
  );
  if (!applied.written) return applied.exitCode;
  const importMode = options.import_mode === true ? "on" : "off";
  out([
    "",
    `Done: "${saved.name}" has its scripts of ${backup.takenAt} again; "Import Users to Auth0" is ${importMode}, and every`,
    "other option is as it was. The legacy store is called again for users Auth0 does not hold.",
  ]);
  return 0;
}
