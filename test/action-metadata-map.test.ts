/**
 * LEGACY_USER_METADATA_MAP / LEGACY_APP_METADATA_MAP: what a map may be (every mistake a
 * configuration error that names the secret and never its content), what it picks out of
 * a record, and a login repaired through maps under every rule an unmapped one obeys.
 */
import { HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../src/action/config";
import { readLegacyRecord } from "../src/action/legacy-record";
import { MARKER_KEY } from "../src/action/metadata-rules";
import { MAX_SECRET_VALUE_LENGTH } from "../src/action/secret-table";
import { BASE_SECRETS, loginEvent, migratedUser, testConfig } from "./support/fake-api";
import { legacyMock, recordRoute } from "./support/legacy-mock";
import { freshHandler, logFields, runLogin } from "./support/run-handler";

/** The record a legacy user API answers with, as the issue shows it. */
const RECORD = {
  id: 1001,
  first_name: "Alice",
  last_name: "Liddell",
  nickname: null,
  profile: { locale: "en-GB", address: { city: "Oxford" } },
  subscription: { plan: "pro", seats: 5, trial: false },
  roles: ["admin", "editor"],
};

const USER_MAP = JSON.stringify({
  given_name: "first_name",
  nickname: "nickname",
  locale: "profile.locale",
  city: "profile.address.city",
  address: "profile.address",
});
const APP_MAP = JSON.stringify({
  plan: "subscription.plan",
  seats: "subscription.seats",
  trial: "subscription.trial",
  roles: "roles",
  primary_role: "roles.0",
});

const mapped = (overrides: Record<string, string> = {}) =>
  testConfig({ LEGACY_USER_METADATA_MAP: USER_MAP, LEGACY_APP_METADATA_MAP: APP_MAP, ...overrides });

function problemsOf(overrides: Record<string, string>) {
  const result = parseConfig({ ...BASE_SECRETS, ...overrides });
  return result.ok ? [] : result.problems;
}

describe("a map secret", () => {
  it("becomes the keys to fill and the path each is read at, in place of its side's path", () => {
    const config = mapped();
    expect(config.userMetadataSource).toEqual({
      map: [
        { key: "given_name", path: ["first_name"] },
        { key: "nickname", path: ["nickname"] },
        { key: "locale", path: ["profile", "locale"] },
        { key: "city", path: ["profile", "address", "city"] },
        { key: "address", path: ["profile", "address"] },
      ],
    });
    expect(testConfig({ LEGACY_APP_METADATA_MAP: '{"plan":"tier"}' })).toMatchObject({
      userMetadataSource: { path: ["user_metadata"] },
      appMetadataSource: { map: [{ key: "plan", path: ["tier"] }] },
    });
  });

  const USER = "LEGACY_USER_METADATA_MAP";
  const APP = "LEGACY_APP_METADATA_MAP";
  it.each([
    [USER, "given_name=first_name", "not_json"],
    [USER, "{given_name: first_name}", "not_json"],
    [USER, '{"a":"b",}', "not_json"],
    [USER, '["first_name"]', "not_an_object"],
    [USER, '"first_name"', "not_an_object"],
    [USER, "null", "not_an_object"],
    [USER, "42", "not_an_object"],
    [USER, "{}", "empty_map"],
    [USER, '{"a.b":"x"}', "invalid_key_name"],
    [USER, '{"$set":"x"}', "invalid_key_name"],
    [USER, '{"":"x"}', "invalid_key_name"],
    [USER, '{"a\\u0000b":"x"}', "invalid_key_name"],
    [USER, '{"__proto__":"x"}', "invalid_key_name"],
    [USER, '{"constructor":"x"}', "invalid_key_name"],
    [APP, '{"blocked":"x"}', "reserved_key"],
    [APP, '{"user_id":"id"}', "reserved_key"],
    [APP, `{"${MARKER_KEY}":"x"}`, "reserved_key"],
    [USER, '{"a":""}', "invalid_path"],
    [USER, '{"a":"profile..locale"}', "invalid_path"],
    [USER, '{"a":"profile."}', "invalid_path"],
    [USER, '{"a":"toString"}', "invalid_path"],
    [USER, '{"a":"profile.__proto__"}', "invalid_path"],
    [APP, '{"a":3}', "invalid_path"],
    [APP, '{"a":null}', "invalid_path"],
    [APP, '{"a":["roles"]}', "invalid_path"],
    [APP, '{"a":{"from":"roles"}}', "invalid_path"],
  ])("%s=%s is refused as %s", (secret, value, reason) => {
    expect(problemsOf({ [secret]: value })).toEqual([{ subject: secret, reason }]);
  });

  it("leaves app_metadata's own names to app_metadata: user_metadata may hold them", () => {
    const config = testConfig({ LEGACY_USER_METADATA_MAP: `{"blocked":"b","${MARKER_KEY}":"m"}` });
    expect(config.userMetadataSource).toEqual({
      map: [
        { key: "blocked", path: ["b"] },
        { key: MARKER_KEY, path: ["m"] },
      ],
    });
  });

  it("refuses a map set together with its side's path, naming the map", () => {
    expect(problemsOf({ LEGACY_USER_METADATA_MAP: USER_MAP, LEGACY_USER_METADATA_PATH: "data.profile" })).toEqual([
      { subject: "LEGACY_USER_METADATA_MAP", reason: "map_and_path_both_set" },
    ]);
    expect(problemsOf({ LEGACY_APP_METADATA_MAP: APP_MAP, LEGACY_APP_METADATA_PATH: "app_metadata" })).toEqual([
      { subject: "LEGACY_APP_METADATA_MAP", reason: "map_and_path_both_set" },
    ]);
    // The other side's path is no conflict, and a blank path is unset.
    expect(problemsOf({ LEGACY_USER_METADATA_MAP: USER_MAP, LEGACY_APP_METADATA_PATH: "data.access" })).toEqual([]);
    expect(problemsOf({ LEGACY_USER_METADATA_MAP: USER_MAP, LEGACY_USER_METADATA_PATH: "  " })).toEqual([]);
  });

  it("refuses a value longer than Auth0 stores in a secret, and takes one exactly that long", () => {
    const mapOfLength = (length: number) => {
      const head = '{"note":"';
      return `${head}${"n".repeat(length - head.length - 2)}"}`;
    };
    expect(mapOfLength(MAX_SECRET_VALUE_LENGTH)).toHaveLength(MAX_SECRET_VALUE_LENGTH);
    expect(problemsOf({ LEGACY_USER_METADATA_MAP: mapOfLength(MAX_SECRET_VALUE_LENGTH) })).toEqual([]);
    expect(problemsOf({ LEGACY_USER_METADATA_MAP: mapOfLength(MAX_SECRET_VALUE_LENGTH + 1) })).toEqual([
      { subject: "LEGACY_USER_METADATA_MAP", reason: "too_long" },
    ]);
  });

  it("never carries the map's content in a problem", () => {
    const result = parseConfig({
      ...BASE_SECRETS,
      LEGACY_USER_METADATA_MAP: '{"secret-looking-key":"private.path","a.b":"x"}',
      LEGACY_APP_METADATA_MAP: "{private-text",
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/secret-looking|private/);
  });
});

describe("a record read through maps", () => {
  it("gives each mapped key the value at its path, exactly as the record holds it", () => {
    expect(readLegacyRecord(RECORD, mapped())).toEqual({
      ok: true,
      userMetadata: {
        given_name: "Alice",
        locale: "en-GB",
        city: "Oxford",
        address: { city: "Oxford" },
      },
      appMetadata: { plan: "pro", seats: 5, trial: false, roles: ["admin", "editor"], primary_role: "admin" },
    });
  });

  it("gives no key for a path that leads to nothing or to null, and an empty object when none leads anywhere", () => {
    const result = readLegacyRecord({ id: 7, nickname: null, profile: {} }, mapped());
    expect(result).toEqual({ ok: true, userMetadata: {}, appMetadata: {} });
  });

  it.each([
    ["roles.1", "editor"],
    ["roles.2", undefined],
    ["roles.01", undefined],
    ["roles.-1", undefined],
    ["roles.1e0", undefined],
    ["roles.length", undefined],
    ["emails.0.address", "alice@example.com"],
    ["emails.0.0", undefined],
    ["matrix.1.0", 3],
  ])("steps into an array only by a plain index: %s gives %j", (path, expected) => {
    const record = { roles: ["admin", "editor"], emails: [{ address: "alice@example.com" }], matrix: [[1], [3]] };
    const config = testConfig({ LEGACY_USER_METADATA_MAP: JSON.stringify({ picked: path }) });
    const result = readLegacyRecord(record, config);
    expect(result).toEqual({
      ok: true,
      userMetadata: expected === undefined ? {} : { picked: expected },
      appMetadata: undefined,
    });
  });

  it("reads nothing through a string, a number or a boolean, and never an inherited name", () => {
    const config = testConfig({
      LEGACY_USER_METADATA_MAP: '{"a":"first_name.length","b":"id.x","c":"flag.x","d":"first_name.0"}',
    });
    const record = { first_name: "Alice", id: 1, flag: true };
    expect(readLegacyRecord(record, config)).toEqual({ ok: true, userMetadata: {}, appMetadata: undefined });
  });

  it("copies a mapped object as plain data, a __proto__ key in it included, for the fill plan to refuse", () => {
    const record = JSON.parse('{"prefs":{"__proto__":{"polluted":true},"theme":"dark"}}');
    const config = testConfig({ LEGACY_USER_METADATA_MAP: '{"prefs":"prefs","theme":"prefs.theme"}' });
    const result = readLegacyRecord(record, config);
    expect(result.ok && result.userMetadata?.prefs).toBe(record.prefs);
    expect(result.ok && result.userMetadata?.theme).toBe("dark");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("asks nothing of the record's shape but that it is an object", () => {
    for (const body of [[], "text", null, 3]) {
      expect(readLegacyRecord(body, mapped())).toEqual({ ok: false, reason: "record_not_object" });
    }
    // What would break a side read at a path means nothing to a mapped side.
    const body = { user_metadata: "text", app_metadata: [1], first_name: "Alice" };
    expect(readLegacyRecord(body, mapped())).toMatchObject({ ok: true, userMetadata: { given_name: "Alice" } });
  });

  it("still refuses what breaks the side that is read at its path", () => {
    const config = testConfig({ LEGACY_USER_METADATA_MAP: USER_MAP });
    expect(readLegacyRecord({ first_name: "Alice", app_metadata: "x" }, config)).toEqual({
      ok: false,
      reason: "app_metadata_not_object",
    });
  });
});

describe("a login repaired through maps", () => {
  const legacy = legacyMock();
  let handler: Awaited<ReturnType<typeof freshHandler>>;
  beforeEach(async () => {
    handler = await freshHandler();
  });
  const secrets = (overrides: Record<string, string> = {}) => ({
    ...BASE_SECRETS,
    LEGACY_USER_METADATA_MAP: USER_MAP,
    LEGACY_APP_METADATA_MAP: APP_MAP,
    ...overrides,
  });

  it("fills only what Auth0 has no value for, and counts it as any repair", async () => {
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    const user = migratedUser({ user_metadata: { locale: "fr-FR" }, app_metadata: {} });
    const run = await runLogin(handler, loginEvent(user, secrets()));
    expect(run.userWrites).toEqual([
      ["address", { city: "Oxford" }],
      ["city", "Oxford"],
      ["given_name", "Alice"],
    ]);
    expect(run.appWrites.map(([key]) => key)).toEqual(["plan", "primary_role", "roles", "seats", "trial", MARKER_KEY]);
    expect(logFields(run.logs[0])).toMatchObject({
      outcome: "repaired",
      user_keys: "3",
      app_keys: "5",
      skipped_keys: "0",
    });
  });

  it("marks a user whose record answers none of the mapped paths: repaired, with 0 keys", async () => {
    legacy.use(recordRoute(() => HttpResponse.json({ id: 1001, unrelated: true })));
    const run = await runLogin(handler, loginEvent(migratedUser(), secrets()));
    expect(run.userWrites).toEqual([]);
    expect(run.appWrites).toEqual([[MARKER_KEY, expect.objectContaining({ status: "repaired" })]]);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "repaired", user_keys: "0", app_keys: "0" });
  });

  it("skips whole, and counts, a mapped value Auth0 could not store as sent or that is not allowed", async () => {
    const record = {
      ...RECORD,
      profile: { locale: "en-GB", address: { "post.code": "OX1" } },
      big: "x".repeat(40_000),
    };
    legacy.use(recordRoute(() => HttpResponse.json(record)));
    const run = await runLogin(
      handler,
      loginEvent(
        migratedUser(),
        secrets({
          LEGACY_USER_METADATA_MAP: '{"locale":"profile.locale","address":"profile.address","essay":"big"}',
          APP_METADATA_ALLOWED_KEYS: "plan",
        }),
      ),
    );
    expect(run.userWrites).toEqual([["locale", "en-GB"]]);
    expect(run.appWrites.map(([key]) => key)).toEqual(["plan", MARKER_KEY]);
    // address: a nested name with "."; essay: over 32 kB; seats, trial, roles, primary_role: not allowed.
    expect(logFields(run.logs[0])).toMatchObject({ user_keys: "1", app_keys: "1", skipped_keys: "6" });
  });

  it("skips a mapped object holding __proto__ whole, and pollutes nothing", async () => {
    legacy.use(
      recordRoute(
        () =>
          new HttpResponse('{"prefs":{"__proto__":{"admin":true}},"plan":"pro"}', {
            headers: { "content-type": "application/json" },
          }),
      ),
    );
    const run = await runLogin(
      handler,
      loginEvent(
        migratedUser(),
        secrets({ LEGACY_USER_METADATA_MAP: '{"prefs":"prefs"}', LEGACY_APP_METADATA_MAP: '{"plan":"plan"}' }),
      ),
    );
    expect(run.userWrites).toEqual([]);
    expect(run.appWrites.map(([key]) => key)).toEqual(["plan", MARKER_KEY]);
    expect(logFields(run.logs[0])).toMatchObject({ user_keys: "0", app_keys: "1", skipped_keys: "1" });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("keeps today's reading on a side without a map", async () => {
    legacy.use(recordRoute(() => HttpResponse.json({ ...RECORD, app_metadata: { tier: "gold" } })));
    const run = await runLogin(handler, loginEvent(migratedUser(), secrets({ LEGACY_APP_METADATA_MAP: "" })));
    expect(run.appWrites.map(([key]) => key)).toEqual(["tier", MARKER_KEY]);
    expect(run.userWrites.map(([key]) => key)).toEqual(["address", "city", "given_name", "locale"]);
  });

  it("still answers invalid_response to a record that is not an object", async () => {
    legacy.use(recordRoute(() => HttpResponse.json(["Alice"])));
    const run = await runLogin(handler, loginEvent(migratedUser(), secrets()));
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "invalid_response", reason: "record_not_object" });
    expect(run.appWrites).toEqual([]);
  });

  it.each([
    ["not JSON", "{given_name:first_name}", "not_json"],
    ["too long", `{"a":"${"b".repeat(MAX_SECRET_VALUE_LENGTH)}"}`, "too_long"],
    ["a reserved name", '{"blocked":"private.flag"}', "reserved_key"],
  ])(
    "on a map that is %s, calls nothing, lets the login go on, and logs its name but never its content",
    async (_what, map, reason) => {
      legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
      const run = await runLogin(handler, loginEvent(migratedUser(), secrets({ LEGACY_APP_METADATA_MAP: map })));
      expect(legacy.recordCalls()).toEqual([]);
      expect(run.denied).toEqual([]);
      expect(run.userWrites).toEqual([]);
      expect(run.appWrites).toEqual([]);
      expect(logFields(run.logs[0])).toMatchObject({
        outcome: "config_error",
        reason,
        secret: "LEGACY_APP_METADATA_MAP",
      });
      expect(run.logs.join("\n")).not.toMatch(/private|blocked|bbbb|given_name/);
    },
  );
});
