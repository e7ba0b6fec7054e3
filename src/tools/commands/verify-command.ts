/** `verify`: the migration report, as a table or as JSON. */
import type { VerifyArgs } from "../cli-args";
import { listLegacyUsers } from "../legacy/legacy-list";
import { pooledFetch } from "../legacy/pooled-fetch";
import { processCache } from "../process-cache";
import { readToolSettings } from "../tool-settings";
import { reportJson, reportTable } from "../verify/render-report";
import { runVerify } from "../verify/run-verify";
import { tenantSide } from "./tenant-source";
import type { ToolIo } from "./tool-io";

const LIST_CONNECTIONS = 2;

export async function verifyCommand(args: VerifyArgs, io: ToolIo): Promise<number> {
  const settings = readToolSettings(io.env, args.envFile, { tenant: args.exportFile === undefined, listUrl: true });
  const { config, listUrl } = settings;
  const tenant = tenantSide(config, io, { exportFile: args.exportFile, tenant: settings.tenant });
  const pool = pooledFetch(LIST_CONNECTIONS);
  try {
    const legacyUsers = listLegacyUsers(listUrl ?? "", config, { fetch: pool.fetch, cache: processCache() });
    const report = await runVerify({ config, legacyUsers, tenantUsers: tenant.source, examples: args.examples });
    io.stdout(`${args.json ? reportJson(report) : reportTable(report)}\n`);
    return 0;
  } finally {
    await pool.close();
  }
}
