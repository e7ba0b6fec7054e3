/**
 * The migration report for a tenant's users: the legacy store's list read beside them and
 * joined by `runVerify`. `verify` prints it; `finish` refuses to switch the store off
 * unless its verdict says nothing depends on the store any more.
 */
import type { Config } from "../../action/config";
import type { UserSource } from "../export/user-source";
import { listLegacyUsers } from "../legacy/legacy-list";
import { pooledFetch } from "../legacy/pooled-fetch";
import { processCache } from "../process-cache";
import type { MigrationReport } from "./migration-report";
import { runVerify } from "./run-verify";

const LIST_CONNECTIONS = 2;

export interface VerifyAgainstOptions {
  listUrl: string;
  /** Bound of each page of the legacy list. */
  timeoutMs: number;
  examples: number;
}

export async function verifyAgainst(
  config: Config,
  tenantUsers: UserSource,
  options: VerifyAgainstOptions,
): Promise<MigrationReport> {
  const pool = pooledFetch(LIST_CONNECTIONS);
  try {
    const legacyUsers = listLegacyUsers(options.listUrl, config, {
      fetch: pool.fetch,
      cache: processCache(),
      pageTimeoutMs: options.timeoutMs,
    });
    return await runVerify({ config, legacyUsers, tenantUsers, examples: options.examples });
  } finally {
    await pool.close();
  }
}
