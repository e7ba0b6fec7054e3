/** `backfill`: repairs users who may not log in for months, or shows what it would do. */

import { summaryLines } from "../backfill/backfill-summary";
import { Checkpoint } from "../backfill/checkpoint";
import { runBackfill } from "../backfill/run-backfill";
import { EXIT } from "../exit-codes";
import { pooledFetch } from "../legacy/pooled-fetch";
import { processCache } from "../process-cache";
import { readToolSettings } from "../tool-settings";
import type { BackfillArgs } from "./backfill-command-line";
import { tenantSide } from "./tenant-source";
import type { CommonArgs } from "./tool-command";
import type { ToolIo } from "./tool-io";

export async function runBackfillCommand(args: BackfillArgs, common: CommonArgs, io: ToolIo): Promise<number> {
  const needsTenant = !args.dryRun || args.exportFile === undefined;
  const settings = readToolSettings(io.env, common.dotenv, { tenant: needsTenant, listUrl: false });
  const { config } = settings;
  const checkpoint = Checkpoint.open(args.checkpoint, {
    repairVersion: config.repairVersion,
    connections: [...config.connections],
  });
  if (!args.dryRun) checkpoint.ensureWritable();
  const tenant = await tenantSide(config, io, { exportFile: args.exportFile, tenant: settings.tenant, common });
  if (!args.dryRun) io.atExit?.(() => checkpoint.save());
  const pool = pooledFetch(args.concurrency);
  try {
    const summary = await runBackfill({
      config,
      source: tenant.source,
      tenant: args.dryRun ? undefined : tenant.writes,
      governorStats: tenant.governor?.stats,
      legacyFetch: pool.fetch,
      cache: processCache(),
      checkpoint,
      concurrency: args.concurrency,
      progressOutput: io.stderr,
      planOutput: (line) => io.stdout(`${line}\n`),
      signal: io.signal,
    });
    io.stdout(`${summaryLines(summary).join("\n")}\n`);
    if (summary.interrupted) return EXIT.interrupted;
    return summary.outcomes.failed > 0 ? EXIT.someFailed : EXIT.done;
  } finally {
    await pool.close();
  }
}
