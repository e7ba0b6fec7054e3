/**
 * One users-export job per migration connection (paged search stops at 1,000 users; an
 * export does not): resolve the connection's id, start the job, wait for its file.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ManagementClient } from "auth0";
import type { RateGovernor } from "../management/rate-governor";
import { ToolError } from "../tool-error";

/** What the export holds per user; JSON format may carry whole metadata objects. */
const EXPORT_FIELDS = ["user_id", "email", "username", "user_metadata", "app_metadata", "identities"];

export interface ExportJobOptions {
  pollIntervalMs?: number;
  /** Told each time the job is polled, for the operator's patience. */
  onPoll?: (status: string, percentDone: number | undefined) => void;
  signal?: AbortSignal;
}

const DEFAULT_POLL_MS = 3000;

async function connectionId(client: ManagementClient, governor: RateGovernor, name: string): Promise<string> {
  const connections = await governor.call(async () => {
    const page = await client.connections.list({ name, fields: "id,name", include_fields: true });
    return { data: page.data, rawResponse: page.rawResponse };
  });
  const match = connections.find((connection) => connection.name === name);
  if (match?.id === undefined) {
    throw new ToolError(
      `the tenant has no connection named "${name}"`,
      "MIGRATION_CONNECTIONS must name the custom database connection(s) the users were migrated through",
    );
  }
  return match.id;
}

/**
 * Ends early on abort (the loop then reports the interruption). A listener added per poll
 * and never removed would pile up on a long job until Node warns of a leak.
 */
const wait = (ms: number, signal?: AbortSignal) => sleep(ms, undefined, { signal }).catch(() => undefined);

/** Starts the export of one connection and resolves with its download URL once complete. */
export async function exportConnection(
  client: ManagementClient,
  governor: RateGovernor,
  connection: string,
  options: ExportJobOptions = {},
): Promise<string> {
  const connection_id = await connectionId(client, governor, connection);
  const fields = EXPORT_FIELDS.map((name) => ({ name }));
  const job = await governor.call(() =>
    client.jobs.usersExports.create({ connection_id, format: "json", fields }).withRawResponse(),
  );
  for (;;) {
    if (options.signal?.aborted) throw new ToolError("interrupted while waiting for the export job");
    const status = await governor.call(() => client.jobs.get(job.id).withRawResponse());
    options.onPoll?.(status.status, status.percentage_done);
    if (status.status === "completed") {
      if (!status.location) throw new ToolError(`the export job ${job.id} completed without a file location`);
      return status.location;
    }
    if (status.status === "failed") {
      const details = typeof status.status_details === "string" ? `: ${status.status_details}` : "";
      throw new ToolError(`the export job ${job.id} for connection "${connection}" failed${details}`);
    }
    await wait(options.pollIntervalMs ?? DEFAULT_POLL_MS, options.signal);
  }
}
