/**
 * One users-export job per migration connection (paged search stops at 1,000 users; an
 * export does not): resolve the connection's id, count its users, start the job, wait for
 * its file. The count is what the export is checked against before anyone reasons on it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ManagementClient } from "auth0";
import { isPlainObject } from "../../action/plain-object";
import { withManagementStatus } from "../../shared/management-status";
import { StepFailure } from "../../shared/step-failure";
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

/** A finished export: where to download it, and how many users the tenant reported before it started. */
export interface ExportedConnection {
  location: string;
  reportedUsers: number;
}

const DEFAULT_POLL_MS = 3000;
const PASS_THROUGH_HINT =
  "check AUTH0_DOMAIN: it must name the tenant, or a proxy that passes its answers through as they are";

/** The id of the connection named `name` (exact match); a ToolError when the tenant has none. */
export async function connectionId(client: ManagementClient, governor: RateGovernor, name: string): Promise<string> {
  const step = `looking up the connection "${name}"`;
  const connections = await governor.call(step, async (signal) => {
    const page = await withManagementStatus(
      client.connections.list({ name, fields: "id,name", include_fields: true }, { abortSignal: signal }),
    );
    // The SDK reads an answer without a `connections` list as an empty one: that would be
    // reported as a connection the tenant does not have, sending the operator to the wrong place.
    const answer: unknown = page.response;
    if (!isPlainObject(answer) || !Array.isArray(answer.connections)) {
      throw new StepFailure(
        step,
        governor.host,
        {
          kind: "answer",
          detail: "the answer holds no list of connections",
        },
        { hint: PASS_THROUGH_HINT },
      );
    }
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

/** Lucene phrase quoting: a connection name is only ever a term, never a query. */
const phrase = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;

/**
 * How many users the tenant holds on the connection, by the users search's total (its
 * result list stops at 1,000 users; the total is only compared with, never paged).
 */
async function connectionUserCount(client: ManagementClient, governor: RateGovernor, name: string): Promise<number> {
  const step = `counting the users of the connection "${name}"`;
  const total: unknown = await governor.call(step, async (signal) => {
    const page = await withManagementStatus(
      client.users.list(
        {
          q: `identities.connection:${phrase(name)}`,
          search_engine: "v3",
          include_totals: true,
          per_page: 1,
          page: 0,
          fields: "user_id",
          include_fields: true,
        },
        { abortSignal: signal },
      ),
    );
    return { data: page.response.total, rawResponse: page.rawResponse };
  });
  // The export is checked against this number: without it, an export that stopped short would pass.
  if (typeof total !== "number" || !Number.isSafeInteger(total) || total < 0) {
    throw new StepFailure(step, governor.host, { kind: "answer", detail: "the answer holds no total" });
  }
  return total;
}

/** Statuses of a job still under way; any other than these, `completed` or `failed` ends the wait. */
const UNDER_WAY = new Set(["pending", "processing"]);

/** The file's URL, only when it is one: an https URL (the file holds every user's metadata). */
function fileLocation(location: unknown): string | undefined {
  if (typeof location !== "string" || !URL.canParse(location)) return undefined;
  return new URL(location).protocol === "https:" ? location : undefined;
}

/**
 * Ends early on abort (the loop then reports the interruption). A listener added per poll
 * and never removed would pile up on a long job until Node warns of a leak.
 */
const wait = (ms: number, signal?: AbortSignal) => sleep(ms, undefined, { signal }).catch(() => undefined);

/** Starts the export of one connection and resolves once its file is ready. */
export async function exportConnection(
  client: ManagementClient,
  governor: RateGovernor,
  connection: string,
  options: ExportJobOptions = {},
): Promise<ExportedConnection> {
  const connection_id = await connectionId(client, governor, connection);
  // Counted before the job starts: users only arrive during a migration, so the export holds at least as many.
  const reportedUsers = await connectionUserCount(client, governor, connection);
  const fields = EXPORT_FIELDS.map((name) => ({ name }));
  // No `limit`: Auth0's export guide says every user is exported without one (its API reference shows
  // a default of 5); the count above catches an export that stopped short either way.
  const job = await governor.call(`starting the users export of "${connection}"`, (signal) =>
    withManagementStatus(
      client.jobs.usersExports
        .create({ connection_id, format: "json", fields }, { abortSignal: signal })
        .withRawResponse(),
    ),
  );
  if (typeof job.id !== "string" || job.id === "") {
    throw new StepFailure(`starting the users export of "${connection}"`, governor.host, {
      kind: "answer",
      detail: "the answer holds no job id",
    });
  }
  const step = `waiting for the users export of "${connection}" (job ${job.id})`;
  for (;;) {
    if (options.signal?.aborted) throw new ToolError("interrupted while waiting for the export job");
    const status = await governor.call(step, (signal) =>
      withManagementStatus(client.jobs.get(job.id, { abortSignal: signal }).withRawResponse()),
    );
    options.onPoll?.(status.status, status.percentage_done);
    if (status.status === "completed") {
      const location = fileLocation(status.location);
      if (location === undefined) {
        const detail = status.location
          ? "the job completed with a file location that is not an https URL"
          : "the job completed without a file location";
        throw new StepFailure(step, governor.host, { kind: "answer", detail });
      }
      return { location, reportedUsers };
    }
    if (status.status === "failed") {
      const details = typeof status.status_details === "string" ? `: ${status.status_details}` : "";
      throw new StepFailure(step, governor.host, { kind: "answer", detail: `the job failed${details}` });
    }
    // Any other status (or none) would be polled for ever: the job will never complete.
    if (!UNDER_WAY.has(status.status)) {
      const named = typeof status.status === "string" ? JSON.stringify(status.status) : "(no status)";
      const detail = `the job is ${named}, neither pending, processing, completed nor failed`;
      throw new StepFailure(step, governor.host, { kind: "answer", detail });
    }
    await wait(options.pollIntervalMs ?? DEFAULT_POLL_MS, options.signal);
  }
}
