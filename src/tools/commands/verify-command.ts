/** `verify`: the migration report, as a table or as JSON. */
import { appendHistoryLine, checkHistoryWritable } from "../history/append-history";
import { historyLine } from "../history/history-line";
import { readToolSettings } from "../tool-settings";
import { reportJson, reportTable } from "../verify/render-report";
import { verifyAgainst } from "../verify/verify-against";
import { tenantSide } from "./tenant-source";
import type { CommonArgs } from "./tool-command";
import type { ToolIo } from "./tool-io";
import type { VerifyArgs } from "./verify-command-line";

/**
 * A run that fails or is interrupted appends nothing to the history: its counts would be
 * partial, and a partial count charted as a fall would mislead; what failed is the
 * message the command prints. The report goes out before the line is appended, so a
 * history that cannot be written never costs the operator the report.
 */
export async function runVerifyCommand(args: VerifyArgs, common: CommonArgs, io: ToolIo): Promise<number> {
  const startedAt = new Date();
  const needs = { tenant: args.exportFile === undefined, listUrl: true };
  const settings = readToolSettings(io.env, common.dotenv, needs);
  checkHistoryWritable(args.history);
  const { config, listUrl } = settings;
  const tenant = await tenantSide(config, io, { exportFile: args.exportFile, tenant: settings.tenant, common });
  const report = await verifyAgainst(config, tenant.source, {
    listUrl: listUrl ?? "",
    timeoutMs: common.timeoutMs,
    examples: args.examples,
  });
  io.stdout(`${args.json ? reportJson(report) : reportTable(report)}\n`);
  appendHistoryLine(args.history, historyLine(report, startedAt));
  return 0;
}
