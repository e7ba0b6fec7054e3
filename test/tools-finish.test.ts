/**
 * `finish` and `finish --rollback` against a fake Management API over HTTPS
 * (test/support/https-management-api.ts): verify first, then the connection read, checked,
 * backed up and written with every option as it was, or refused with the tenant untouched.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JsonObject } from "../src/action/types";
import { SAMPLE_USERS } from "../src/local/sample-store/sample-users";
import { type SampleStore, startSampleStore } from "../src/local/sample-store/server";
import { parseCliArgs } from "../src/tools/cli-args";
import { NO_OP_SCRIPTS } from "../src/tools/finish/no-op-scripts";
import { main } from "../src/tools/main";
import { closedPort } from "./support/fault-server";
import { decrypt, HttpsManagementApi } from "./support/https-management-api";
import { EMPTY_DOTENV, toolsEnv } from "./support/tools-env";
import { captureIo, migrated } from "./support/tools-tenant";

const CONNECTION_ID = "con_Legacy0000000001";

const LEGACY_LOGIN = `function login(email, password, callback) {
  const bcrypt = require("bcrypt");
  request.post(configuration.LEGACY_URL + "/login", { json: { email, password } }, (err, res, body) => {
    if (err || res.statusCode !== 200) return callback(new WrongUsernameOrPasswordError(email));
    return callback(null, { user_id: body.id, email: body.email });
  });
}`;
const LEGACY_GET_USER = `function getByEmail(email, callback) {
  request.get(configuration.LEGACY_URL + "/users?email=" + encodeURIComponent(email), (err, res, body) => {
    if (err) return callback(err);
    return callback(null, res.statusCode === 404 ? null : JSON.parse(body));
  });
}`;
const CHANGE_PASSWORD = "function changePassword(email, newPassword, callback) { return callback(null, true); }";

function legacyConnection(options: JsonObject = {}): JsonObject {
  return {
    id: CONNECTION_ID,
    name: "legacy-db",
    display_name: "Customers (legacy)",
    strategy: "auth0",
    realms: ["legacy-db"],
    is_domain_connection: false,
    options: {
      import_mode: true,
      enabledDatabaseCustomization: true,
      brute_force_protection: true,
      passwordPolicy: "good",
      requires_username: false,
      attributes: { email: { unique: true, identifier: { active: true } } },
      customScripts: { login: LEGACY_LOGIN, get_user: LEGACY_GET_USER, change_password: CHANGE_PASSWORD },
      ...options,
    },
  };
}

let api: HttpsManagementApi;
let store: SampleStore;
let backups: string;

const complete = (legacyId: string) =>
  migrated(legacyId, { user_metadata: { locale: "en", timezone: "UTC" }, app_metadata: { plan: "pro" } });

beforeAll(async () => {
  [api, store] = await Promise.all([HttpsManagementApi.start(), startSampleStore({ users: SAMPLE_USERS.slice(0, 3) })]);
  api.grant("finish-token");
  api.grant("no-options-token", ["read:users", "read:connections", "update:connections"]);
});
beforeEach(() => {
  backups = mkdtempSync(join(tmpdir(), "rmm-finish-test-"));
  api.connections.clear();
  api.addConnection(legacyConnection());
  api.users = [complete("1001"), complete("1002"), complete("1003")];
});
afterEach(() => {
  rmSync(backups, { recursive: true, force: true });
  api.calls.length = 0;
  api.onConnectionRead = undefined;
  api.onConnectionPatch = undefined;
  api.patchAnswer = undefined;
  api.patchStatus = undefined;
});
afterAll(async () => {
  await Promise.all([api.close(), store.close()]);
});

async function finish(argv: string[], extra: Record<string, string> = {}) {
  const io = captureIo();
  const env = toolsEnv(store, { AUTH0_DOMAIN: api.host, AUTH0_ACCESS_TOKEN: "finish-token", ...extra });
  const args = ["finish", "--dotenv", EMPTY_DOTENV, "--backup-dir", backups, ...argv];
  const code = await main(args, { env, ...io, exportPollMs: 5 });
  return { code, out: io.text(), err: io.errors() };
}

const stored = () => api.connections.get(CONNECTION_ID) as JsonObject & { options: JsonObject };
const scriptsNow = () => stored().options.customScripts as Record<string, string>;
const patches = () => api.writesTo("/api/v2/connections");
const backupFiles = () => readdirSync(backups).map((name) => join(backups, name));

describe("finish on the command line", () => {
  it("writes nothing and backs up to the current folder unless told otherwise", () => {
    expect(parseCliArgs(["finish"])).toMatchObject({
      kind: "run",
      args: { dryRun: false, force: false, backupDir: ".", rollback: undefined, configurationFile: undefined },
    });
    expect(parseCliArgs(["finish", "--rollback", "b.json", "--force"])).toMatchObject({
      args: { rollback: "b.json", force: true },
    });
    expect(parseCliArgs(["finish", "--rollback"])).toMatchObject({
      kind: "problem",
      problem: "--rollback needs a value",
    });
  });
});

describe("a --backup-dir that cannot take the backup", () => {
  it.each([
    ["does not exist", () => join(backups, "missing")],
    ["is a file", () => join(backups, "file")],
  ])("one that %s is refused before the tenant is called (exit 2)", async (_name, dir) => {
    writeFileSync(join(backups, "file"), "");
    const { code, err } = await finish(["--backup-dir", dir()]);
    expect(code).toBe(2);
    expect(err).toContain(`cannot write the backup in ${dir()}: `);
    expect(err).toContain("nothing was changed in the tenant");
    expect(api.calls).toEqual([]);
  });

  it("--dry-run writes no backup, so it does not need one", async () => {
    const { code } = await finish(["--dry-run", "--backup-dir", join(backups, "missing")]);
    expect(code).toBe(0);
    expect(patches()).toEqual([]);
  });
});

describe("the no-op scripts", () => {
  /** Calls a script as Auth0 does, with or without the context object `enable_script_context` adds before the callback. */
  function callBack(script: string, args: unknown[]): unknown[] {
    const calls: unknown[][] = [];
    const fn = runInNewContext(`(${script})`) as (...args: unknown[]) => unknown;
    fn(...args, (...result: unknown[]) => calls.push(result));
    expect(calls).toHaveLength(1);
    return calls[0] ?? [];
  }

  it("answer 'not found' (null, null) at once, with or without a script context", () => {
    const context = { connection: { name: "legacy-db" } };
    expect(callBack(NO_OP_SCRIPTS.login, ["ada@example.com", "secret"])).toEqual([null, null]);
    expect(callBack(NO_OP_SCRIPTS.login, ["ada@example.com", "secret", context])).toEqual([null, null]);
    expect(callBack(NO_OP_SCRIPTS.get_user, ["ada@example.com"])).toEqual([null, null]);
    expect(callBack(NO_OP_SCRIPTS.get_user, ["ada@example.com", context])).toEqual([null, null]);
  });
});

describe("finish", () => {
  it("verifies, backs the connection up (0600), and makes login and get_user no-ops, every other option as it was", async () => {
    const before = structuredClone(stored());
    const { code, out, err } = await finish([]);
    // The verify's export job says how it goes; nothing else is said on stderr.
    expect(err).toBe("export job completed\n");
    expect(code).toBe(0);
    expect(out).toContain("Can the legacy store be switched off? YES");
    expect(out).toContain(`${CONNECTION_ID}: custom database, "Import Users to Auth0" on, 0 configuration key(s)`);
    expect(out).toContain(
      "--- customScripts.login now: 7 line(s)\n+++ customScripts.login after: 7 line(s)\n-function login(email, password, callback) {",
    );
    expect(out).toContain("+function getByEmail(email, callback) {\n+  // The legacy store is switched off");

    const [backup, ...others] = backupFiles();
    expect(others).toEqual([]);
    expect(backup).toMatch(/connection-backup-legacy-db-\d{8}T\d{6}-\d{3}Z\.json$/);
    expect(out).toContain(`Backup of the connection as read: ${backup} (mode 0600)`);
    expect(statSync(backup ?? "").mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(backup ?? "", "utf8"));
    expect(saved).toMatchObject({
      kind: "repair-migrated-metadata/connection-backup",
      taken_before: "finish",
      tenant: api.host,
    });
    expect(saved.connection).toEqual(before);

    const after = stored();
    expect(scriptsNow()).toEqual({ ...NO_OP_SCRIPTS, change_password: CHANGE_PASSWORD });
    expect({ ...after.options, customScripts: undefined }).toEqual({ ...before.options, customScripts: undefined });
    expect({ ...after, options: undefined }).toEqual({ ...before, options: undefined });
    const [patch, ...more] = patches();
    expect(more).toEqual([]);
    expect(Object.keys(patch?.body as JsonObject).sort()).toEqual(["display_name", "options", "realms"]);
    expect(out).toContain(`To undo: repair-migrated-metadata finish --rollback ${backup}`);
    expect(out).toContain("The Action repair-migrated-metadata can stay bound");
  });

  it("--dry-run prints the diff and changes nothing, not even a backup file", async () => {
    const before = structuredClone(stored());
    const { code, out } = await finish(["--dry-run"]);
    expect(code).toBe(0);
    expect(out).toContain("-function login(email, password, callback) {");
    expect(out).toContain("Dry run: nothing was written, and no backup was taken.");
    expect(patches()).toEqual([]);
    expect(backupFiles()).toEqual([]);
    expect(stored()).toEqual(before);
  });

  it("does nothing when the scripts already are the no-ops", async () => {
    expect((await finish([])).code).toBe(0);
    api.calls.length = 0;
    const again = await finish([]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("already the no-ops finish writes: nothing to do");
    expect(patches()).toEqual([]);
    expect(backupFiles()).toHaveLength(1);
  });
});

describe("finish refuses, and changes nothing", () => {
  it("while verify says NOT YET; --force goes on and says what it overrides", async () => {
    api.users = [complete("1001"), complete("1002")];
    const refused = await finish([]);
    expect(refused.code).toBe(1);
    expect(refused.err.split("\n").slice(1).join("\n")).toBe(
      "repair-migrated-metadata finish: refusing: verify says the legacy store is still needed: NOT YET: 1 legacy user has not migrated (bulk-import them or wait for their first login).\n" +
        "  nothing was changed in the tenant\n" +
        "  bring every legacy user in and repair their metadata first (see the verdict), or pass --force\n",
    );
    expect(patches()).toEqual([]);
    expect(backupFiles()).toEqual([]);

    const forced = await finish(["--force"]);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("--force: going on although verify says NOT YET.");
    expect(scriptsNow().login).toBe(NO_OP_SCRIPTS.login);
  });

  it.each([
    [
      "not_a_database",
      { strategy: "google-oauth2" },
      {},
      'the connection is not a database connection: "legacy-db" has the strategy google-oauth2',
    ],
    ["not_custom_database", {}, { enabledDatabaseCustomization: false }, "does not use a custom database"],
    ["import_mode_off", {}, { import_mode: false }, '"Import Users to Auth0" is off'],
  ])("a connection that is %s", async (_reason, fields, options, message) => {
    api.addConnection({ ...legacyConnection(options), ...fields });
    const { code, err } = await finish([]);
    expect(code).toBe(1);
    expect(err).toContain(message);
    expect(err).toContain("nothing was changed in the tenant");
    expect(patches()).toEqual([]);
  });

  it("a token that reads the connection without its options, which a write would erase", async () => {
    const { code, err } = await finish([], { AUTH0_ACCESS_TOKEN: "no-options-token" });
    expect(code).toBe(1);
    expect(err).toContain("the connection was read without its options");
    expect(err).toContain("read:connections_options");
    expect(patches()).toEqual([]);
  });

  it("a connection changed between the read and the write", async () => {
    let reads = 0;
    api.onConnectionRead = () => {
      reads++;
      if (reads === 1) (stored().options as JsonObject).brute_force_protection = false;
    };
    const { code, err } = await finish([]);
    expect(code).toBe(1);
    expect(err).toContain(
      "refusing: the connection changed between the read and the write: changed since the plan was made: options.brute_force_protection",
    );
    expect(patches()).toEqual([]);
    expect(stored().options.brute_force_protection).toBe(false);
  });
});

describe("finish with encrypted configuration values", () => {
  beforeEach(() => {
    api.addConnection(
      legacyConnection({ configuration: { LEGACY_URL: "https://legacy.example.test", DB_PASSWORD: "pw-in-auth0" } }),
    );
  });

  it("refuses without their values: a write would delete them, sending them back encrypted may garble them", async () => {
    const { code, err } = await finish([]);
    expect(code).toBe(1);
    expect(err).toContain("holds 2 configuration key(s): DB_PASSWORD, LEGACY_URL");
    expect(err).toContain("--configuration-file");
    expect(patches()).toEqual([]);
  });

  it("writes them as given, so Auth0 holds them encrypted once; never prints them", async () => {
    const file = join(backups, "configuration.json");
    writeFileSync(file, JSON.stringify({ LEGACY_URL: "https://legacy.example.test", DB_PASSWORD: "pw-given-again" }));
    const { code, out, err } = await finish(["--configuration-file", file]);
    expect(code).toBe(0);
    expect(`${out}${err}`).not.toContain("pw-given-again");
    const configuration = stored().options.configuration as Record<string, string>;
    expect(decrypt(configuration.DB_PASSWORD)).toBe("pw-given-again");
    expect(decrypt(configuration.LEGACY_URL)).toBe("https://legacy.example.test");
  });

  it("refuses a file that does not name exactly the connection's keys", async () => {
    const file = join(backups, "configuration.json");
    writeFileSync(file, JSON.stringify({ LEGACY_URL: "https://legacy.example.test", API_KEY: "x" }));
    const { code, err } = await finish(["--configuration-file", file]);
    expect(code).toBe(1);
    expect(err).toContain("missing DB_PASSWORD; not in the connection: API_KEY");
  });
});

describe("finish: the write and the tenant's answer", () => {
  it("an answer that differs from what was sent: exit 3, with the way back", async () => {
    api.patchAnswer = (connection) => {
      const options = connection.options as JsonObject;
      return { ...connection, options: { ...options, customScripts: { login: NO_OP_SCRIPTS.login } } };
    };
    const { code, err } = await finish([]);
    expect(code).toBe(3);
    expect(err).toContain(
      "the connection was written, but the tenant's answer differs from what was sent in: options.customScripts.get_user, options.customScripts (other scripts)",
    );
    expect(err).toContain("finish --rollback");
  });

  it("a write that fails with a 5xx may have been applied: said so, with the backup, and not retried", async () => {
    api.patchStatus = 503;
    const { code, err } = await finish([]);
    expect(code).toBe(2);
    expect(err).toContain('writing the connection "legacy-db" failed at');
    expect(err).toContain(
      "  the write may have been applied: read the connection (finish --dry-run shows its scripts); the backup is ",
    );
    expect(patches()).toHaveLength(1);
  });

  it("a 429 changed nothing: waited out, then the connection is read and compared again before the next try", async () => {
    let count = 0;
    api.onConnectionPatch = () => {
      api.patchStatus = ++count === 1 ? 429 : undefined;
    };
    const { code } = await finish([]);
    expect(code).toBe(0);
    expect(patches()).toHaveLength(2);
    expect(scriptsNow()).toEqual({ ...NO_OP_SCRIPTS, change_password: CHANGE_PASSWORD });
    // The plan's read, the one before the first try, and the one before the second.
    const reads = api.calls.filter((call) => call.method === "GET" && call.path.startsWith("/api/v2/connections/"));
    expect(reads).toHaveLength(3);
  });

  it("a change made while a 429 is waited out stops the write: it is never sent over that change", async () => {
    let count = 0;
    api.onConnectionPatch = () => {
      api.patchStatus = ++count === 1 ? 429 : undefined;
      // Someone else's write lands while finish waits.
      if (count === 1) (stored().options as JsonObject).brute_force_protection = false;
    };
    const { code, err } = await finish([]);
    expect(code).toBe(1);
    expect(err).toContain("changed since the plan was made: options.brute_force_protection");
    expect(patches()).toHaveLength(1);
    expect(stored().options.brute_force_protection).toBe(false);
    expect(scriptsNow().login).toBe(LEGACY_LOGIN);
  });

  it("a write the tenant refuses changed nothing", async () => {
    api.patchStatus = 400;
    const { code, err } = await finish([]);
    expect(code).toBe(2);
    expect(err).toContain("  nothing was changed in the tenant (the write was refused or never sent); the backup is ");
  });

  it("an unreachable tenant: one message, nothing changed", async () => {
    const closed = `127.0.0.1:${await closedPort()}`;
    const { code, err } = await finish([], { AUTH0_DOMAIN: closed });
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`^repair-migrated-metadata finish: .* failed at ${closed}: refused`));
    expect(err).toContain("\n  nothing was changed in the tenant\n");
    expect(backupFiles()).toEqual([]);
  });

  it("several migration connections: which one must be said", async () => {
    const { code, err } = await finish([], { MIGRATION_CONNECTIONS: "legacy-db,partners-db" });
    expect(code).toBe(2);
    expect(err).toContain("MIGRATION_CONNECTIONS names 2 connections (legacy-db, partners-db)");
    expect(api.calls).toEqual([]);
  });
});

describe("finish --rollback", () => {
  async function finished(): Promise<string> {
    const { code } = await finish([]);
    expect(code).toBe(0);
    const [backup] = backupFiles();
    if (backup === undefined) throw new Error("no backup");
    api.calls.length = 0;
    return backup;
  }

  it("puts the backup's login and get_user back, keeps every other option as it is now, and backs up first", async () => {
    const backup = await finished();
    (stored().options as JsonObject).brute_force_protection = false;
    const { code, out, err } = await finish(["--rollback", backup]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(scriptsNow()).toEqual({ login: LEGACY_LOGIN, get_user: LEGACY_GET_USER, change_password: CHANGE_PASSWORD });
    expect(stored().options.brute_force_protection).toBe(false);
    expect(stored().options.import_mode).toBe(true);
    expect(out).toContain('"Import Users to Auth0" is on');
    const files = backupFiles();
    expect(files).toHaveLength(2);
    const second = JSON.parse(readFileSync(files.find((file) => file !== backup) ?? "", "utf8"));
    expect(second.taken_before).toBe("rollback");
    expect(second.connection.options.customScripts.login).toBe(NO_OP_SCRIPTS.login);
    expect(api.calls.some((call) => call.path.startsWith("/api/v2/jobs"))).toBe(false);
  });

  it("refuses to overwrite scripts edited since finish, unless --force", async () => {
    const backup = await finished();
    const edited = "function login(email, password, callback) { return callback(new Error('maintenance')); }";
    scriptsNow().login = edited;
    const refused = await finish(["--rollback", backup]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("the connection's scripts are no longer the no-ops finish wrote: login was edited");
    expect(scriptsNow().login).toBe(edited);
    const forced = await finish(["--rollback", backup, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("--force: login was edited after finish");
    expect(scriptsNow().login).toBe(LEGACY_LOGIN);
  });

  it("refuses a backup of another tenant, a file that is not a backup, or one without a login script", async () => {
    const backup = await finished();
    const saved = JSON.parse(readFileSync(backup, "utf8"));
    const other = join(backups, "other-tenant.json");
    writeFileSync(other, JSON.stringify({ ...saved, tenant: "other-tenant.eu.auth0.com" }));
    const refused = await finish(["--rollback", other]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `the backup was taken from another tenant: it was taken from other-tenant.eu.auth0.com; AUTH0_DOMAIN is ${api.host}`,
    );
    const notBackup = join(backups, "not-a-backup.json");
    writeFileSync(notBackup, "{}");
    const wrong = await finish(["--rollback", notBackup]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(`${notBackup} is not a connection backup written by finish`);
    const scriptless = join(backups, "no-scripts.json");
    writeFileSync(scriptless, JSON.stringify({ ...saved, connection: { ...saved.connection, options: {} } }));
    const empty = await finish(["--rollback", scriptless]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain(`${scriptless} holds no login script to put back`);
    expect(patches()).toEqual([]);
  });
});
