/**
 * The local runtime promises nothing production does not keep (issue #16): one test per
 * place where it used to be more reliable or more permissive than Auth0, written with
 * small Actions so that each rule is checked on its own.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeVersionNotice } from "../src/local/node-version-notice";
import { CACHE_LIMITS } from "../src/local/runtime/action-cache";
import type { LocalUser } from "../src/local/runtime/post-login-event";
import { PostLoginRuntime, type RuntimeOptions } from "../src/local/runtime/post-login-runtime";
import { ACTION_RUNTIME } from "../src/shared/action-identity";
import { inlineAction, localUser } from "./support/inline-actions";

const user = localUser;

const action = inlineAction;

const runtime = (body: string, options?: RuntimeOptions) => new PostLoginRuntime([action(body)], options);
const kept = async (rt: PostLoginRuntime, login: Partial<LocalUser> = {}) =>
  (await rt.execute({ user: user(login) })).logs.map((log) => log.kept).join("\n");

describe("1. api.cache is best effort, and logins land on different instances", () => {
  // Module state counts this instance's executions; the cache entry says which login stored it.
  const remembering = `
    globalThis.seen = (globalThis.seen ?? 0) + 1;
    const found = api.cache.get("k")?.value ?? "-";
    api.cache.set("k", "login" + event.stats.logins_count);
    console.log(found, globalThis.seen);`;
  const logins = async (rt: PostLoginRuntime, count: number) => {
    const lines: string[] = [];
    for (let n = 1; n <= count; n++) lines.push(await kept(rt, { logins_count: n - 1 }));
    return lines;
  };

  it("by default, two instances take logins in turn and an entry is there for the next login only", async () => {
    const rt = runtime(remembering);
    expect(rt.instanceCount).toBe(2);
    expect(await logins(rt, 5)).toEqual(["- 1", "login1 1", "login2 2", "login3 2", "login4 3"]);
  });

  it("loses an entry at the second login after the one that stored it", async () => {
    const rt = new PostLoginRuntime([
      action(
        `if (event.stats.logins_count === 1) api.cache.set("k", "v"); console.log(api.cache.get("k")?.value ?? "-");`,
      ),
    ]);
    expect(await logins(rt, 3)).toEqual(["v", "v", "-"]);
  });

  it("with the reliable switch, one instance keeps every entry until it expires", async () => {
    const rt = runtime(remembering, { cache: "reliable" });
    expect(rt.instanceCount).toBe(1);
    expect(await logins(rt, 4)).toEqual(["- 1", "login1 2", "login2 3", "login3 4"]);
  });

  it("with a cache that keeps nothing, only each instance's module state remembers", async () => {
    const rt = runtime(remembering, { cache: "none" });
    expect(await logins(rt, 4)).toEqual(["- 1", "- 1", "- 2", "- 2"]);
  });

  it("keeps what an execution stored for its own later Actions, even when other executions start meanwhile", async () => {
    const writer = action(`api.cache.set("mine", event.user.user_id);
      await new Promise((resolve) => setTimeout(resolve, 40));`);
    const reader = action(`console.log(api.cache.get("mine")?.value ?? "-");`, "reader");
    const rt = new PostLoginRuntime([writer, reader], { cache: "none" });
    const [slow, ...others] = await Promise.all([
      rt.execute({ user: user({ user_id: "auth0|slow" }) }),
      ...[1, 2, 3].map((n) => rt.execute({ user: user({ user_id: `auth0|${n}` }) })),
    ]);
    expect(slow?.logs[1]?.kept).toBe("auth0|slow");
    expect(others.map((result) => result.logs[1]?.kept)).toEqual(["auth0|1", "auth0|2", "auth0|3"]);
  });

  it("reports which instance ran each login and what the cache held when it started", async () => {
    const rt = runtime(`api.cache.set("k" + event.stats.logins_count, "v");`);
    const first = await rt.execute({ user: user({ logins_count: 0 }) });
    const second = await rt.execute({ user: user({ logins_count: 1 }) });
    expect([first.instance, first.cacheKeysAtStart]).toEqual([0, []]);
    expect([second.instance, second.cacheKeysAtStart]).toEqual([1, ["k1"]]);
  });
});

describe("2. stored metadata that is not an object", () => {
  it.each([
    ["user_metadata", "a string", "locale=en", "string", "userMetadata"],
    ["user_metadata", "an array", ["en"], "array", "userMetadata"],
    ["app_metadata", "a number", 7, "number", "appMetadata"],
    ["app_metadata", "a boolean", true, "bool", "appMetadata"],
  ] as const)("%s stored as %s fails the login before any Action runs", async (target, _kind, stored, type, field) => {
    const rt = runtime(`console.log("ran"); api.user.setAppMetadata("x", 1);`);
    const result = await rt.execute({ user: user({ [target]: stored }) });
    expect(result).toMatchObject({
      status: "failed",
      error: {
        code: "metadata_not_object",
        target,
        message: `json: cannot unmarshal ${type} into Go struct field .event.user.${field} of type map[string]interface {}`,
      },
    });
    expect([result.logs, result.writes, result.persisted, result.instance]).toEqual([[], [], false, undefined]);
    expect(result.user[target]).toEqual(stored);
  });

  it("loads absent and null metadata as empty objects", async () => {
    const rt = runtime(`console.log(JSON.stringify([event.user.user_metadata, event.user.app_metadata]));`);
    const result = await rt.execute({ user: user({ user_metadata: null, app_metadata: undefined }) });
    expect([result.status, result.logs[0]?.kept]).toEqual(["completed", "[{},{}]"]);
  });
});

describe("3. setAppMetadata(key, undefined)", () => {
  it.each([
    ["setAppMetadata", "app_metadata"],
    ["setUserMetadata", "user_metadata"],
  ] as const)("%s(key, undefined) fails the profile update with a payload validation error", async (call, target) => {
    const result = await runtime(`api.user.${call}("kept", 1); api.user.${call}("gone", undefined);`).execute({
      user: user(),
    });
    expect(result).toMatchObject({ status: "failed", error: { code: "payload_validation_error", target } });
    expect(result.status === "failed" && result.error.message).toMatch(/^user update failed: Payload validation error/);
    expect([result.persisted, result.user[target]]).toEqual([false, {}]);
  });

  it("still deletes a key set to null", async () => {
    const result = await runtime(`api.user.setAppMetadata("old", null);`).execute({
      user: user({ app_metadata: { old: 1, other: 2 } }),
    });
    expect([result.status, result.user.app_metadata]).toEqual(["completed", { other: 2 }]);
  });
});

describe("4. after one Action times out", () => {
  it("no later Action runs, so none of its network calls go out", async () => {
    const calls: string[] = [];
    const recording: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response("{}");
    };
    const slow = action(`await new Promise((resolve) => setTimeout(resolve, 300));`, "slow");
    const later = action(`console.log("later ran"); await fetch("https://later.example.test/");`, "later");
    const rt = new PostLoginRuntime([slow, later], { executionLimitMs: 100, fetch: recording });
    const result = await rt.execute({ user: user() });
    expect(result).toMatchObject({ status: "failed", error: { code: "timeout", action: "slow" } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toEqual([]);
    expect(result.logs.map((log) => log.action)).toEqual(["slow"]);
  });
});

describe("5. the file system, and the Node version", () => {
  const dir = mkdtempSync(join(tmpdir(), "runtime-fidelity-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses every write with EROFS, as node22 on Auth0 does, and lets reads through", async () => {
    const existing = join(dir, "existing.txt");
    writeFileSync(existing, "hello");
    const target = JSON.stringify(join(dir, "new.txt"));
    const code = `const fs = require("fs"); const fsp = require("node:fs/promises");
      exports.onExecutePostLogin = async () => {
        const attempts = [
          () => fs.writeFileSync(${target}, "x"),
          () => fs.appendFileSync(${target}, "x"),
          () => fs.mkdirSync(${target}),
          () => fs.createWriteStream(${target}),
          () => fs.openSync(${target}, "w"),
          () => fs.unlinkSync(${JSON.stringify(existing)}),
        ];
        const codes = attempts.map((attempt) => { try { attempt(); return "wrote"; } catch (e) { return e.code; } });
        codes.push(await fsp.writeFile(${target}, "x").then(() => "wrote", (e) => e.code));
        codes.push(await fs.promises.rm(${JSON.stringify(existing)}).then(() => "removed", (e) => e.code));
        const same = fs === require("node:fs") && fs.promises === fsp;
        console.log(codes.join(" "), fs.readFileSync(${JSON.stringify(existing)}, "utf8"), fs.existsSync(${target}), same);
      };`;
    const result = await new PostLoginRuntime([{ name: "fs", code, secrets: {} }]).execute({ user: user() });
    expect(result.logs[0]?.kept).toBe(`${Array(8).fill("EROFS").join(" ")} hello false true`);
    expect(readdirSync(dir)).toEqual(["existing.txt"]);
    expect(readFileSync(existing, "utf8")).toBe("hello");
  });

  it(`prints a one-line notice when the host's Node major is not ${ACTION_RUNTIME}'s`, () => {
    expect(nodeVersionNotice("22.11.0")).toBeUndefined();
    expect(nodeVersionNotice("v22.0.1")).toBeUndefined();
    const notice = nodeVersionNotice("20.19.2");
    expect(notice).toBe(
      `Note: this machine runs Node 20.19.2; Auth0 runs the Action on ${ACTION_RUNTIME}, so what differs between the two Node versions is not emulated.`,
    );
    expect(notice?.includes("\n")).toBe(false);
    expect(nodeVersionNotice("24.1.0")).toMatch(/runs Node 24\.1\.0/);
  });
});

describe("6. small mismatches", () => {
  it("when both ttl and expires_at are given, the earlier one wins", async () => {
    const now = 1_000_000;
    const rt = runtime(
      `api.cache.set("ttl-first", "v", { ttl: 1000, expires_at: ${now + 5000} });
       api.cache.set("at-first", "v", { ttl: 5000, expires_at: ${now + 1000} });`,
      { now: () => now },
    );
    await rt.execute({ user: user() });
    expect(rt.cache.get("ttl-first")?.expires_at).toBe(now + 1000);
    expect(rt.cache.get("at-first")?.expires_at).toBe(now + 1000);
  });

  it("refuses a bad expires_at even next to a good ttl", async () => {
    const rt = runtime(`console.log(JSON.stringify(api.cache.set("k", "v", { ttl: 1000, expires_at: 1 })));`);
    expect(JSON.parse(await kept(rt))).toEqual({ type: "error", code: "invalid_expires_at" });
  });

  it("uses the shorter of Auth0's two documented default lifetimes, 15 minutes", async () => {
    const now = 5_000_000;
    const rt = runtime(`api.cache.set("k", "v");`, { now: () => now });
    await rt.execute({ user: user() });
    expect(CACHE_LIMITS.defaultTtlMs).toBe(15 * 60_000);
    expect(rt.cache.get("k")?.expires_at).toBe(now + 15 * 60_000);
  });

  it("hands cache answers to the Action as its own realm's objects, a fresh one each time", async () => {
    const rt = runtime(`
      const plain = (x) => Object.getPrototypeOf(x) === Object.prototype;
      const first = api.cache.set("a", "1");
      first.type = "tampered";
      const second = api.cache.set("b", "2");
      const entry = api.cache.get("a");
      console.log(plain(first), plain(second), plain(entry), plain(api.cache.delete("b")), second.type);`);
    expect(await kept(rt)).toBe("true true true true success");
  });

  it("counts the login in logins_count even when the flow fails, as Auth0 counts it before the Actions run", async () => {
    const threw = await runtime(`throw new Error("boom");`).execute({ user: user({ logins_count: 3 }) });
    expect([threw.status, threw.user.logins_count]).toEqual(["failed", 4]);
    const unloadable = await runtime("").execute({ user: user({ logins_count: 3, user_metadata: "x" }) });
    expect([unloadable.status, unloadable.user.logins_count]).toEqual(["failed", 4]);
    const refresh = await runtime(`throw new Error("boom");`).execute({
      user: user({ logins_count: 3 }),
      protocol: "oauth2-refresh-token",
    });
    expect(refresh.user.logins_count).toBe(3);
  });
});
