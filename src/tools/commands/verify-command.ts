/** `verify`: the migration report, as a table or as JSON. */
import { appendHistoryLine, checkHistoryWritable } from "../history/append-history";
import { historyLine } from "../history/history-line";
import { listLegacyUsers } from "../legacy/legacy-list";
import { pooledFetch } from "../legacy/pooled-fetch";
import { processCache } from "../process-cache";
import { readToolSettings } from "../tool-settings";
import { reportJson, reportTable } from "../verify/render-report";
import { runVerify } from "../verify/run-verify";
import { tenantSide } from "./tenant-source";
import type { CommonArgs } from "./tool-command";
import type { ToolIo } from "./tool-io";
import type { VerifyArgs } from "./verify-command-line";

const LIST_CONNECTIONS = 2;

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
  const pool = pooledFetch(LIST_CONNECTIONS);
  try {
    const legacyUsers = listLegacyUsers(listUrl ?? "", config, {
      fetch: pool.fetch,
      cache: processCache(),
      pageTimeoutMs: common.timeoutMs,
    });
    const report = await runVerify({ config, legacyUsers, tenantUsers: tenant.source, examples: args.examples });
    io.stdout(`${args.json ? reportJson(report) : reportTable(report)}\n`);
    appendHistoryLine(args.history, historyLine(report, startedAt));
    return 0;
  } finally {
    await pool.close();
  }
}
