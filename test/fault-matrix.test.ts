/**
 * Every way a legacy store can fail, against the built bundle in the local runtime over
 * real sockets: the outcome, the log line, and that no marker is left where the next
 * login must try again.
 */
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARKER_KEY } from "../src/action/metadata-rules";
import type { FlowResult } from "../src/local/runtime/flow-result";
import { closedPort, type FaultServer, json, startFaultServer } from "./support/fault-server";
import { builtBundle, bundleRuntime, logOf, migratedUser } from "./support/local-bundle";

let store: FaultServer;
let other: FaultServer;
beforeAll(async () => {
  [store, other] = await Promise.all([startFaultServer(), startFaultServer(), builtBundle()]);
});
afterAll(async () => {
  await Promise.all([store.close(), other.close()]);
});

const RECORD = { user_metadata: { locale: "en-GB" }, app_metadata: { plan: "pro" } };
const BUDGET_MS = 600;

function secrets(extra: Record<string, string> = {}) {
  return {
    LEGACY_API_URL: `${store.url}/users/{legacy_id}`,
    MIGRATION_CONNECTIONS: "legacy-db",
    LEGACY_API_TOKEN: "fault-token",
    LEGACY_API_TIMEOUT_MS: String(BUDGET_MS),
    ...extra,
  };
}

async function login(extra: Record<string, string> = {}, options?: Parameters<typeof bundleRuntime>[1]) {
  const runtime = await bundleRuntime(secrets(extra), options);
  const before = store.requests.length;
  const result = await runtime.execute({ user: migratedUser("1001") });
  return { result, log: logOf(result) ?? {}, calls: store.requests.length - before };
}

function marker(result: FlowResult): unknown {
  const app = result.user.app_metadata as Record<string, unknown>;
  return app[MARKER_KEY];
}

/** The login went on, nothing was written and the next login will try again. */
function expectUntouched(result: FlowResult) {
  expect(result.status).toBe("completed");
  expect(result.writes).toEqual([]);
  expect(marker(result)).toBeUndefined();
}

describe("network failures", () => {
  it("connection refused", async () => {
    const port = await closedPort();
    // A budget with room for the retries even when the machine is loaded: retrying is what is tested.
    const { result, log } = await login({
      LEGACY_API_URL: `http://127.0.0.1:${port}/users/{legacy_id}`,
      LEGACY_API_TIMEOUT_MS: "4000",
    });
    expect(log).toMatchObject({ outcome: "legacy_error", reason: "connection_refused" });
    expect(Number(log.attempts)).toBeGreaterThan(1);
    expectUntouched(result);
  });

  it("DNS failure, as undici reports it", async () => {
    const failingDns: typeof fetch = async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }),
      });
    };
    const { result, log } = await login({}, { fetch: failingDns });
    expect(log).toMatchObject({ outcome: "legacy_error", reason: "dns" });
    expectUntouched(result);
  });

  it("connection reset in the middle of the body", async () => {
    store.behave = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"user_metadata":{"loc');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    const { result, log, calls } = await login({ LEGACY_API_TIMEOUT_MS: "4000" });
    expect(log).toMatchObject({ outcome: "legacy_error", reason: "connection_reset" });
    expect(calls).toBeGreaterThan(1);
    expectUntouched(result);
  });

  it("TLS failure is not retried", async () => {
    store.behave = (_req, res) => json(res, 200, RECORD);
    const { result, log, calls } = await login({ LEGACY_API_URL: `https://127.0.0.1:${store.port}/users/{legacy_id}` });
    expect(log).toMatchObject({ outcome: "legacy_error", reason: "tls", attempts: "1" });
    expect(calls).toBe(0);
    expectUntouched(result);
  });
});

describe("a store that is too slow", () => {
  it.each([
    ["accepts and never answers", () => undefined],
    [
      "answers the headers, then stalls the body",
      (_req: unknown, res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"user_metadata":');
      },
    ],
    [
      "drips bytes past the budget",
      (_req: unknown, res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" });
        const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(" ")), 50);
      },
    ],
  ])("%s: returns within the budget", async (_name, behaviour) => {
    store.behave = behaviour as FaultServer["behave"];
    const { result, log } = await login();
    expect(log).toMatchObject({ outcome: "legacy_error", reason: "timeout", attempts: "1" });
    expect(result.durationMs).toBeLessThan(BUDGET_MS + 1000);
    expectUntouched(result);
  });
});

describe("HTTP answers", () => {
  it.each([500, 502, 503, 504])("%i is retried, then a legacy error", async (status) => {
    store.behave = (_req, res) => json(res, status, { error: "down" });
    const { result, log, calls } = await login();
    expect(log).toMatchObject({ outcome: "legacy_error", reason: `status_${status}`, status: String(status) });
    expect(calls).toBe(Number(log.attempts));
    expect(calls).toBeGreaterThan(1);
    expectUntouched(result);
  });

  it("429 without Retry-After is retried with backoff", async () => {
    let calls = 0;
    store.behave = (_req, res) => (++calls < 2 ? json(res, 429, {}) : json(res, 200, RECORD));
    const { log } = await login();
    expect(log).toMatchObject({ outcome: "repaired", attempts: "2" });
  });

  it.each([
    ["delta-seconds", () => "1"],
    ["an HTTP-date", () => new Date(Date.now() + 1500).toUTCString()],
  ])("429 with Retry-After as %s waits when it fits", async (_form, retryAfter) => {
    let calls = 0;
    store.behave = (_req, res) =>
      ++calls < 2 ? json(res, 429, {}, { "retry-after": retryAfter() }) : json(res, 200, RECORD);
    const { result, log } = await login({ LEGACY_API_TIMEOUT_MS: "4000" });
    expect(log).toMatchObject({ outcome: "repaired", attempts: "2" });
    expect(result.durationMs).toBeGreaterThanOrEqual(400);
  });

  it("429 with a Retry-After beyond the budget gives up at once", async () => {
    store.behave = (_req, res) => json(res, 429, {}, { "retry-after": "120" });
    const { result, log, calls } = await login();
    expect(log).toMatchObject({ outcome: "legacy_error", reason: "status_429", attempts: "1" });
    expect(calls).toBe(1);
    expect(result.durationMs).toBeLessThan(2000);
  });

  it.each([401, 403])("%i (a wrong credential) reads differently from an outage and is not retried", async (status) => {
    store.behave = (_req, res) => json(res, status, { error: "unauthorized" });
    const { result, log, calls } = await login();
    expect(log).toMatchObject({ outcome: "invalid_response", reason: `status_${status}`, attempts: "1" });
    expect(calls).toBe(1);
    expectUntouched(result);
  });

  it("404 marks the user as not found", async () => {
    store.behave = (_req, res) => json(res, 404, { error: "not_found" });
    const { result, log } = await login();
    expect(log).toMatchObject({ outcome: "not_found" });
    expect(marker(result)).toMatchObject({ v: 1, status: "not_found" });
    expect(result.user.user_metadata).toEqual({});
  });
});

describe("unusable bodies", () => {
  const raw = (type: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    ((_req, res) => {
      res.writeHead(200, { "content-type": type, ...headers });
      res.end(body);
    }) as FaultServer["behave"];

  it.each([
    ["text/html", raw("text/html", "<html>oops</html>"), "not_json"],
    ["invalid JSON", raw("application/json", '{"user_metadata":'), "invalid_json"],
    ["a JSON array", raw("application/json", "[1,2]"), "record_not_object"],
    ["a JSON string", raw("application/json", '"record"'), "record_not_object"],
    ["JSON null", raw("application/json", "null"), "record_not_object"],
    ["10 MB with a length", raw("application/json", Buffer.alloc(10 * 1024 * 1024, 0x20)), "body_too_large"],
    ["bytes that are not UTF-8", raw("application/json", Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), "body_not_utf8"],
  ])("%s", async (_name, behaviour, reason) => {
    store.behave = behaviour;
    const { result, log } = await login();
    expect(log).toMatchObject({ outcome: "invalid_response", reason });
    expectUntouched(result);
  });

  it("10 MB streamed without a length stops at the cap", async () => {
    let sent = 0;
    store.behave = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent < 10 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      pump();
    };
    const { result, log } = await login({ LEGACY_API_TIMEOUT_MS: "4000" });
    expect(log).toMatchObject({ outcome: "invalid_response", reason: "body_too_large" });
    expect(sent).toBeLessThan(10 * 1024 * 1024);
    expectUntouched(result);
  });

  it("a gzip-compressed record is read", async () => {
    store.behave = raw("application/json", gzipSync(JSON.stringify(RECORD)), { "content-encoding": "gzip" });
    const { result, log } = await login();
    expect(log).toMatchObject({ outcome: "repaired", user_keys: "1", app_keys: "1" });
    expect(result.user.user_metadata).toEqual(RECORD.user_metadata);
  });

  it("a gzip bomb is cut at 256 KiB of decoded bytes", async () => {
    const bomb = gzipSync(`{"user_metadata":{"blob":"${"a".repeat(50 * 1024 * 1024)}"}}`);
    expect(bomb.length).toBeLessThan(256 * 1024);
    store.behave = raw("application/json", bomb, { "content-encoding": "gzip", "content-length": String(bomb.length) });
    const { result, log } = await login({ LEGACY_API_TIMEOUT_MS: "4000" });
    expect(log).toMatchObject({ outcome: "invalid_response", reason: "body_too_large" });
    expectUntouched(result);
  });
});

describe("redirects", () => {
  it("are not followed to another origin, which never sees the credentials", async () => {
    other.behave = (_req, res) => json(res, 200, RECORD);
    store.behave = (_req, res) => {
      res.writeHead(302, { location: `http://localhost:${other.port}/users/1001` });
      res.end();
    };
    const before = other.requests.length;
    const { result, log } = await login();
    expect(log).toMatchObject({ outcome: "invalid_response", reason: "redirect_other_origin" });
    expect(other.requests.length).toBe(before);
    expectUntouched(result);
  });

  it("are followed within the same origin", async () => {
    store.behave = (req, res) => {
      if (req.url === "/users/1001") {
        res.writeHead(307, { location: "/v2/users/1001" });
        res.end();
      } else json(res, 200, RECORD);
    };
    const { log } = await login();
    expect(log).toMatchObject({ outcome: "repaired" });
    expect(store.requests.at(-1)?.headers.authorization).toBe("Bearer fault-token");
  });
});

describe("answers that are unusable, not outages: invalid_response, not retried, no outage memory", () => {
  /** Two logins on one instance: the second must still call the store (no legacy_down). */
  async function twoLogins(extra: Record<string, string> = {}) {
    const runtime = await bundleRuntime(secrets(extra));
    const before = store.requests.length;
    const first = await runtime.execute({ user: migratedUser("1001") });
    const second = await runtime.execute({ user: migratedUser("1001") });
    const outage = runtime.cache.keys().filter((key) => key.startsWith("rmm:down:"));
    return {
      first,
      second,
      logs: [logOf(first) ?? {}, logOf(second) ?? {}],
      calls: store.requests.length - before,
      outage,
    };
  }

  function expectAnswerNotOutage(run: Awaited<ReturnType<typeof twoLogins>>, reason: string) {
    for (const log of run.logs) expect(log).toMatchObject({ outcome: "invalid_response", reason, attempts: "1" });
    expect(run.calls).toBe(2);
    expect(run.outage).toEqual([]);
    expectUntouched(run.first);
    expectUntouched(run.second);
  }

  const redirectTo = (location: string) =>
    ((_req, res) => {
      res.writeHead(302, { location });
      res.end();
    }) as FaultServer["behave"];

  it("a redirect whose Location cannot be parsed", async () => {
    store.behave = redirectTo("http://[::1");
    expectAnswerNotOutage(await twoLogins(), "redirect_invalid_location");
  });

  it("a redirect whose Location carries credentials", async () => {
    store.behave = redirectTo(`http://user:secret@127.0.0.1:${store.port}/users/1001`);
    expectAnswerNotOutage(await twoLogins(), "redirect_with_credentials");
  });

  it.each([
    ["gzip", Buffer.from("this is not gzip")],
    ["br", Buffer.from("this is not brotli either")],
  ])("a body its declared Content-Encoding (%s) cannot decode", async (encoding, body) => {
    store.behave = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": encoding });
      res.end(body);
    };
    expectAnswerNotOutage(await twoLogins(), "body_not_decodable");
  });

  it("a brotli body that decodes is read", async () => {
    store.behave = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "br" });
      res.end(brotliCompressSync(JSON.stringify(RECORD)));
    };
    const { log } = await login();
    expect(log).toMatchObject({ outcome: "repaired", user_keys: "1", app_keys: "1" });
  });

  it("bytes that are not an HTTP response", async () => {
    store.behave = (_req, res) => {
      res.socket?.end("SSH-2.0-OpenSSH_9.6\r\n\r\n");
    };
    expectAnswerNotOutage(await twoLogins(), "not_http");
  });

  it("denies the login with ON_LEGACY_ERROR=deny, and later logins still ask the store", async () => {
    store.behave = redirectTo("http://[::1");
    const run = await twoLogins({ ON_LEGACY_ERROR: "deny" });
    expect(run.first.status).toBe("denied");
    expect(run.logs[1]).toMatchObject({ outcome: "invalid_response", reason: "redirect_invalid_location" });
    expect(run.calls).toBe(2);
    expect(run.outage).toEqual([]);
  });
});
