/**
 * The tenant's users of the migration connection(s), streamed one by one: from fresh
 * export jobs, or from an export file already downloaded (`--export-file`). Once an
 * export job's file is read, the users it held are checked against the number the
 * tenant reported for the connection. `verify` and `backfill` both read the whole export
 * before they report or write anything, so neither ever rests on an export that stopped short.
 */
import { createReadStream } from "node:fs";
import type { ManagementClient } from "auth0";
import { discardBody } from "../../action/discard-body";
import { boundedCall } from "../../shared/bounded-call";
import { StatusError } from "../../shared/failure-cause";
import type { RateGovernor } from "../management/rate-governor";
import { asTenantUser, type TenantUser } from "../tenant-user";
import { ToolError } from "../tool-error";
import { type ExportJobOptions, exportConnection } from "./export-job";
import { NdjsonError, ndjsonLines } from "./ndjson-lines";

/** `signal` stops a source that waits on the tenant (a command that already failed elsewhere). */
export type UserSource = (signal?: AbortSignal) => AsyncIterable<TenantUser>;

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

/**
 * The export file, chunk by chunk. Each wait is bounded (for the answer, then for every
 * next chunk), so a download that stalls fails, while a long one that flows does not.
 */
async function* download(location: string, connection: string, timeoutMs: number): AsyncGenerator<Uint8Array> {
  const place = { step: `downloading the users export of "${connection}"`, host: new URL(location).host, timeoutMs };
  const body = await boundedCall(place, async (signal) => {
    const answer = await fetch(location, { signal });
    if (answer.status !== 200 || answer.body === null) {
      discardBody(answer.body);
      throw new StatusError(answer.status);
    }
    return answer.body;
  });
  const reader = body.getReader();
  try {
    for (;;) {
      const next = await boundedCall(place, () => reader.read());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Stopping early (an error, Ctrl-C, a stalled chunk) must release the connection.
    await reader.cancel().catch(() => undefined);
  }
}

async function* counted(users: AsyncIterable<TenantUser>, connection: string, reported: number) {
  let exported = 0;
  for await (const user of users) {
    exported++;
    yield user;
  }
  if (exported < reported) {
    throw new ToolError(
      `the export of "${connection}" holds ${exported} user(s), but the tenant reports ${reported} on that connection; ` +
        "the export is incomplete, so nothing was concluded or written from it",
      "run the command again; if the numbers still disagree, export the users yourself and pass --export-file",
    );
  }
}

export interface TenantExportOptions extends ExportJobOptions {
  /** Bound of each wait of the download. */
  timeoutMs: number;
}

export function usersFromTenant(
  client: ManagementClient,
  governor: RateGovernor,
  connections: Iterable<string>,
  options: TenantExportOptions,
): UserSource {
  return async function* (stop?: AbortSignal) {
    const signals = [options.signal, stop].filter((signal) => signal !== undefined);
    const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    for (const connection of connections) {
      const { location, reportedUsers } = await exportConnection(client, governor, connection, { ...options, signal });
      const users = parseUsers(
        ndjsonLines(download(location, connection, options.timeoutMs)),
        `the export of "${connection}"`,
        connection,
      );
      yield* counted(users, connection, reportedUsers);
    }
  };
}
