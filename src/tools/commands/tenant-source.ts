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

/** The Management API of a command: one token, and one rate governor that paces every call. */
export interface TenantApi {
  access: TenantAccess;
  governor: RateGovernor;
}

export interface TenantSide extends Partial<TenantApi> {
  source: UserSource;
  writes?: TenantWrites;
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

/**
 * Opens the Management API; `refusalHint` is what to check when the tenant refuses a call
 * (the command's scopes), the users' scopes by default.
 */
export async function openTenantApi(
  credentials: TenantCredentials,
  io: ToolIo,
  timeoutMs: number,
  refusalHint = USERS_SCOPES_HINT,
): Promise<TenantApi> {
  const access = await openTenant(credentials, { timeoutMs });
  const governor = new RateGovernor({
    host: access.domain,
    timeoutMs,
    refusalHint,
    onRetry: (failure, attempt, attempts) =>
      io.stderr.write(`${failure.message}; trying again (${attempt + 1} of ${attempts})\n`),
  });
  return { access, governor };
}

/** The users of the migration connections, through export jobs, their progress on stderr. */
export function exportedUsers(config: Config, io: ToolIo, api: TenantApi, timeoutMs: number): UserSource {
  let lastStatus = "";
  return usersFromTenant(api.access.management, api.governor, config.connections, {
    timeoutMs,
    pollIntervalMs: io.exportPollMs,
    signal: io.signal,
    onPoll: (status, percent) => {
      const line = `export job ${status}${percent === undefined ? "" : ` ${percent}%`}`;
      if (line !== lastStatus) io.stderr.write(`${line}\n`);
      lastStatus = line;
    },
  });
}

export async function tenantSide(
  config: Config,
  io: ToolIo,
  options: { exportFile?: string; tenant?: TenantCredentials; common: CommonArgs },
): Promise<TenantSide> {
  const { timeoutMs } = options.common;
  if (options.exportFile !== undefined) readableFile(options.exportFile);
  const api = options.tenant ? await openTenantApi(options.tenant, io, timeoutMs) : undefined;
  const writes = api ? tenantUsers(api.access.management, api.governor) : undefined;
  if (options.exportFile !== undefined) return { source: usersFromFile(options.exportFile), writes, ...api };
  if (!api) throw new ToolError("the tenant's credentials are needed to export its users");
  return { source: exportedUsers(config, io, api, timeoutMs), writes, ...api };
}
