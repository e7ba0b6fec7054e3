/**
 * The sample legacy store: a real HTTP server on 127.0.0.1 (an ephemeral port unless
 * given) serving the legacy API contract from the seeded users, behind a bearer token,
 * with fault switches.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type FaultReply, type Faults, failureReply, HEALTHY, malformedReply } from "./faults";
import { route, SampleData } from "./routes";
import { SAMPLE_USERS, type SampleUser } from "./sample-users";

export interface SampleStoreOptions {
  users?: readonly SampleUser[];
  /** A fresh random token per start unless given. */
  token?: string;
  /** 0 (the default): an ephemeral port. */
  port?: number;
  faults?: Partial<Faults>;
}

export interface HandledRequest {
  method: string;
  path: string;
  /** Undefined for a request that was left hanging. */
  status?: number;
}

export interface SampleStore {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly token: string;
  /** A LEGACY_API_URL for this store, addressing users by the given field. */
  recordUrl(by?: "legacy_id" | "email" | "username"): string;
  /** A LEGACY_API_URL for the same records in the flat shape the metadata maps read. */
  flatRecordUrl(): string;
  readonly faults: Faults;
  setFaults(faults: Partial<Faults>): void;
  /** Clears every fault switch. */
  heal(): void;
  /** Every request received, in order. */
  readonly requests: readonly HandledRequest[];
  close(): Promise<void>;
}

const RECORD_PATHS = {
  legacy_id: "/users/{legacy_id}",
  email: "/users/by-email/{email}",
  username: "/users/by-username/{username}",
};

function isAuthorized(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function send(response: http.ServerResponse, reply: FaultReply): void {
  response.writeHead(reply.status, { ...reply.headers, "cache-control": "no-store" });
  response.end(reply.body);
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): FaultReply {
  return { status, headers: { "content-type": "application/json", ...extra }, body: JSON.stringify(body) };
}

export async function startSampleStore(options: SampleStoreOptions = {}): Promise<SampleStore> {
  const data = new SampleData(options.users ?? SAMPLE_USERS);
  const token = options.token ?? randomBytes(18).toString("base64url");
  const faults: Faults = { ...HEALTHY, ...options.faults };
  const requests: HandledRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const answer = async (request: http.IncomingMessage): Promise<FaultReply | undefined> => {
    if (faults.latencyMs > 0) await wait(faults.latencyMs);
    if (faults.hang) return undefined;
    const failure = failureReply(faults);
    if (failure) return failure;
    if (!isAuthorized(request.headers.authorization, token)) {
      return json(401, { error: "unauthorized" }, { "www-authenticate": 'Bearer realm="sample-legacy-store"' });
    }
    if (faults.malformed) return malformedReply(faults.malformed);
    const reply = route(request.method ?? "GET", new URL(request.url ?? "/", "http://store.invalid"), data);
    return json(reply.status, reply.body);
  };

  const server = http.createServer((request, response) => {
    const entry: HandledRequest = { method: request.method ?? "GET", path: request.url ?? "/" };
    requests.push(entry);
    answer(request).then(
      (reply) => {
        if (!reply || response.destroyed) return;
        entry.status = reply.status;
        send(response, reply);
      },
      () => {
        entry.status = 500;
        send(response, json(500, { error: "internal" }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    token,
    recordUrl: (by = "legacy_id") => `${origin}${RECORD_PATHS[by]}`,
    flatRecordUrl: () => `${origin}/flat/users/{legacy_id}`,
    faults,
    setFaults: (changes) => Object.assign(faults, changes),
    heal: () => {
      for (const key of Object.keys(faults) as (keyof Faults)[]) delete faults[key];
      Object.assign(faults, HEALTHY);
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
