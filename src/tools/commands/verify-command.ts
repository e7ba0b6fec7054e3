/** `verify`: the migration report, as a table or as JSON. */
import { readToolSettings } from "../tool-settings";
import { reportJson, reportTable } from "../verify/render-report";
import { verifyAgainst } from "../verify/verify-against";
import { tenantSide } from "./tenant-source";
import type { CommonArgs } from "./tool-command";
import type { ToolIo } from "./tool-io";
import type { VerifyArgs } from "./verify-command-line";

export async function runVerifyCommand(args: VerifyArgs, common: CommonArgs, io: ToolIo): Promise<number> {
  const needs = { tenant: args.exportFile === undefined, listUrl: true };
  const settings = readToolSettings(io.env, common.dotenv, needs);
  const { config, listUrl } = settings;
  const tenant = await tenantSide(config, io, { exportFile: args.exportFile, tenant: settings.tenant, common });
  const report = await verifyAgainst(config, tenant.source, {
    listUrl: listUrl ?? "",
    timeoutMs: common.timeoutMs,
    examples: args.examples,
  });
  io.stdout(`${args.json ? reportJson(report) : reportTable(report)}\n`);
  return 0;
}
