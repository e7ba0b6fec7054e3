/**
 * A checker's hostile legacy stores and token endpoints, written from the contract in
 * docs/reference.md: whatever a store or its token endpoint answered is an answer
 * (`invalid_response`, not retried, never remembered as an outage), and only a failure of
 * the transport or a transient status counts toward one. Built bundle, local runtime,
 * real sockets on 127.0.0.1.
 */
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultServer, json, startFaultServer } from "./support/fault-server";
import { builtBundle, bundleRuntime, logOf, migratedUser } from "./support/local-bundle";

let store: FaultServer;
let tokens: FaultServer;
beforeAll(async () => {
  [store, tokens] = await Promise.all([startFaultServer(), startFaultServer(), builtBundle()]);
});
afterAll(async () => {
  await Promise.all([store.close(), tokens.close()]);
});

function bearerSecrets(): Record<string, string> {
  return {
    LEGACY_API_URL: `${store.url}/users/{legacy_id}`,
    MIGRATION_CONNECTIONS: "legacy-db",
    LEGACY_API_TOKEN: "fault-token",
    LEGACY_API_TIMEOUT_MS: "800",
  };
}

function oauthSecrets(): Record<string, string> {
  const { LEGACY_API_TOKEN: _bearer, ...rest } = bearerSecrets();
  return {
    ...rest,
    LEGACY_OAUTH_TOKEN_URL: `${tokens.url}/token`,
    LEGACY_OAUTH_CLIENT_ID: "client",
    LEGACY_OAUTH_CLIENT_SECRET: "secret",
  };
}

/** Two logins on one instance whose cache keeps everything: the second must not find an outage. */
async function twoLogins(secrets: Record<string, string>) {
  const runtime = await bundleRuntime(secrets, { cache: "reliable" });
  const calls = store.requests.length;
  const tokenCalls = tokens.requests.length;
  const first = await runtime.execute({ user: migratedUser("1001") });
  const second = await runtime.execute({ user: migratedUser("1001") });
  return {
    first,
    second,
    logs: [logOf(first) ?? {}, logOf(second) ?? {}],
    calls: store.requests.length - calls,
    tokenCalls: tokens.requests.length - tokenCalls,
    outage: runtime.cache.keys().filter((key) => key.startsWith("rmm:down:")),
  };
}

function expectAnswerNotOutage(run: Awaited<ReturnType<typeof twoLogins>>, reason: string) {
  for (const log of run.logs) expect(log).toMatchObject({ outcome: "invalid_response", reason, attempts: "1" });
  expect(run.outage).toEqual([]);
  for (const result of [run.first, run.second]) {
    expect(result.status).toBe("completed");
    expect(result.writes).toEqual([]);
  }
}

describe("a store's answer is never an outage", () => {
  it.each([600, 799, 999])("a status beyond 5xx (%i) is an answer, not a transient failure", async (status) => {
    store.behave = (_req, res) => json(res, status, { error: "odd" });
    const run = await twoLogins(bearerSecrets());
    expectAnswerNotOutage(run, `status_${status}`);
    expect(run.calls).toBe(2);
  });

  it("a chain of Content-Encodings longer than fetch decodes is body_not_decodable, not a network failure", async () => {
    let body = Buffer.from(JSON.stringify({ user_metadata: { locale: "en-GB" } }));
    for (let i = 0; i < 8; i++) body = gzipSync(body);
    store.behave = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": Array(8).fill("gzip").join(", ") });
      res.end(body);
    };
    const run = await twoLogins(bearerSecrets());
    expectAnswerNotOutage(run, "body_not_decodable");
    expect(run.calls).toBe(2);
  });

  it("headers past what the client reads are an answer (not_http), not a network failure", async () => {
    store.behave = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-padding": "a".repeat(70_000) });
      res.end("{}");
    };
    const run = await twoLogins(bearerSecrets());
    expectAnswerNotOutage(run, "not_http");
    expect(run.calls).toBe(2);
  });
});

describe("a token endpoint's answer is never an outage", () => {
  it.each([
    ["a line break", "abc\ndef"],
    ["NUL", "abc\u0000def"],
    ["a character beyond Latin-1", "tok\u20acn"],
  ])(
    "an access_token with %s, which no request header can carry, is an unusable answer, not kept",
    async (_name, token) => {
      tokens.behave = (_req, res) => json(res, 200, { access_token: token, expires_in: 3600 });
      store.behave = (_req, res) => json(res, 200, { user_metadata: { locale: "en-GB" } });
      const run = await twoLogins(oauthSecrets());
      expectAnswerNotOutage(run, "oauth_invalid_response");
      expect(run.calls).toBe(0);
      // Not kept: each login asks again, and gets a token it can use once the endpoint is fixed.
      expect(run.tokenCalls).toBe(2);
    },
  );

  it("a token answer over 16 KiB is oauth_body_too_large, as docs/reference.md names it", async () => {
    tokens.behave = (_req, res) => json(res, 200, { access_token: "t", padding: "a".repeat(17 * 1024) });
    const run = await twoLogins(oauthSecrets());
    expectAnswerNotOutage(run, "oauth_body_too_large");
    expect(run.calls).toBe(0);
  });

  it("a token answer that is not UTF-8 is oauth_body_not_utf8", async () => {
    tokens.behave = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    };
    const run = await twoLogins(oauthSecrets());
    expectAnswerNotOutage(run, "oauth_body_not_utf8");
  });
});

describe("Auth0's 32 kB per metadata object, when Auth0 already holds nearly that much", () => {
  const bigApp = (bytes: number) => ({ history: "a".repeat(bytes) });

  it.each([
    ["past 32 kB already", 40_000],
    ["a few bytes under it, with no room for the marker", 32_740],
  ])("app_metadata %s: the marker is not written, the login completes", async (_name, bytes) => {
    store.behave = (req, res) =>
      req.url === "/users/1001" ? json(res, 200, { user_metadata: { locale: "en-GB" } }) : json(res, 404, {});
    const runtime = await bundleRuntime(bearerSecrets(), { cache: "reliable" });
    for (const id of ["1001", "1002"]) {
      const result = await runtime.execute({ user: migratedUser(id, { app_metadata: bigApp(bytes) }) });
      expect(result.status).toBe("completed");
      expect(logOf(result)).toMatchObject({ outcome: id === "1001" ? "repaired" : "not_found" });
      expect(result.user.app_metadata).toEqual(bigApp(bytes));
    }
  });

  it("a marker that fits beside what Auth0 holds is still written", async () => {
    store.behave = (_req, res) => json(res, 200, { user_metadata: { locale: "en-GB" } });
    const runtime = await bundleRuntime(bearerSecrets(), { cache: "reliable" });
    const result = await runtime.execute({ user: migratedUser("1001", { app_metadata: bigApp(32_000) }) });
    expect(result.status).toBe("completed");
    expect(result.user.app_metadata).toMatchObject({ legacy_metadata_repair: { status: "repaired" } });
  });
});

describe("key names docs/reference.md lists as forbidden_name", () => {
  it("an empty name and a name with a lone surrogate are skipped whole, at the top and nested", async () => {
    store.behave = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"user_metadata":{"":1,"a\\ud800":2,"nested":{"":3},"deep":{"x\\udc00":4},"ok":5}}');
    };
    const runtime = await bundleRuntime(bearerSecrets(), { cache: "reliable" });
    const result = await runtime.execute({ user: migratedUser("1001") });
    expect(logOf(result)).toMatchObject({ outcome: "repaired", user_keys: "1", skipped_keys: "4" });
    expect(result.user.user_metadata).toEqual({ ok: 5 });
  });
});

describe("JSON nested deeper than anything a record needs", () => {
  const nested = (depth: number) =>
    `{"user_metadata":{"locale":"en-GB","deep":${"[".repeat(depth)}${"]".repeat(depth)}}}`;
  const answer = (text: string) => (_req: unknown, res: import("node:http").ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(text);
  };

  it("a record nested past 256 levels is json_too_deep: not parsed, not retried, not an outage", async () => {
    store.behave = answer(nested(130_000));
    const run = await twoLogins(bearerSecrets());
    expectAnswerNotOutage(run, "json_too_deep");
    expect(run.calls).toBe(2);
  });

  it("a record within the limit is read, the over-deep value alone skipped (too_deep)", async () => {
    store.behave = answer(nested(200));
    const runtime = await bundleRuntime(bearerSecrets(), { cache: "reliable" });
    const result = await runtime.execute({ user: migratedUser("1001") });
    expect(logOf(result)).toMatchObject({ outcome: "repaired", user_keys: "1", skipped_keys: "1" });
    expect(result.user.user_metadata).toEqual({ locale: "en-GB" });
  });

  it("brackets inside strings do not count as nesting", async () => {
    const record = { user_metadata: { note: "[".repeat(1000), quoted: '\\"[{'.repeat(300) } };
    store.behave = (_req, res) => json(res, 200, record);
    const runtime = await bundleRuntime(bearerSecrets(), { cache: "reliable" });
    const result = await runtime.execute({ user: migratedUser("1001") });
    expect(logOf(result)).toMatchObject({ outcome: "repaired", user_keys: "2" });
    expect(result.user.user_metadata).toEqual(record.user_metadata);
  });

  it("a token answer nested past 256 levels is oauth_invalid_response", async () => {
    tokens.behave = answer(`{"access_token":"t","x":${"[".repeat(5000)}${"]".repeat(5000)}}`);
    const run = await twoLogins(oauthSecrets());
    expectAnswerNotOutage(run, "oauth_invalid_response");
    expect(run.calls).toBe(0);
  });
});
