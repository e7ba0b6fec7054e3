/**
 * A Management API mocked with msw for the operator tools: connections, the users search's
 * total, a users-export job with its gzip NDJSON file, user reads and updates (top-level
 * metadata merge, as Auth0 does), and an optional per-second rate limit with Auth0's
 * headers and 429s, whose answers can come back out of order.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { HttpResponse, http } from "msw";
import type { TenantUser } from "../../src/tools/tenant-user";

export const TENANT_DOMAIN = "tools-tenant.test";
const EXPORT_FILE_URL = "https://exports.tools-tenant.test/job_1.json.gz";

export interface TenantCall {
  method: string;
  path: string;
  body?: unknown;
  /** When the mock received it (ms since the epoch). */
  at: number;
}

export interface MockTenantOptions {
  /** Requests per one-second window; unlimited when absent. */
  ratePerSecond?: number;
  /** How the export job ends. */
  exportFails?: boolean;
  /** Polls the export job answers "processing" before it ends (default 1). */
  exportPolls?: number;
  /** Each rate-limited answer waits up to this long (random) after being counted: answers arrive out of order. */
  answerDelayMs?: number;
  /** What the users search reports for the connection (default: the users the export holds). */
  reportedUsers?: number;
  /** host or host:port (default TENANT_DOMAIN). */
  domain?: string;
  /** The export file's download answers this status instead of the file. */
  downloadStatus?: number;
  /** Updates succeed this many times, then every one answers 503 (a tenant failing mid-run). */
  updatesBeforeFailing?: number;
}

type Metadata = Record<string, unknown>;

function mergeTop(current: unknown, patch: unknown): unknown {
  if (patch === undefined) return current;
  const base = typeof current === "object" && current !== null && !Array.isArray(current) ? current : {};
  return { ...(base as Metadata), ...(patch as Metadata) };
}

export class MockTenant {
  /** What the tenant holds now; tests change it to play a login that happens mid-run. */
  readonly users = new Map<string, TenantUser>();
  /** The export's snapshot, fixed when the test says so (an export can lag behind writes). */
  exported: TenantUser[] = [];
  readonly calls: TenantCall[] = [];
  /** Called on every update, after it is applied. */
  onUpdate?: (userId: string, count: number) => void;
  /** Answers the next N requests to users/:id with 429. */
  rateLimitNext = 0;
  /** Requests refused by the per-second limit. */
  refusedByLimit = 0;
  private windowStart = 0;
  private windowCount = 0;
  private updates = 0;
  private polls = 0;

  constructor(private readonly options: MockTenantOptions = {}) {}

  seed(users: TenantUser[]): void {
    for (const user of users) this.users.set(user.user_id, structuredClone(user));
    this.exported = users.map((user) => structuredClone(user));
  }

  updatesOf(userId: string): unknown[] {
    return this.calls.filter((c) => c.method === "PATCH" && c.path === `/users/${userId}`).map((c) => c.body);
  }

  count(method: string, prefix: string): number {
    return this.calls.filter((c) => c.method === method && c.path.startsWith(prefix)).length;
  }

  /** Auth0's headers on every answer; a 429 once the window's budget is spent. */
  private limited(): Response | Record<string, string> {
    const limit = this.options.ratePerSecond;
    if (limit === undefined) return {};
    const now = Date.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now - (now % 1000);
      this.windowCount = 0;
    }
    this.windowCount++;
    const reset = String(Math.ceil((this.windowStart + 1000) / 1000));
    const remaining = Math.max(0, limit - this.windowCount);
    const headers = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": reset,
    };
    if (this.windowCount > limit) {
      this.refusedByLimit++;
      return HttpResponse.json({ statusCode: 429, error: "Too Many Requests" }, { status: 429, headers });
    }
    return headers;
  }

  /** Counted already: the answer may now overtake, or be overtaken by, others. */
  private async late(response: Response): Promise<Response> {
    const delay = this.options.answerDelayMs;
    if (delay !== undefined) await sleep(Math.random() * delay);
    return response;
  }

  handlers() {
    const record = (method: string, path: string, body?: unknown) =>
      this.calls.push({ method, path, body, at: Date.now() });
    const API = `https://${this.options.domain ?? TENANT_DOMAIN}/api/v2`;
    return [
      http.get(`${API}/connections`, ({ request }) => {
        const name = new URL(request.url).searchParams.get("name");
        record("GET", "/connections");
        const all = [{ id: "con_legacy", name: "legacy-db", strategy: "auth0" }];
        // The SDK asks with `take`, so the API answers in its checkpoint-paged shape.
        return HttpResponse.json({ connections: all.filter((c) => name === null || c.name === name) });
      }),
      http.get(`${API}/users`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        record("GET", `/users?${query}`);
        const total = this.options.reportedUsers ?? this.exported.length;
        return HttpResponse.json({ start: 0, limit: 1, length: Math.min(1, total), users: [], total });
      }),
      http.post(`${API}/jobs/users-exports`, async ({ request }) => {
        record("POST", "/jobs/users-exports", await request.json());
        return HttpResponse.json(
          { id: "job_1", type: "users_export", status: "pending", format: "json" },
          { status: 201 },
        );
      }),
      http.get(`${API}/jobs/job_1`, () => {
        record("GET", "/jobs/job_1");
        this.polls++;
        if (this.polls <= (this.options.exportPolls ?? 1))
          return HttpResponse.json({ id: "job_1", type: "users_export", status: "processing", percentage_done: 40 });
        if (this.options.exportFails) {
          return HttpResponse.json({
            id: "job_1",
            type: "users_export",
            status: "failed",
            status_details: "Internal error",
          });
        }
        return HttpResponse.json({ id: "job_1", type: "users_export", status: "completed", location: EXPORT_FILE_URL });
      }),
      http.get(EXPORT_FILE_URL, () => {
        record("GET", "/export-file");
        const status = this.options.downloadStatus;
        if (status !== undefined) return new HttpResponse("<Error>AccessDenied</Error>", { status });
        const text = this.exported.map((user) => JSON.stringify(user)).join("\n");
        return new HttpResponse(gzipSync(`${text}\n`), { headers: { "content-type": "application/gzip" } });
      }),
      http.get(`${API}/users/:id`, ({ params }) => {
        const id = String(params.id);
        record("GET", `/users/${id}`);
        if (this.rateLimitNext > 0) {
          this.rateLimitNext--;
          return HttpResponse.json({ statusCode: 429 }, { status: 429, headers: { "retry-after": "0" } });
        }
        const limited = this.limited();
        if (limited instanceof Response) return this.late(limited);
        const user = this.users.get(id);
        if (!user) return HttpResponse.json({ statusCode: 404, error: "Not Found" }, { status: 404, headers: limited });
        return this.late(HttpResponse.json(user, { headers: limited }));
      }),
      http.patch(`${API}/users/:id`, async ({ params, request }) => {
        const id = String(params.id);
        const body = (await request.json()) as { user_metadata?: Metadata; app_metadata?: Metadata };
        record("PATCH", `/users/${id}`, body);
        const failAfter = this.options.updatesBeforeFailing;
        if (failAfter !== undefined && this.updates >= failAfter) {
          return HttpResponse.json({ statusCode: 503, error: "Service Unavailable" }, { status: 503 });
        }
        const limited = this.limited();
        if (limited instanceof Response) return this.late(limited);
        const user = this.users.get(id);
        if (!user) return HttpResponse.json({ statusCode: 404 }, { status: 404 });
        user.user_metadata = mergeTop(user.user_metadata, body.user_metadata);
        user.app_metadata = mergeTop(user.app_metadata, body.app_metadata);
        this.updates++;
        this.onUpdate?.(id, this.updates);
        return this.late(HttpResponse.json(user, { headers: limited }));
      }),
    ];
  }
}

export function migrated(legacyId: string, extra: Partial<TenantUser> = {}): TenantUser {
  return {
    user_id: `auth0|${legacyId}`,
    identities: [{ provider: "auth0", connection: "legacy-db", user_id: legacyId, isSocial: false }],
    ...extra,
  };
}

/** Captured stdout and stderr of one command run. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text: string) => {
      out.push(text);
    },
    stderr: { write: (text: string) => err.push(text), isTTY: false },
    text: () => out.join(""),
    errors: () => err.join(""),
  };
}
