/**
 * Hostile or odd data from either side — the legacy store's record or Auth0's profile —
 * through the built bundle in the local runtime, which refuses whatever Auth0 refuses:
 * a write Auth0 would reject fails the flow here, so "completed" means it was safe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARKER_KEY, METADATA_BUDGET_BYTES, RESERVED_APP_METADATA_KEYS } from "../src/action/metadata-rules";
import type { FlowResult } from "../src/local/runtime/flow-result";
import type { LocalUser } from "../src/local/runtime/post-login-event";
import { type FaultServer, startFaultServer } from "./support/fault-server";
import { builtBundle, bundleRuntime, logOf, migratedUser } from "./support/local-bundle";

let store: FaultServer;
let replyText = "{}";
beforeAll(async () => {
  [store] = await Promise.all([startFaultServer(), builtBundle()]);
  store.behave = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(replyText);
  };
});
afterAll(() => store.close());

const secrets = (extra: Record<string, string> = {}) => ({
  LEGACY_API_URL: `${store.url}/users/{legacy_id}`,
  MIGRATION_CONNECTIONS: "legacy-db",
  LEGACY_API_TOKEN: "t",
  ...extra,
});

async function repairWith(record: string, user: LocalUser = migratedUser("1001"), extra = {}) {
  replyText = record;
  const runtime = await bundleRuntime(secrets(extra));
  const result = await runtime.execute({ user });
  return { result, log: logOf(result) ?? {} };
}

function meta(result: FlowResult, side: "user_metadata" | "app_metadata"): Record<string, unknown> {
  return result.user[side] as Record<string, unknown>;
}

describe("keys Auth0 cannot store, from the legacy side", () => {
  it("prototype names at any depth are skipped and pollute nothing", async () => {
    const record =
      '{"user_metadata":{"__proto__":{"polluted":1},"a":{"b":[{"constructor":{"prototype":{"polluted":1}}}]},' +
      '"prototype":1,"ok":1},"app_metadata":{"x":{"__proto__":{"polluted":1}}}}';
    const { result, log } = await repairWith(record);
    expect(result.status).toBe("completed");
    expect(Object.keys(meta(result, "user_metadata"))).toEqual(["ok"]);
    expect(log).toMatchObject({ outcome: "repaired", user_keys: "1", app_keys: "0", skipped_keys: "4" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("names with . or $ at any depth are skipped whole", async () => {
    const record = JSON.stringify({
      user_metadata: { "a.b": 1, $c: 2, deep: { x: [{ "y.z": 1 }] }, money: { $gt: 1 }, ok: { nested: { fine: 1 } } },
    });
    const { result, log } = await repairWith(record);
    expect(result.status).toBe("completed");
    expect(meta(result, "user_metadata")).toEqual({ ok: { nested: { fine: 1 } } });
    expect(log).toMatchObject({ skipped_keys: "4" });
  });

  it("every reserved app_metadata name and the marker key are skipped", async () => {
    const app: Record<string, unknown> = { plan: "pro", [MARKER_KEY]: { v: 999, status: "repaired" } };
    for (const name of RESERVED_APP_METADATA_KEYS) app[name] = "forged";
    const { result, log } = await repairWith(JSON.stringify({ app_metadata: app }));
    expect(result.status).toBe("completed");
    expect(meta(result, "app_metadata")).toEqual({ plan: "pro", [MARKER_KEY]: expect.objectContaining({ v: 1 }) });
    expect(log).toMatchObject({ app_keys: "1", skipped_keys: String(RESERVED_APP_METADATA_KEYS.size + 1) });
  });

  it("a value nested 10,000 deep is neither parsed nor written: the record is json_too_deep", async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    const { result, log } = await repairWith(`{"user_metadata":{"deep":${deep},"ok":true}}`);
    expect(result.status).toBe("completed");
    expect(result.writes).toEqual([]);
    expect(log).toMatchObject({ outcome: "invalid_response", reason: "json_too_deep" });
  });

  it("a value nested 200 deep is skipped whole (too_deep), the rest written", async () => {
    const deep = `${'{"a":'.repeat(200)}1${"}".repeat(200)}`;
    const { result, log } = await repairWith(`{"user_metadata":{"deep":${deep},"ok":true}}`);
    expect(result.status).toBe("completed");
    expect(meta(result, "user_metadata")).toEqual({ ok: true });
    expect(log).toMatchObject({ outcome: "repaired", skipped_keys: "1" });
  });

  it("a huge array is skipped as over the budget", async () => {
    const big = JSON.stringify({ user_metadata: { list: Array(60_000).fill(0), ok: 1 } });
    const { result, log } = await repairWith(big);
    expect(result.status).toBe("completed");
    expect(meta(result, "user_metadata")).toEqual({ ok: 1 });
    expect(log).toMatchObject({ skipped_keys: "1" });
  });

  it("NUL is kept; lone surrogates and integers beyond 2^53 are skipped, never altered", async () => {
    const record =
      '{"user_metadata":{"nul":"a\\u0000b","lone":"x\\ud800y","big":9007199254740993,"max":9007199254740991}}';
    const { result, log } = await repairWith(record);
    expect(result.status).toBe("completed");
    expect(meta(result, "user_metadata")).toEqual({ nul: "a\u0000b", max: 9007199254740991 });
    expect(log).toMatchObject({ user_keys: "2", skipped_keys: "2" });
  });
  it("numbers JSON parsing turns into ±Infinity (1e400, -1e400), at the top level or nested, are skipped whole", async () => {
    const record =
      '{"user_metadata":{"inf":1e400,"neg":-1e400,"list":[1,2,-1e400],"deep":{"a":{"b":1e400}},"half":0.5,"ok":1},' +
      '"app_metadata":{"score":1e999}}';
    const { result, log } = await repairWith(record);
    expect(result.status).toBe("completed");
    expect(meta(result, "user_metadata")).toEqual({ half: 0.5, ok: 1 });
    expect(meta(result, "app_metadata")).toEqual({ [MARKER_KEY]: expect.objectContaining({ status: "repaired" }) });
    expect(log).toMatchObject({ outcome: "repaired", user_keys: "2", app_keys: "0", skipped_keys: "5" });
  });
});

describe("the 32 kB per-session budget, as the runtime enforces it", () => {
  // {"k":"…"} is 8 bytes around the string.
  const sized = (bytes: number) => JSON.stringify({ user_metadata: { k: "x".repeat(bytes - 8) } });

  it("a user_metadata of exactly 32 kB is written and persisted", async () => {
    const { result, log } = await repairWith(sized(METADATA_BUDGET_BYTES));
    expect(result.status).toBe("completed");
    expect(result.persisted).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(meta(result, "user_metadata")))).toBe(METADATA_BUDGET_BYTES);
    expect(log).toMatchObject({ user_keys: "1", skipped_keys: "0" });
  });

  it("one byte more is skipped, and the flow still persists the marker", async () => {
    const { result, log } = await repairWith(sized(METADATA_BUDGET_BYTES + 1));
    expect(result.status).toBe("completed");
    expect(meta(result, "user_metadata")).toEqual({});
    expect(meta(result, "app_metadata")[MARKER_KEY]).toMatchObject({ status: "repaired" });
    expect(log).toMatchObject({ user_keys: "0", skipped_keys: "1" });
  });
});

describe("odd metadata on the Auth0 side", () => {
  const RECORD = JSON.stringify({ user_metadata: { locale: "en" }, app_metadata: { plan: "pro" } });

  it("null metadata is treated as empty and repaired", async () => {
    const { result, log } = await repairWith(RECORD, migratedUser("1001", { user_metadata: null, app_metadata: null }));
    expect(result.status).toBe("completed");
    expect(log).toMatchObject({ outcome: "repaired", user_keys: "1", app_keys: "1" });
  });

  it.each([
    ["user_metadata", "an array", ["x"]],
    ["user_metadata", "a string", "locale=en"],
    ["app_metadata", "a string", "x"],
  ] as const)("%s that is %s: the login fails before the Action runs, as on Auth0", async (side, _kind, value) => {
    const before = store.requests.length;
    const { result } = await repairWith(RECORD, migratedUser("1001", { [side]: value }));
    expect(result).toMatchObject({ status: "failed", error: { code: "metadata_not_object", target: side } });
    expect([result.logs, result.writes, store.requests.length - before]).toEqual([[], [], 0]);
    expect(result.user[side]).toEqual(value);
  });
});

describe("hostile emails and usernames", () => {
  const values = [
    "a/b@example.com",
    "what?x=1@example.com",
    "hash#frag@example.com",
    "100%25@example.com",
    "with space@example.com",
    "zoë+tag@exämple.com",
    "../../admin",
    `${"long".repeat(512)}@example.com`,
  ];

  it.each(values.map((v) => [v.length > 40 ? `${v.slice(0, 20)}… (${v.length} chars)` : v, v]))(
    "%s reaches the store as one value, in its place",
    async (_label, value) => {
      const extra = { LEGACY_API_URL: `${store.url}/users/{username}?email={email}` };
      const before = store.requests.length;
      await repairWith("{}", migratedUser("1001", { email: value, username: value }), extra);
      const request = store.requests[before];
      const url = new URL(request?.url ?? "", store.url);
      const segments = url.pathname.split("/");
      expect(segments).toHaveLength(3);
      expect(decodeURIComponent(segments[2] ?? "")).toBe(value);
      expect([...url.searchParams.keys()]).toEqual(["email"]);
      expect(url.searchParams.get("email")).toBe(value);
    },
  );
});
