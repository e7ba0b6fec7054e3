/**
 * `finish`: switches the legacy store off the way Auth0's guide describes, only when that
 * is safe. Verify first; then read the connection, check that it is a custom database
 * importing users, plan the write (the two scripts as no-ops, every other option as read),
 * show the diff, back the connection up to a file, and write, refusing if the connection
 * changed in between.
 */
import type { Config } from "../../action/config";
import type { FinishArgs } from "../commands/finish-command-line";
import type { CommonArgs } from "../commands/tool-command";
import type { ToolIo } from "../commands/tool-io";
import { ToolError } from "../tool-error";
import { readToolSettings } from "../tool-settings";
import { reportTable } from "../verify/render-report";
import { verifyAgainst } from "../verify/verify-against";
import { applyScriptPlan, readWriteInputs } from "./apply-script-plan";
import { checkMigrating } from "./connection-checks";
import { FinishRefusal } from "./finish-refusal";
import { openFinishTenant } from "./finish-tenant";
import { nextSteps } from "./next-steps";
import { NO_OP_SCRIPTS } from "./no-op-scripts";
import { planScripts } from "./script-plan";

/** Verify covers the MIGRATION_CONNECTIONS only, so only one of them can be finished. */
function chooseConnection(config: Config, given: string | undefined): string {
  const names = [...config.connections];
  if (given !== undefined) {
    if (config.connections.has(given)) return given;
    throw new ToolError(
      `--connection "${given}" is not one of MIGRATION_CONNECTIONS (${names.join(", ")})`,
      "verify only covers those connections, so finish only switches off one of them",
    );
  }
  const [only] = names;
  if (names.length === 1 && only !== undefined) return only;
  throw new ToolError(
    `MIGRATION_CONNECTIONS names ${names.length} connections (${names.join(", ")})`,
    "pass --connection <name> to say which one to finish",
  );
}

const EXAMPLES = 5;

export async function runFinish(args: FinishArgs, common: CommonArgs, io: ToolIo): Promise<number> {
  const settings = readToolSettings(io.env, common.dotenv, { tenant: true, listUrl: true });
  const { config } = settings;
  const name = chooseConnection(config, args.connection);
  const values = readWriteInputs(args);
  const tenant = await openFinishTenant(config, settings.tenant, io, common);
  const out = (lines: string[]) => io.stdout(`${lines.join("\n")}\n`);

  out(["1. Verify: is every legacy user in Auth0, with their metadata?", ""]);
  const report = await verifyAgainst(config, tenant.users, {
    listUrl: settings.listUrl ?? "",
    timeoutMs: common.timeoutMs,
    examples: EXAMPLES,
  });
  out([reportTable(report), ""]);
  if (!report.verdict.canSwitchOff) {
    if (!args.force) throw new FinishRefusal("verify_not_yet", report.verdict.summary);
    out([
      "--force: going on although verify says NOT YET. Once the scripts are no-ops, legacy users who have not",
      "migrated can no longer log in or be migrated; users still missing metadata are repaired only while",
      "LEGACY_API_URL answers (the Action calls it, not the scripts).",
      "",
    ]);
  }

  out([`2. Read the connection "${name}"`]);
  const copy = await tenant.connections.read(await tenant.connections.findId(name), `reading the connection "${name}"`);
  const options = checkMigrating(copy);
  const plan = planScripts(copy, options, NO_OP_SCRIPTS, values);
  const keys = plan.configurationKeys.length;
  out([`  ${copy.id}: custom database, "Import Users to Auth0" on, ${keys} configuration key(s)`, ""]);
  if (plan.changed.length === 0) {
    out(["Its login and get_user scripts are already the no-ops finish writes: nothing to do."]);
    return 0;
  }
  const { dryRun, backupDir } = args;
  const applied = await applyScriptPlan(
    { tenant, copy, plan, moment: "finish", heading: "3. The change", dryRun, backupDir },
    io,
  );
  if (!applied.written) return applied.exitCode;
  out(["", ...nextSteps(name, applied.backupPath)]);
  return 0;
}
