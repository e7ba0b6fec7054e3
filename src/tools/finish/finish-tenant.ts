/**
 * The tenant as `finish` and its rollback reach it: one token, the users' export for the
 * verify that comes first, and the connection endpoints, paced by the same rate governor
 * (see connection-api.ts for how the write is sent once).
 */
import type { Config } from "../../action/config";
import type { TenantAccess } from "../../shared/tenant-access";
import type { TenantCredentials } from "../../shared/tenant-credentials";
import { exportedUsers, openTenantApi } from "../commands/tenant-source";
import type { CommonArgs } from "../commands/tool-command";
import type { ToolIo } from "../commands/tool-io";
import type { UserSource } from "../export/user-source";
import { ToolError } from "../tool-error";
import { type ConnectionApi, connectionApi } from "./connection-api";

/** What to check when the tenant refuses a call of `finish`. */
const FINISH_SCOPES_HINT =
  "the application needs the Management API scopes read:users and read:connections (for verify), " +
  "read:connections_options, update:connections and update:connections_options";

export interface FinishTenant {
  access: TenantAccess;
  users: UserSource;
  connections: ConnectionApi;
}

export async function openFinishTenant(
  config: Config,
  credentials: TenantCredentials | undefined,
  io: ToolIo,
  common: CommonArgs,
): Promise<FinishTenant> {
  if (!credentials) throw new ToolError("the tenant's credentials are needed to read and write the connection");
  const api = await openTenantApi(credentials, io, common.timeoutMs, FINISH_SCOPES_HINT);
  return {
    access: api.access,
    users: exportedUsers(config, io, api, common.timeoutMs),
    connections: connectionApi(api.access.management, api.governor),
  };
}
