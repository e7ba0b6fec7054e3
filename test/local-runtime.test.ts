/**
 * The local Actions runtime's own rules (docs/local-run.md, "What the runtime emulates"), checked with small Actions
 * written for each rule, so that the bundle tests that rely on it rely on something true.
 */
import { describe, expect, it } from "vitest";
import { METADATA_BUDGET_BYTES } from "../src/action/metadata-rules";
import { ActionLoadError } from "../src/local/runtime/load-action";
import { EXECUTION_LIMIT_MS, PostLoginRuntime, type RuntimeOptions } from "../src/local/runtime/post-login-runtime";
import { InvalidSecrets } from "../src/local/runtime/secrets";
import { inlineAction, localUser } from "./support/inline-actions";

const user = localUser;

const action = inlineAction;

function runtime(body: string, options?: RuntimeOptions) {
  return new PostLoginRuntime([action(body)], options);
}

describe("loading", () => {
  it("runs the module as CommonJS in its own context, with module, exports and __filename", async () => {
    const code = `
      const seen = typeof module === "object" && module.exports === exports && typeof __filename === "string";
      module.exports = { onExecutePostLogin: async (event, api) => { console.log("cjs", seen, typeof window, typeof globalThis.vitest); } };`;
    const result = await new PostLoginRuntime([{ name: "m", code, secrets: {} }]).execute({ user: user() });
    expect(result.logs[0]?.kept).toBe("cjs true undefined undefined");
  });

  it("refuses a module without onExecutePostLogin", () => {
    expect(
      () => new PostLoginRuntime([{ name: "m", code: "exports.onExecute = async () => {};", secrets: {} }]),
    ).toThrow(/onExecutePostLogin is missing/);
  });

  it("refuses a handler that is not a native async function", () => {
    const code = "exports.onExecutePostLogin = (event, api) => Promise.resolve();";
    expect(() => new PostLoginRuntime([{ name: "m", code, secrets: {} }])).toThrow(ActionLoadError);
    expect(() => new PostLoginRuntime([{ name: "m", code, secrets: {} }])).toThrow(/must be an async function/);
  });

  it("reports a module that throws while loading", () => {
    const code = "throw new Error('boom'); exports.onExecutePostLogin = async () => {};";
    expect(() => new PostLoginRuntime([{ name: "m", code, secrets: {} }])).toThrow(/threw while loading/);
  });

  it("offers Node's built-in modules to require, and nothing else", async () => {
    const ok = `const { createHash } = require("node:crypto");
      exports.onExecutePostLogin = async () => { console.log(createHash("sha256").update("a").digest("hex").slice(0, 8)); };`;
    const result = await new PostLoginRuntime([{ name: "m", code: ok, secrets: {} }]).execute({ user: user() });
    expect(result.logs[0]?.kept).toBe("ca978112");
    const missing = "require('lodash'); exports.onExecutePostLogin = async () => {};";
    expect(() => new PostLoginRuntime([{ name: "m", code: missing, secrets: {} }])).toThrow(/threw while loading/);
  });

  it("does not lend the host's environment to the Action", async () => {
    process.env.LOCAL_RUNTIME_TEST_SECRET = "host-only";
    const result = await runtime("console.log(JSON.stringify(process.env));").execute({ user: user() });
    delete process.env.LOCAL_RUNTIME_TEST_SECRET;
    expect(result.logs[0]?.kept).toBe("{}");
  });
});

describe("secrets", () => {
  it("are strings, handed to the Action in event.secrets", async () => {
    const rt = new PostLoginRuntime([action("console.log(event.secrets.API_KEY);", "s", { API_KEY: "k-1" })]);
    expect((await rt.execute({ user: user() })).logs[0]?.kept).toBe("k-1");
  });

  it("refuses a secret that is not a string, more than 30, or a value over 4096 characters", () => {
    const load = (secrets: Record<string, unknown>) => () => new PostLoginRuntime([action("", "s", secrets)]);
    expect(load({ TIMEOUT: 4000 })).toThrow(InvalidSecrets);
    expect(load({ TIMEOUT: 4000 })).toThrow(/TIMEOUT must be a string/);
    expect(load(Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`S${i}`, "x"])))).toThrow(/at most 30/);
    expect(load({ BIG: "x".repeat(4097) })).toThrow(/longer than 4096/);
    expect(load({ EXACT: "x".repeat(4096) })).not.toThrow();
  });
});

describe("the event", () => {
  it("is built from the profile, connection and transaction", async () => {
    const rt = runtime(`console.log(JSON.stringify([event.user.user_id, event.user.identities[0].connection,
      event.connection.name, event.transaction.protocol, event.stats.logins_count, event.user.user_metadata]));`);
    const result = await rt.execute({ user: user({ user_metadata: { a: 1 } }) });
    expect(JSON.parse(result.logs[0]?.kept ?? "")).toEqual([
      "auth0|42",
      "legacy-db",
      "legacy-db",
      "oidc-basic-profile",
      4,
      { a: 1 },
    ]);
  });

  it("marks a refresh-token exchange, which does not count as a login", async () => {
    const rt = runtime("console.log(event.transaction.protocol, event.stats.logins_count);");
    const result = await rt.execute({ user: user(), protocol: "oauth2-refresh-token" });
    expect(result.logs[0]?.kept).toBe("oauth2-refresh-token 3");
    expect(result.user.logins_count).toBe(3);
  });

  it("is made of the Action's own realm objects, as is JSON from fetch", async () => {
    const rt = runtime(`
      const plain = (x) => Object.getPrototypeOf(x) === Object.prototype;
      const body = await (await fetch("data:application/json,%7B%22a%22%3A%7B%7D%7D")).json();
      console.log(plain(event), plain(event.user.user_metadata), Array.isArray(event.user.identities), plain(body.a));`);
    const result = await rt.execute({ user: user() });
    expect(result.logs[0]?.kept).toBe("true true true true");
  });
});

describe("metadata writes", () => {
  it("are deferred to the end of the flow, seen by a later Action, and persisted once", async () => {
    const first = action(`api.user.setUserMetadata("plan", "gold");
      console.log("same action sees", JSON.stringify(event.user.user_metadata));`);
    const second = action(`console.log("next action sees", JSON.stringify(event.user.user_metadata));`, "second");
    const result = await new PostLoginRuntime([first, second]).execute({ user: user({ user_metadata: { a: 1 } }) });
    expect(result.logs.map((log) => log.kept)).toEqual([
      'same action sees {"a":1}',
      'next action sees {"a":1,"plan":"gold"}',
    ]);
    expect(result.status).toBe("completed");
    expect(result.persisted).toBe(true);
    expect(result.user.user_metadata).toEqual({ a: 1, plan: "gold" });
    expect(result.writes).toEqual([{ action: "test-action", target: "user_metadata", key: "plan", value: "gold" }]);
  });

  it("delete a key set to null, and snapshot the value when set", async () => {
    const rt = runtime(`const value = { n: 1 };
      api.user.setAppMetadata("old", null); api.user.setAppMetadata("new", value); value.n = 2;`);
    const result = await rt.execute({ user: user({ app_metadata: { old: true, kept: 1 } }) });
    expect(result.user.app_metadata).toEqual({ kept: 1, new: { n: 1 } });
  });

  it("keep a key named __proto__ as a plain field", async () => {
    const result = await runtime(`api.user.setUserMetadata("__proto__", { polluted: true });`).execute({
      user: user(),
    });
    const stored = result.user.user_metadata as Record<string, unknown>;
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.hasOwn(stored, "__proto__")).toBe(true);
  });

  it("accept a user whose metadata is absent or null", async () => {
    const rt = runtime(`api.user.setUserMetadata("plan", "gold"); api.user.setAppMetadata("tier", 1);`);
    const result = await rt.execute({ user: user({ user_metadata: null, app_metadata: undefined }) });
    expect(result.user).toMatchObject({ user_metadata: { plan: "gold" }, app_metadata: { tier: 1 } });
  });

  it(`fail the flow when a metadata object would exceed ${METADATA_BUDGET_BYTES} bytes, and not before`, async () => {
    // {"k":"…"} is 8 bytes of JSON around the string; "é" is 2 bytes in UTF-8.
    const fits = "é".repeat((METADATA_BUDGET_BYTES - 8) / 2);
    const run = (value: string) =>
      runtime(`api.user.setUserMetadata("k", ${JSON.stringify(value)});`).execute({ user: user() });
    const atLimit = await run(fits);
    expect(Buffer.byteLength(JSON.stringify(atLimit.user.user_metadata))).toBe(METADATA_BUDGET_BYTES);
    expect(atLimit.status).toBe("completed");
    const over = await run(`${fits}x`);
    expect(over).toMatchObject({ status: "failed", error: { code: "metadata_too_large", target: "user_metadata" } });
    expect(over.persisted).toBe(false);
    expect(over.user.user_metadata).toEqual({});
  });

  it('fail the flow on a field name with "." or "$" at any depth, or a reserved app_metadata name', async () => {
    const attempt = async (call: string) => (await runtime(call).execute({ user: user() })).status;
    expect(await attempt(`api.user.setUserMetadata("a.b", 1);`)).toBe("failed");
    expect(await attempt(`api.user.setUserMetadata("a", { nested: { "$x": 1 } });`)).toBe("failed");
    expect(await attempt(`api.user.setAppMetadata("user_id", "x");`)).toBe("failed");
    expect(await attempt(`api.user.setAppMetadata("roles", ["a.b"]);`)).toBe("completed");
  });
});

describe("the flow", () => {
  it("records a denial, keeps the Action's writes, and runs no further Action", async () => {
    const denying = action(`api.user.setAppMetadata("seen", true); api.access.deny("not today");`);
    const after = action(`api.user.setAppMetadata("after", true);`, "after");
    const result = await new PostLoginRuntime([denying, after]).execute({ user: user() });
    expect(result).toMatchObject({ status: "denied", action: "test-action", reason: "not today" });
    expect(result.user.app_metadata).toEqual({ seen: true });
  });

  it("fails when an Action throws, and persists nothing", async () => {
    const result = await runtime(`api.user.setUserMetadata("a", 1); throw new TypeError("bad");`).execute({
      user: user(),
    });
    expect(result).toMatchObject({ status: "failed", error: { code: "action_threw", message: "TypeError: bad" } });
    expect(result.user.user_metadata).toEqual({});
  });

  it(`ends an execution that outlives the limit (${EXECUTION_LIMIT_MS} ms on Auth0), ignoring its late calls`, async () => {
    expect(EXECUTION_LIMIT_MS).toBe(20_000);
    const rt = runtime(
      `console.log("started"); api.user.setUserMetadata("early", 1);
       await new Promise((resolve) => setTimeout(resolve, 400));
       api.user.setUserMetadata("late", 1); console.log("late");`,
      { executionLimitMs: 150 },
    );
    const result = await rt.execute({ user: user() });
    expect(result).toMatchObject({ status: "failed", error: { code: "timeout", action: "test-action" } });
    expect(result.persisted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(result.writes.map((write) => write.key)).toEqual(["early"]);
    expect(result.logs).toEqual([{ action: "test-action", kept: "started", full: "started" }]);
  });
});

describe("console output", () => {
  it("is kept per execution and cut at 256 characters, as Auth0 keeps it", async () => {
    const result = await runtime(`console.log("a".repeat(200)); console.error("b".repeat(100));`).execute({
      user: user(),
    });
    const [log] = result.logs;
    expect(log?.full).toBe(`${"a".repeat(200)}\n${"b".repeat(100)}`);
    expect(log?.kept).toBe(`${"a".repeat(200)}\n${"b".repeat(55)}`);
    expect(log?.kept).toHaveLength(256);
  });

  it("stays with its own execution when executions of one instance overlap", async () => {
    const rt = runtime(`console.log("start", event.user.user_id);
      await new Promise((resolve) => setTimeout(resolve, event.user.user_id === "auth0|slow" ? 60 : 5));
      console.log("end", event.user.user_id);`);
    const [slow, fast] = await Promise.all([
      rt.execute({ user: user({ user_id: "auth0|slow" }) }),
      rt.execute({ user: user({ user_id: "auth0|fast" }) }),
    ]);
    expect(slow.logs[0]?.full).toBe("start auth0|slow\nend auth0|slow");
    expect(fast.logs[0]?.full).toBe("start auth0|fast\nend auth0|fast");
  });
});

describe("api.cache", () => {
  const cacheAction = (body: string) => runtime(`const r = (${body}); console.log(JSON.stringify(r));`);
  const answer = async (rt: PostLoginRuntime) =>
    JSON.parse((await rt.execute({ user: user() })).logs[0]?.kept ?? "null");

  it("shares entries between the Actions of a trigger, and keeps them across executions when reliable", async () => {
    const writer = action(`if (event.stats.logins_count === 4) api.cache.set("k", "v" + event.stats.logins_count);`);
    const reader = action(`console.log(api.cache.get("k")?.value);`, "reader");
    const rt = new PostLoginRuntime([writer, reader], { cache: "reliable" });
    expect((await rt.execute({ user: user() })).logs[1]?.kept).toBe("v4");
    for (const count of [9, 10]) {
      const again = await rt.execute({ user: user({ logins_count: count }) });
      expect(again.logs[1]?.kept).toBe("v4");
    }
    expect(rt.cache.keys()).toEqual(["k"]);
  });

  it("expires entries after their ttl (15 minutes by default, 24 hours at most)", async () => {
    let now = 1_000_000;
    const rt = runtime(
      `if (event.stats.logins_count === 4) { api.cache.set("short", "1", { ttl: 1000 }); api.cache.set("default", "1");
         api.cache.set("long", "1", { ttl: 48 * 3600e3 }); api.cache.set("at", "1", { expires_at: 1_000_500 }); }`,
      { now: () => now },
    );
    await rt.execute({ user: user() });
    expect(rt.cache.get("default")?.expires_at).toBe(now + 15 * 60_000);
    expect(rt.cache.get("long")?.expires_at).toBe(now + 24 * 3600_000);
    now += 1001;
    expect(rt.cache.keys()).toEqual(["default", "long"]);
    now += 24 * 3600_000;
    expect(rt.cache.keys()).toEqual([]);
  });

  it("answers errors, never throws, at Auth0's limits", async () => {
    expect(await answer(cacheAction(`api.cache.set("k".repeat(65), "v")`))).toEqual({
      type: "error",
      code: "key_too_large",
    });
    expect(await answer(cacheAction(`api.cache.set("é".repeat(33), "v")`))).toMatchObject({ code: "key_too_large" });
    expect(await answer(cacheAction(`api.cache.set("k".repeat(64), "v")`))).toEqual({ type: "success" });
    expect(await answer(cacheAction(`api.cache.set("k", "v".repeat(4097))`))).toMatchObject({
      code: "value_too_large",
    });
    expect(await answer(cacheAction(`api.cache.set("k", 42)`))).toMatchObject({ code: "invalid_value" });
    expect(await answer(cacheAction(`api.cache.set("k", "v", { ttl: -1 })`))).toMatchObject({ code: "invalid_ttl" });
    const entries = `Array.from({ length: 21 }, (_, i) => api.cache.set("k" + i, "v")).at(-1)`;
    expect(await answer(cacheAction(entries))).toMatchObject({ code: "max_entries_reached" });
    const size = `[1, 2, 3].map((i) => api.cache.set("k" + i, "v".repeat(3000)))`;
    expect(await answer(cacheAction(size))).toEqual([
      { type: "success" },
      { type: "success" },
      { type: "error", code: "max_size_reached" },
    ]);
  });

  it("lets an entry be replaced within the total, and deleted", async () => {
    const rt = cacheAction(`[api.cache.set("a", "v".repeat(4000)), api.cache.set("b", "v".repeat(4000)),
      api.cache.set("a", "w".repeat(4000)), api.cache.delete("b"), api.cache.get("b"), api.cache.get("a").value.length]`);
    expect(await answer(rt)).toEqual([
      { type: "success" },
      { type: "success" },
      { type: "success" },
      { type: "success" },
      null,
      4000,
    ]);
  });
});
