import { describe, expect, it } from "vitest";
import { detect } from "../src/action/detect";
import { BASE_SECRETS, testConfig as config, loginEvent, migratedUser } from "./support/fake-api";

const marker = (v: number) => ({ legacy_metadata_repair: { v, status: "repaired", at: "2026-01-01T00:00:00Z" } });

describe("detect", () => {
  it("skips users without an identity of a migration connection", () => {
    const user = migratedUser({ identities: [{ provider: "google-oauth2", connection: "google-oauth2" }] });
    expect(detect(loginEvent(user), config())).toEqual({ kind: "skip" });
    expect(detect(loginEvent(migratedUser({ identities: undefined })), config())).toEqual({ kind: "skip" });
  });

  it("finds the migration identity among linked accounts", () => {
    const user = migratedUser({
      user_id: "google-oauth2|77",
      identities: [
        { provider: "google-oauth2", connection: "google-oauth2", user_id: "77" },
        { provider: "auth0", connection: "legacy-db", user_id: "1001" },
      ],
    });
    const detection = detect(loginEvent(user), config());
    expect(detection).toMatchObject({ kind: "repair", lookup: { legacy_id: "1001" } });
  });

  it("skips refresh-token exchanges", () => {
    const event = loginEvent(migratedUser(), BASE_SECRETS, { transaction: { protocol: "oauth2-refresh-token" } });
    expect(detect(event, config())).toEqual({ kind: "skip" });
  });

  it("tolerates an event without a transaction", () => {
    const event = loginEvent(migratedUser(), BASE_SECRETS, { transaction: undefined });
    expect(detect(event, config()).kind).toBe("repair");
  });

  it("skips users whose marker carries the current or a newer version", () => {
    expect(detect(loginEvent(migratedUser({ app_metadata: marker(1) })), config()).kind).toBe("skip");
    expect(detect(loginEvent(migratedUser({ app_metadata: marker(2) })), config()).kind).toBe("skip");
    expect(detect(loginEvent(migratedUser({ app_metadata: marker(1) })), config({ REPAIR_VERSION: "2" })).kind).toBe(
      "repair",
    );
  });

  it("a marker whose v is a numeric string, as typed in the dashboard, counts as that version", () => {
    const typed = (v: unknown) =>
      migratedUser({ app_metadata: { legacy_metadata_repair: { v, status: "repaired", at: "2026-01-01T00:00:00Z" } } });
    expect(detect(loginEvent(typed("2")), config({ REPAIR_VERSION: "2" })).kind).toBe("skip");
    expect(detect(loginEvent(typed(" 3 ")), config({ REPAIR_VERSION: "2" })).kind).toBe("skip");
    expect(detect(loginEvent(typed("2")), config({ REPAIR_VERSION: "3" })).kind).toBe("repair");
    for (const notAVersion of ["two", "", "2.5", "-2", "0x2", null, true]) {
      expect(detect(loginEvent(typed(notAVersion)), config()).kind).toBe("repair");
    }
  });

  it("re-checks an old marker only when something is still missing", () => {
    const complete = migratedUser({ user_metadata: { plan: "gold" }, app_metadata: { roles: [], ...marker(1) } });
    expect(detect(loginEvent(complete), config({ REPAIR_VERSION: "2" })).kind).toBe("skip");
  });

  it("with no required keys, an object counts as missing when it has no keys", () => {
    const complete = migratedUser({ user_metadata: { plan: "gold" }, app_metadata: { roles: ["a"] } });
    expect(detect(loginEvent(complete), config()).kind).toBe("skip");
    const noApp = migratedUser({ user_metadata: { plan: "gold" }, app_metadata: {} });
    expect(detect(loginEvent(noApp), config())).toMatchObject({ app: { missing: true }, user: { missing: false } });
  });

  it("never counts the marker key as app_metadata content", () => {
    const onlyMarker = migratedUser({ user_metadata: { plan: "gold" }, app_metadata: marker(1) });
    expect(detect(loginEvent(onlyMarker), config({ REPAIR_VERSION: "2" }))).toMatchObject({ app: { missing: true } });
  });

  it("with required keys, counts missing when any is absent or null", () => {
    const c = config({ REQUIRED_USER_METADATA_KEYS: "plan,locale", REQUIRED_APP_METADATA_KEYS: "roles" });
    const partial = migratedUser({ user_metadata: { plan: "gold", extra: 1 }, app_metadata: { roles: [] } });
    expect(detect(loginEvent(partial), c)).toMatchObject({ user: { missing: true }, app: { missing: false } });
    const nulled = migratedUser({ user_metadata: { plan: "gold", locale: null }, app_metadata: { roles: [] } });
    expect(detect(loginEvent(nulled), c)).toMatchObject({ user: { missing: true } });
    const complete = migratedUser({ user_metadata: { plan: "gold", locale: "fr" }, app_metadata: { roles: [] } });
    expect(detect(loginEvent(complete), c).kind).toBe("skip");
  });

  it("treats absent or null metadata as empty and missing", () => {
    for (const value of [undefined, null]) {
      const user = migratedUser({ user_metadata: value, app_metadata: value });
      expect(detect(loginEvent(user), config())).toMatchObject({
        kind: "repair",
        user: { current: {}, writable: true, missing: true },
        app: { current: {}, writable: true, missing: true },
      });
    }
  });

  it("never writes into metadata that is not an object, and reports it when nothing else is missing", () => {
    const user = migratedUser({ user_metadata: "corrupt", app_metadata: { roles: [] } });
    expect(detect(loginEvent(user), config())).toEqual({ kind: "unrepairable", reason: "user_metadata_not_object" });
    const app = migratedUser({ user_metadata: { plan: "x" }, app_metadata: [1, 2] });
    expect(detect(loginEvent(app), config())).toEqual({ kind: "unrepairable", reason: "app_metadata_not_object" });
    const mixed = migratedUser({ user_metadata: 42, app_metadata: {} });
    expect(detect(loginEvent(mixed), config())).toMatchObject({ kind: "repair", user: { writable: false } });
  });

  it("collects the lookup values without touching the event", () => {
    const user = migratedUser();
    const before = structuredClone(user);
    const detection = detect(loginEvent(user), config());
    expect(detection).toMatchObject({ lookup: { email: "ada@example.com", username: "ada", legacy_id: "1001" } });
    expect(user).toEqual(before);
  });

  it("falls back to the user_id when the identity carries no id", () => {
    const user = migratedUser({ identities: [{ provider: "auth0", connection: "legacy-db" }] });
    expect(detect(loginEvent(user), config())).toMatchObject({ lookup: { legacy_id: "1001" } });
  });
});
