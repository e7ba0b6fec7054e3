/**
 * The tenant side of a command: an export file given on the command line, or export jobs;
 * and, when credentials are set, the Management API (one token, one rate governor, every
 * call bounded by `--timeout`).
 */
import { accessSync, constants, statSync } from "node:fs";
import type { Config } from "../../action/config";
import { openTenant, type TenantAccess } from "../../shared/tenant-access";
import type { TenantCredentials } from "../../shared/tenant-credentials";
import type { TenantWrites } from "../backfill/repair-user";
import { type UserSource, usersFromFile, usersFromTenant } from "../export/user-source";
import { fileErrorReason } from "../file-error-reason";
import { RateGovernor } from "../management/rate-governor";
import { tenantUsers } from "../management/tenant-users";
import { ToolError } from "../tool-error";
import type { CommonArgs } from "./tool-command";
import type { ToolIo } from "./tool-io";

const USERS_SCOPES_HINT =
  "the application needs the Management API scopes read:users, update:users and read:connections";

export interface TenantSide {
  source: UserSource;
  writes?: TenantWrites;
  governor?: RateGovernor;
  /** The token and SDK client behind `governor`, for commands that call more than the users' endpoints. */
  access?: TenantAccess;
}

function readableFile(path: string): void {
  let reason: string | undefined;
  try {
    accessSync(path, constants.R_OK);
    // A folder passes the access check, and would only fail once read, as an unexpected error.
    if (statSync(path).isDirectory()) reason = "it is a folder";
  } catch (error) {
    reason = fileErrorReason(error);
  }
  if (reason !== undefined) throw new ToolError(`cannot read the export file ${path}: ${reason}`);
}

export async function tenantSide(
  config: Config,
  io: ToolIo,
  options: {
    exportFile?: string;
    tenant?: TenantCredentials;
    common: CommonArgs;
    /** What to check when the tenant refuses a call (its scopes); the users' scopes by default. */
    refusalHint?: string;
  },
): Promise<TenantSide> {
  const { timeoutMs } = options.common;
  if (options.exportFile !== undefined) readableFile(options.exportFile);
  const access = options.tenant ? await openTenant(options.tenant, { timeoutMs }) : undefined;
  const governor = access
    ? new RateGovernor({
        host: access.domain,
        timeoutMs,
        refusalHint: options.refusalHint ?? USERS_SCOPES_HINT,
        onRetry: (failure, attempt, attempts) =>
          io.stderr.write(`${failure.message}; trying again (${attempt + 1} of ${attempts})\n`),
      })
    : undefined;
  const writes = access && governor ? tenantUsers(access.management, governor) : undefined;
  if (options.exportFile !== undefined) return { source: usersFromFile(options.exportFile), writes, governor, access };
  if (!access || !governor) throw new ToolError("the tenant's credentials are needed to export its users");
  let lastStatus = "";
  const source = usersFromTenant(access.management, governor, config.connections, {
    timeoutMs,
    pollIntervalMs: io.exportPollMs,
    signal: io.signal,
    onPoll: (status, percent) => {
      const line = `export job ${status}${percent === undefined ? "" : ` ${percent}%`}`;
      if (line !== lastStatus) io.stderr.write(`${line}\n`);
      lastStatus = line;
    },
  });
  return { source, writes, governor, access };
}
