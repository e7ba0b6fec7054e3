/** The tenant side of a command: an export file given on the command line, or export jobs. */
import { accessSync, constants } from "node:fs";
import type { Config } from "../../action/config";
import type { TenantCredentials } from "../../shared/tenant-credentials";
import type { TenantWrites } from "../backfill/repair-user";
import { type UserSource, usersFromFile, usersFromTenant } from "../export/user-source";
import { managementClient } from "../management/management-client";
import { RateGovernor } from "../management/rate-governor";
import { tenantUsers } from "../management/tenant-users";
import { ToolError } from "../tool-error";
import type { ToolIo } from "./tool-io";

export interface TenantSide {
  source: UserSource;
  writes?: TenantWrites;
  governor?: RateGovernor;
}

function readableFile(path: string): void {
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new ToolError(`cannot read the export file ${path}`);
  }
}

export function tenantSide(
  config: Config,
  io: ToolIo,
  options: { exportFile?: string; tenant?: TenantCredentials },
): TenantSide {
  const governor = options.tenant ? new RateGovernor() : undefined;
  const client = options.tenant ? managementClient(options.tenant) : undefined;
  const writes = client && governor ? tenantUsers(client, governor) : undefined;
  if (options.exportFile !== undefined) {
    readableFile(options.exportFile);
    return { source: usersFromFile(options.exportFile), writes, governor };
  }
  if (!client || !governor) throw new ToolError("the tenant's credentials are needed to export its users");
  let lastStatus = "";
  const source = usersFromTenant(client, governor, config.connections, {
    pollIntervalMs: io.exportPollMs,
    signal: io.signal,
    onPoll: (status, percent) => {
      const line = `export job ${status}${percent === undefined ? "" : ` ${percent}%`}`;
      if (line !== lastStatus) io.stderr.write(`${line}\n`);
      lastStatus = line;
    },
  });
  return { source, writes, governor };
}
