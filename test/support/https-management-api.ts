/**
 * A fake Auth0 Management API over HTTPS on 127.0.0.1, for `smoke` and `finish`, written
 * from Auth0's documented behaviour (Management API reference; notes in
 * docs/tools.md):
 *
 * - every call needs a bearer token whose scopes cover it (401 / 403 `insufficient_scope`);
 * - `GET /connections/{id}` carries `options` only with `read:connections_options`, and
 *   `options.configuration` values come back encrypted, freshly encrypted on every write;
 * - `PATCH /connections/{id}` replaces `options` as a whole, resets `display_name` to the
 *   name when it is left out, refuses unknown fields and a change of
 *   `enabledDatabaseCustomization` on a database that has users;
 * - connections carry no version, ETag or `updated_at`;
 * - `POST /actions/actions/{id}/test` takes `{"payload": {...}}` and answers HTTP 200 with
 *   `{"payload": {...}}`: here the Action's own bundle runs in the local runtime with its
 *   stored secrets, and the answer holds its console output (`logs`) and `stats`, or an
 *   `error` when it threw; a test may replace the answer to play an unexpected one;
 * - the users search total, and a users-export job whose gzip NDJSON file it serves.
 *
 * The certificate is made at start (openssl, files removed at once) and trusted by this
 * test process only: Node's fetch gets a dispatcher whose CA list is that certificate
 * alone, until `close()` puts the previous one back.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { Agent } from "undici";
import { isPlainObject } from "../../src/action/plain-object";
import type { JsonObject } from "../../src/action/types";
import { replaceGlobalDispatcher } from "../../src/deploy/bounded-global-fetch";
import { keptLog } from "../../src/local/log-fields";
import type { LocalIdentity, LocalUser } from "../../src/local/runtime/post-login-event";
import type { TenantUser } from "../../src/tools/tenant-user";
import { bundleRuntime } from "./local-bundle";
import { listening, selfSignedCertificate, tracked } from "./network-edges";

export const ALL_SCOPES = [
  "read:users",
  "read:connections",
  "read:connections_options",
  "update:connections",
  "update:connections_options",
  "read:actions",
  "create:actions",
] as const;

export type Scope = (typeof ALL_SCOPES)[number];

export interface FakeAction {
  id: string;
  name: string;
  /** The secrets as deployed: what the test endpoint runs the Action with. */
  secrets: Record<string, string>;
  status: string;
  all_changes_deployed: boolean;
  /** Reads that still answer `building` before the status above. */
  buildingReads?: number;
}

export interface SeenCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** Replaces the test endpoint's answer: the HTTP status and the raw body text. */
export type TestAnswerOverride = (event: JsonObject) => { status: number; body: string } | undefined;

const PATCHABLE = new Set([
  "display_name",
  "options",
  "enabled_clients",
  "is_domain_connection",
  "show_as_button",
  "realms",
  "metadata",
  "authentication",
  "connected_accounts",
  "cross_app_access_requesting_app",
  "cross_app_access_resource_app",
]);

const clone = <T>(value: T): T => structuredClone(value);

function encrypt(value: unknown): string {
  return `enc:${randomBytes(6).toString("hex")}:${Buffer.from(String(value)).toString("base64")}`;
}

/** What a stored encrypted value decrypts to (tests read what Auth0 would hold). */
export function decrypt(value: unknown): string | undefined {
  const match = typeof value === "string" ? /^enc:[0-9a-f]+:(.*)$/.exec(value) : null;
  return match?.[1] === undefined ? undefined : Buffer.from(match[1], "base64").toString();
}

function encryptConfiguration(options: JsonObject): JsonObject {
  const configuration = options.configuration;
  if (!isPlainObject(configuration)) return options;
  return {
    ...options,
    configuration: Object.fromEntries(Object.entries(configuration).map(([key, value]) => [key, encrypt(value)])),
  };
}

function asLocalUser(value: unknown): LocalUser {
  const user = isPlainObject(value) ? value : {};
  const identities: LocalIdentity[] = Array.isArray(user.identities)
    ? user.identities.filter(isPlainObject).map((identity) => ({
        connection: String(identity.connection ?? ""),
        provider: String(identity.provider ?? "auth0"),
        user_id: String(identity.user_id ?? ""),
        isSocial: identity.isSocial === true,
      }))
    : [];
  return {
    user_id: String(user.user_id ?? ""),
    email: typeof user.email === "string" ? user.email : undefined,
    username: typeof user.username === "string" ? user.username : undefined,
    identities,
    user_metadata: user.user_metadata,
    app_metadata: user.app_metadata,
  };
}

export class HttpsManagementApi {
  readonly calls: SeenCall[] = [];
  readonly connections = new Map<string, JsonObject>();
  readonly actions: FakeAction[] = [];
  users: TenantUser[] = [];
  /** Token → scopes; the issued token (client credentials) gets every scope. */
  readonly tokens = new Map<string, ReadonlySet<Scope>>();
  testAnswer?: TestAnswerOverride;
  /** Called after each read of a connection with how many reads it has seen (a test changes it in between). */
  onConnectionRead?: (id: string, count: number) => void;
  /** Replaces the PATCH answer with this transformation of what was stored. */
  patchAnswer?: (stored: JsonObject) => JsonObject;
  /** Every PATCH of a connection answers this status and changes nothing (a failing or refusing tenant). */
  patchStatus?: number;
  /** Called as each PATCH of a connection arrives, with how many it has seen (a test changes things in between). */
  onConnectionPatch?: (id: string, count: number) => void;
  private readonly jobs = new Map<string, string>();
  private connectionReads = 0;
  private connectionPatches = 0;
  private readonly trusted: Agent;
  private readonly restoreDispatcher: () => void;

  private constructor(
    private readonly closeServer: () => Promise<void>,
    readonly host: string,
    cert: string,
  ) {
    this.trusted = new Agent({ connect: { ca: cert } });
    this.restoreDispatcher = replaceGlobalDispatcher(this.trusted);
  }

  static async start(): Promise<HttpsManagementApi> {
    const credentials = selfSignedCertificate("DNS:localhost,IP:127.0.0.1");
    let api: HttpsManagementApi | undefined;
    const server = createServer(credentials, (request, response) => {
      api?.handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(JSON.stringify({ statusCode: 500, message: String(error) }));
      });
    });
    const { close } = await listening(server, tracked(server));
    const { port } = server.address() as AddressInfo;
    api = new HttpsManagementApi(close, `localhost:${port}`, credentials.cert);
    return api;
  }

  grant(token: string, scopes: readonly Scope[] = ALL_SCOPES): void {
    this.tokens.set(token, new Set(scopes));
  }

  addConnection(connection: JsonObject): void {
    const options = isPlainObject(connection.options) ? encryptConfiguration(connection.options) : connection.options;
    this.connections.set(String(connection.id), clone({ ...connection, options }));
  }

  addAction(action: FakeAction): void {
    this.actions.push(action);
  }

  writesTo(prefix: string): SeenCall[] {
    return this.calls.filter((call) => call.method !== "GET" && call.path.startsWith(prefix));
  }

  async close(): Promise<void> {
    this.restoreDispatcher();
    await this.trusted.destroy();
    await this.closeServer();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", `https://${this.host}`);
    const text = await new Promise<string>((resolve) => {
      let data = "";
      request.on("data", (chunk: Buffer) => {
        data += chunk.toString();
      });
      request.on("end", () => resolve(data));
    });
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const method = request.method ?? "GET";
    this.calls.push({ method, path: url.pathname, query: url.searchParams, body });
    const send = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    };
    if (url.pathname === "/oauth/token" && method === "POST") {
      const token = `issued-${randomBytes(6).toString("hex")}`;
      this.grant(token);
      return send(200, { access_token: token, token_type: "Bearer", expires_in: 86400 });
    }
    if (url.pathname.startsWith("/exports/")) {
      const connection = this.jobs.get(url.pathname.slice("/exports/".length));
      const users = this.users.filter((user) =>
        user.identities?.some((identity) => identity.connection === connection),
      );
      const lines = users.map((user) => JSON.stringify(user)).join("\n");
      response.writeHead(200, { "content-type": "application/gzip" }).end(gzipSync(`${lines}\n`));
      return;
    }
    const scopes = this.tokens.get((request.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!scopes) return send(401, { statusCode: 401, error: "Unauthorized", message: "Invalid token" });
    const route = this.route(method, url.pathname.replace(/^\/api\/v2/, ""), url.searchParams, body, scopes);
    if (!route) return send(404, { statusCode: 404, error: "Not Found", message: "Not Found" });
    const missing = route.needs.filter((scope) => !scopes.has(scope));
    if (missing.length > 0) {
      return send(403, {
        statusCode: 403,
        error: "Forbidden",
        message: `Insufficient scope, expected any of: ${missing.join(",")}`,
        errorCode: "insufficient_scope",
      });
    }
    const answer = await route.answer();
    if (answer.raw !== undefined) {
      response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.raw);
      return;
    }
    send(answer.status, answer.body);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    scopes: ReadonlySet<Scope>,
  ): { needs: Scope[]; answer: () => Promise<{ status: number; body?: unknown; raw?: string }> } | undefined {
    const ok = (value: unknown, status = 200) => Promise.resolve({ status, body: value });
    const showOptions = (connection: JsonObject) => {
      const shown = clone(connection);
      if (!scopes.has("read:connections_options")) delete shown.options;
      return shown;
    };
    const connectionId = /^\/connections\/([^/]+)$/.exec(path)?.[1];
    const actionId = /^\/actions\/actions\/([^/]+)$/.exec(path)?.[1];
    const testedId = /^\/actions\/actions\/([^/]+)\/test$/.exec(path)?.[1];
    const jobId = /^\/jobs\/([^/]+)$/.exec(path)?.[1];

    if (method === "GET" && path === "/connections") {
      const name = query.get("name");
      const list = [...this.connections.values()].filter((connection) => name === null || connection.name === name);
      return { needs: ["read:connections"], answer: () => ok({ connections: list.map(showOptions) }) };
    }
    if (method === "GET" && connectionId !== undefined) {
      return {
        needs: ["read:connections"],
        answer: () => {
          const stored = this.connections.get(connectionId);
          if (!stored) return ok(this.noConnection(), 404);
          const shown = showOptions(stored);
          this.onConnectionRead?.(connectionId, ++this.connectionReads);
          return ok(shown);
        },
      };
    }
    if (method === "PATCH" && connectionId !== undefined) {
      const needs: Scope[] = ["update:connections"];
      if (isPlainObject(body) && body.options !== undefined) needs.push("update:connections_options");
      return {
        needs,
        answer: () => {
          this.onConnectionPatch?.(connectionId, ++this.connectionPatches);
          return Promise.resolve(this.patchConnection(connectionId, body, showOptions));
        },
      };
    }
    if (method === "GET" && path === "/users") {
      return {
        needs: ["read:users"],
        answer: () => ok({ start: 0, limit: 1, length: 0, users: [], total: this.users.length }),
      };
    }
    if (method === "POST" && path === "/jobs/users-exports") {
      const id = `job_${randomBytes(4).toString("hex")}`;
      const connection = [...this.connections.values()].find(
        (candidate) => isPlainObject(body) && candidate.id === body.connection_id,
      );
      this.jobs.set(`${id}.json.gz`, String(connection?.name ?? ""));
      return { needs: ["read:users"], answer: () => ok({ id, type: "users_export", status: "pending" }, 201) };
    }
    if (method === "GET" && jobId !== undefined) {
      const location = `https://${this.host}/exports/${jobId}.json.gz`;
      return {
        needs: ["read:users"],
        answer: () => ok({ id: jobId, type: "users_export", status: "completed", location }),
      };
    }
    if (method === "GET" && path === "/actions/actions") {
      const name = query.get("actionName");
      const list = this.actions.filter((action) => name === null || action.name === name).map((a) => this.shown(a));
      return {
        needs: ["read:actions"],
        answer: () => ok({ actions: list, total: list.length, page: 0, per_page: 50 }),
      };
    }
    if (method === "GET" && actionId !== undefined) {
      const action = this.actions.find((candidate) => candidate.id === actionId);
      return {
        needs: ["read:actions"],
        answer: () => (action ? ok(this.shown(action)) : ok({ statusCode: 404 }, 404)),
      };
    }
    if (method === "POST" && testedId !== undefined) {
      return { needs: ["create:actions"], answer: () => this.testAction(testedId, body) };
    }
    return undefined;
  }

  private shown(action: FakeAction): JsonObject {
    let status = action.status;
    if ((action.buildingReads ?? 0) > 0) {
      action.buildingReads = (action.buildingReads ?? 0) - 1;
      status = "building";
    }
    return {
      id: action.id,
      name: action.name,
      status,
      all_changes_deployed: action.all_changes_deployed,
      supported_triggers: [{ id: "post-login", version: "v3" }],
      runtime: "node22",
      secrets: Object.keys(action.secrets).map((name) => ({ name, updated_at: "2026-01-01T00:00:00.000Z" })),
    };
  }

  private noConnection(): JsonObject {
    return {
      statusCode: 404,
      error: "Not Found",
      message: "The connection does not exist",
      errorCode: "inexistent_connection",
    };
  }

  private patchConnection(id: string, body: unknown, show: (connection: JsonObject) => JsonObject) {
    const stored = this.connections.get(id);
    if (!stored) return { status: 404, body: this.noConnection() };
    if (this.patchStatus !== undefined) return { status: this.patchStatus, body: { statusCode: this.patchStatus } };
    if (!isPlainObject(body) || Object.keys(body).length === 0) {
      return { status: 400, body: { statusCode: 400, error: "Bad Request", message: "Payload validation error" } };
    }
    const unknown = Object.keys(body).filter((key) => !PATCHABLE.has(key));
    if (unknown.length > 0) {
      const message = `Payload validation error: 'Additional properties not allowed: ${unknown.join(",")}'.`;
      return { status: 400, body: { statusCode: 400, error: "Bad Request", message, errorCode: "invalid_body" } };
    }
    const next: JsonObject = { ...clone(stored), ...clone(body) };
    if (body.display_name === undefined) next.display_name = stored.name;
    if (isPlainObject(body.options)) {
      const before = isPlainObject(stored.options) ? stored.options.enabledDatabaseCustomization : undefined;
      const hasUsers = this.users.some((user) =>
        user.identities?.some((identity) => identity.connection === stored.name),
      );
      if (body.options.enabledDatabaseCustomization !== before && hasUsers) {
        const message =
          'This database contains users. You cannot change "options.enabledDatabaseCustomization" setting.';
        return { status: 400, body: { statusCode: 400, error: "Bad Request", message } };
      }
      next.options = encryptConfiguration(clone(body.options));
    }
    this.connections.set(id, next);
    const answer = this.patchAnswer ? this.patchAnswer(clone(next)) : next;
    return { status: 200, body: show(answer) };
  }

  private async testAction(id: string, body: unknown): Promise<{ status: number; body?: unknown; raw?: string }> {
    const action = this.actions.find((candidate) => candidate.id === id);
    if (!action) return { status: 404, body: { statusCode: 404, error: "Not Found", message: "Action not found" } };
    const payload = isPlainObject(body) && Object.keys(body).length === 1 ? body.payload : undefined;
    if (!isPlainObject(payload))
      return { status: 400, body: { statusCode: 400, error: "Bad Request", message: "Invalid Request Body." } };
    const event = isPlainObject(payload.event) ? payload.event : {};
    const override = this.testAnswer?.(event);
    if (override) return { status: override.status, raw: override.body };
    const connection = isPlainObject(event.connection) ? event.connection : {};
    const runtime = await bundleRuntime(action.secrets);
    const result = await runtime.execute({
      user: asLocalUser(event.user),
      connection: { name: String(connection.name ?? ""), strategy: String(connection.strategy ?? "auth0") },
    });
    const stats = {
      total_request_duration_ms: Math.round(result.durationMs) + 3,
      action_duration_ms: Math.round(result.durationMs),
    };
    if (result.status === "failed" && result.error.code === "action_threw") {
      const [name = "Error", ...rest] = result.error.message.split(": ");
      return {
        status: 200,
        body: {
          payload: {
            error: {
              name,
              message: rest.join(": "),
              stack: `${name}: ${rest.join(": ")}\n    at /data/io/action.js:1:1`,
            },
            stats,
          },
        },
      };
    }
    return { status: 200, body: { payload: { logs: `${keptLog(result)}\n`, stats } } };
  }
}
