import { describe, expect, it } from "vitest";
import { readLegacyRecord } from "../src/action/legacy-record";
import { testConfig as config } from "./support/fake-api";

describe("legacy record", () => {
  it("takes both objects at the default paths; either may be absent or null", () => {
    expect(readLegacyRecord({ user_metadata: { a: 1 }, app_metadata: null, id: 7 }, config())).toEqual({
      ok: true,
      userMetadata: { a: 1 },
      appMetadata: undefined,
    });
    expect(readLegacyRecord({}, config())).toEqual({ ok: true, userMetadata: undefined, appMetadata: undefined });
  });

  it("follows configured dot paths", () => {
    const c = config({ LEGACY_USER_METADATA_PATH: "data.profile", LEGACY_APP_METADATA_PATH: "data.access" });
    const body = { data: { profile: { plan: "gold" }, access: { roles: ["a"] } } };
    expect(readLegacyRecord(body, c)).toEqual({
      ok: true,
      userMetadata: { plan: "gold" },
      appMetadata: { roles: ["a"] },
    });
    expect(readLegacyRecord({ data: null }, c)).toEqual({ ok: true, userMetadata: undefined, appMetadata: undefined });
  });

  it.each([
    [[], "record_not_object"],
    ["text", "record_not_object"],
    [null, "record_not_object"],
    [{ user_metadata: [1] }, "user_metadata_not_object"],
    [{ user_metadata: "x" }, "user_metadata_not_object"],
    [{ app_metadata: 3 }, "app_metadata_not_object"],
  ])("refuses %j", (body, reason) => {
    expect(readLegacyRecord(body, config())).toEqual({ ok: false, reason });
  });

  it("refuses a path through a value that is not an object", () => {
    const c = config({ LEGACY_USER_METADATA_PATH: "data.profile" });
    expect(readLegacyRecord({ data: "x" }, c)).toEqual({ ok: false, reason: "user_metadata_not_object" });
  });

  it("keeps a __proto__ key as plain data instead of rebuilding the object", () => {
    const body = JSON.parse('{"user_metadata":{"__proto__":{"polluted":true},"a":1}}');
    const result = readLegacyRecord(body, config());
    expect(result.ok && Object.keys(result.userMetadata ?? {})).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
