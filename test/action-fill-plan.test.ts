import { describe, expect, it } from "vitest";
import type { MetadataSide } from "../src/action/detect";
import { planFill } from "../src/action/fill-plan";
import { jsonBytes } from "../src/action/json-size";
import { buildMarker } from "../src/action/marker";
import { METADATA_BUDGET_BYTES, RESERVED_APP_METADATA_KEYS } from "../src/action/metadata-rules";
import type { JsonObject } from "../src/action/types";
import { testConfig as config } from "./support/fake-api";

const marker = buildMarker(1, "repaired", new Date("2026-01-01T00:00:00Z"));
const side = (current: JsonObject = {}, writable = true): MetadataSide => ({ current, writable, missing: true });

function plan(
  user: JsonObject | undefined,
  app: JsonObject | undefined,
  current = { user: side(), app: side() },
  c = config(),
) {
  return planFill(current.user, current.app, user, app, c, marker);
}

describe("fill plan", () => {
  it("writes only keys Auth0 has no value for, treating null as no value", () => {
    const current = { user: side({ plan: "silver", locale: null, empty: "" }), app: side({ roles: ["x"] }) };
    const result = plan(
      { plan: "gold", locale: "fr", empty: "legacy", fresh: 1 },
      { roles: ["admin"], tier: 2 },
      current,
    );
    expect(result.user).toEqual([
      ["fresh", 1],
      ["locale", "fr"],
    ]);
    expect(result.app).toEqual([["tier", 2]]);
    expect(result.skipped).toEqual([]);
  });

  it("never writes a null or absent legacy value (that would delete in Auth0)", () => {
    expect(plan({ a: null, b: undefined }, {})).toEqual({ user: [], app: [], skipped: [] });
  });

  it("does not mutate its inputs", () => {
    const current = { user: side({ keep: 1 }), app: side({}) };
    const legacyUser = { keep: 2, add: { nested: [1, 2] } };
    const snapshot = structuredClone({ current, legacyUser });
    plan(legacyUser, undefined, current);
    expect({ current, legacyUser }).toEqual(snapshot);
  });

  it("skips whole any key with a forbidden name, counting each", () => {
    const legacy = JSON.parse('{"a.b":1,"$set":2,"__proto__":{"x":1},"constructor":3,"prototype":4,"ok":5}');
    const result = plan(legacy, undefined);
    expect(result.user).toEqual([["ok", 5]]);
    expect(result.skipped).toHaveLength(5);
    expect(result.skipped.every((s) => s.reason === "forbidden_name")).toBe(true);
  });

  it("skips whole any value with a forbidden key at any depth, never altering it", () => {
    const legacy = JSON.parse(
      '{"deep":{"a":[{"b":{"c.d":1}}]},"dollar":{"x":{"$y":1}},"proto":[{"__proto__":1}],"fine":{"a":{"b":[1]}}}',
    );
    const result = plan(legacy, undefined);
    expect(result.user).toEqual([["fine", { a: { b: [1] } }]]);
    expect(result.skipped.map((s) => s.reason)).toEqual(Array(3).fill("nested_forbidden_key"));
  });

  it("skips values nested too deeply, without recursion limits", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const result = plan({ deep, ok: true }, undefined);
    expect(result.user).toEqual([["ok", true]]);
    expect(result.skipped).toEqual([{ target: "user", key: "deep", reason: "too_deep" }]);
  });

  it("skips strings with lone surrogates and integers beyond 2^53", () => {
    const result = plan({ s: "a\ud800b", n: 2 ** 53 + 2, nul: "a\u0000b", big: 2 ** 53 - 1 }, undefined);
    expect(result.user).toEqual([
      ["big", 2 ** 53 - 1],
      ["nul", "a\u0000b"],
    ]);
    expect(result.skipped.map((s) => s.reason).sort()).toEqual(["ill_formed_string", "unsafe_number"]);
  });

  it("skips every reserved app_metadata name and the marker key", () => {
    const legacy: JsonObject = { legacy_metadata_repair: { v: 99 }, tier: 1 };
    for (const name of RESERVED_APP_METADATA_KEYS) legacy[name] = "x";
    const result = plan(undefined, legacy);
    expect(result.app).toEqual([["tier", 1]]);
    const reasons = result.skipped.map((s) => s.reason);
    expect(reasons.filter((r) => r === "reserved")).toHaveLength(RESERVED_APP_METADATA_KEYS.size);
    expect(reasons).toContain("marker_key");
  });

  it("applies the app_metadata allow-list, and not to user_metadata", () => {
    const c = config({ APP_METADATA_ALLOWED_KEYS: "roles" });
    const result = plan({ anything: 1 }, { roles: ["a"], permissions: ["root"] }, undefined, c);
    expect(result.user).toEqual([["anything", 1]]);
    expect(result.app).toEqual([["roles", ["a"]]]);
    expect(result.skipped).toEqual([{ target: "app", key: "permissions", reason: "not_allowed" }]);
  });

  it("skips every key of a side Auth0 cannot write to", () => {
    const result = plan({ a: 1, b: 2 }, { c: 3 }, { user: side({}, false), app: side() });
    expect(result.user).toEqual([]);
    expect(result.app).toEqual([["c", 3]]);
    expect(result.skipped).toEqual([
      { target: "user", key: "a", reason: "not_object_in_auth0" },
      { target: "user", key: "b", reason: "not_object_in_auth0" },
    ]);
  });

  describe("the 32 kB per-session budget", () => {
    // {"k":"xxx…"} is 8 bytes of JSON around the string.
    const fill = (bytes: number) => "x".repeat(bytes - 8);

    it("accepts a user_metadata of exactly the budget and refuses one byte more", () => {
      const exact = plan({ k: fill(METADATA_BUDGET_BYTES) }, undefined);
      expect(exact.user).toHaveLength(1);
      expect(jsonBytes(Object.fromEntries(exact.user))).toBe(METADATA_BUDGET_BYTES);
      const over = plan({ k: fill(METADATA_BUDGET_BYTES + 1) }, undefined);
      expect(over.user).toEqual([]);
      expect(over.skipped).toEqual([{ target: "user", key: "k", reason: "over_budget" }]);
    });

    it("counts multi-byte characters as UTF-8 bytes", () => {
      const result = plan({ k: "é".repeat(METADATA_BUDGET_BYTES / 2) }, undefined);
      expect(result.skipped).toEqual([{ target: "user", key: "k", reason: "over_budget" }]);
    });

    it("counts what Auth0 already holds and the marker on app_metadata", () => {
      const current = { user: side({ existing: fill(20_000) }), app: side({ existing: fill(20_000) }) };
      const result = plan({ k: fill(13_000) }, { k: fill(12_700) }, current);
      expect(result.user).toEqual([]);
      expect(result.app).toEqual([]);
      expect(result.skipped).toHaveLength(2);
      const app = { existing: fill(20_000), k: fill(12_600), legacy_metadata_repair: marker };
      expect(jsonBytes(app)).toBeLessThanOrEqual(METADATA_BUDGET_BYTES);
      expect(plan(undefined, { k: fill(12_600) }, current).app).toHaveLength(1);
    });

    it("keeps whichever keys fit, the same whatever the legacy key order", () => {
      const a = { one: fill(15_000), two: fill(15_000), three: fill(15_000) };
      const b = { three: a.three, one: a.one, two: a.two };
      expect(plan(a, undefined)).toEqual(plan(b, undefined));
      expect(plan(a, undefined).user.map(([key]) => key)).toEqual(["one", "three"]);
    });
  });
});
