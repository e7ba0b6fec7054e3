/**
 * The tenant's users of the migration connection(s), streamed one by one: from fresh
 * export jobs, or from an export file already downloaded (`--export-file`).
 */
import { createReadStream } from "node:fs";
import type { ManagementClient } from "auth0";
import type { RateGovernor } from "../management/rate-governor";
import { asTenantUser, type TenantUser } from "../tenant-user";
import { ToolError } from "../tool-error";
import { type ExportJobOptions, exportConnection } from "./export-job";
import { NdjsonError, ndjsonLines } from "./ndjson-lines";

export type UserSource = () => AsyncIterable<TenantUser>;

async function* parseUsers(lines: AsyncIterable<string>, label: string, connection?: string) {
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new ToolError(`${label} is not NDJSON: line ${lineNumber} is not JSON`);
      }
      const user = asTenantUser(value);
      if (!user) throw new ToolError(`${label}: line ${lineNumber} is not a user (no user_id)`);
      // A connection's export lists only its users; without exported identities, say whose they are.
      if (user.identities === undefined && connection !== undefined) user.identities = [{ connection }];
      yield user;
    }
  } catch (error) {
    if (error instanceof NdjsonError) throw new ToolError(`${label} is not NDJSON: ${error.message}`);
    throw error;
  }
}

export function usersFromFile(path: string): UserSource {
  return () => parseUsers(ndjsonLines(createReadStream(path)), `the export file ${path}`);
}

async function* download(location: string): AsyncGenerator<Uint8Array> {
  const response = await fetch(location);
  if (response.status !== 200 || response.body === null) {
    await response.body?.cancel();
    throw new ToolError(`downloading the export file failed: status ${response.status}`);
  }
  const reader = response.body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    // Stopping early must release the connection.
    await reader.cancel().catch(() => undefined);
  }
}

export function usersFromTenant(
  client: ManagementClient,
  governor: RateGovernor,
  connections: Iterable<string>,
  options: ExportJobOptions = {},
): UserSource {
  return async function* () {
    for (const connection of connections) {
      const location = await exportConnection(client, governor, connection, options);
      yield* parseUsers(ndjsonLines(download(location)), `the export of "${connection}"`, connection);
    }
  };
}
