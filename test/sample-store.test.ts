/** The sample legacy store over real HTTP on 127.0.0.1: the legacy API contract, auth, and fault switches. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/action/config";
import { readLegacyRecord } from "../src/action/legacy-record";
import { isForbiddenKeyName, RESERVED_APP_METADATA_KEYS } from "../src/action/metadata-rules";
import { SAMPLE_UNKNOWN_USER, SAMPLE_USERS } from "../src/local/sample-store/sample-users";
import { type SampleStore, startSampleStore } from "../src/local/sample-store/server";
import { runStoreCommand, StoreCommandError } from "../src/local/sample-store/store-command";
import { mappedStoreSecrets } from "../src/local/sample-store/store-secrets";

let store: SampleStore;
beforeAll(async () => {
  store = await startSampleStore();
});
afterEach(() => store.heal());
afterAll(() => store.close());

/** `token: null` sends no credentials. */
const get = (path: string, token: string | null = store.token, signal?: AbortSignal) =>
  fetch(`${store.origin}${path}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    signal,
  });

describe("the seed", () => {
  it("holds a dozen users with distinct ids, emails and usernames", () => {
    expect(SAMPLE_USERS).toHaveLength(12);
    for (const field of ["legacy_id", "email", "username"] as const) {
      expect(new Set(SAMPLE_USERS.map((user) => user[field])).size).toBe(12);
    }
    expect(SAMPLE_USERS.every((user) => /@example\.(com|org)$/.test(user.email))).toBe(true);
  });

  it("has metadata of several shapes: absent, null, empty, nested, arrays", () => {
    const userMetadata = SAMPLE_USERS.map((user) => user.user_metadata);
    expect(userMetadata).toContain(undefined);
    expect(userMetadata).toContain(null);
    expect(userMetadata).toContainEqual({});
    expect(SAMPLE_USERS.some((user) => user.app_metadata === null)).toBe(true);
    expect(
      userMetadata.some((metadata) => Object.values(metadata ?? {}).some((value) => typeof value === "object")),
    ).toBe(true);
    expect(SAMPLE_USERS.some((user) => Array.isArray(user.app_metadata?.entitlements))).toBe(true);
  });

  it("has one record with keys Auth0 cannot store, and an unknown user who is in none", () => {
    const unstorable = SAMPLE_USERS.filter(
      (user) =>
        Object.keys(user.user_metadata ?? {}).some(isForbiddenKeyName) &&
        Object.keys(user.app_metadata ?? {}).some((key) => RESERVED_APP_METADATA_KEYS.has(key)),
    );
    expect(unstorable.map((user) => user.legacy_id)).toEqual(["1005"]);
    expect(SAMPLE_USERS.some((user) => user.legacy_id === SAMPLE_UNKNOWN_USER.legacy_id)).toBe(false);
    expect(SAMPLE_USERS.some((user) => user.email === SAMPLE_UNKNOWN_USER.email)).toBe(false);
  });
});

describe("the legacy API", () => {
  it("listens on 127.0.0.1 on an ephemeral port and gives a LEGACY_API_URL per lookup field", () => {
    expect(store.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(store.recordUrl()).toBe(`${store.origin}/users/{legacy_id}`);
    expect(store.recordUrl("email")).toBe(`${store.origin}/users/by-email/{email}`);
    expect(store.recordUrl("username")).toBe(`${store.origin}/users/by-username/{username}`);
  });

  it("serves a user's record by legacy id, email (any case) and username", async () => {
    for (const path of ["/users/1001", "/users/by-email/ADA.LOVELACE%40example.com", "/users/by-username/ada"]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.json()).toMatchObject({
        id: "1001",
        user_metadata: { locale: "en-GB" },
        app_metadata: { plan: "pro" },
      });
    }
  });

  it("answers 404 for a user it does not know", async () => {
    const response = await get(`/users/${SAMPLE_UNKNOWN_USER.legacy_id}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "user_not_found" });
  });

  it("serves the same user in a second, flat shape, with no metadata object, for the metadata maps", async () => {
    expect(store.flatRecordUrl()).toBe(`${store.origin}/flat/users/{legacy_id}`);
    const response = await get("/flat/users/1010");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: 1010,
      email: "john.mccarthy@example.org",
      first_name: "John",
      last_name: "McCarthy",
      profile: { locale: "en-US", timezone: "America/Los_Angeles", newsletter: null },
      subscription: { plan: "pro", seats: null },
      roles: ["owner"],
      created_at: "2010-08-08T08:08:08Z",
    });
    expect((await get(`/flat/users/${SAMPLE_UNKNOWN_USER.legacy_id}`)).status).toBe(404);
    expect((await get("/flat/users/1010", null)).status).toBe(401);
  });

  it("reads its flat records into metadata with the sample maps, through the Action's own parser and reader", async () => {
    const parsed = parseConfig(mappedStoreSecrets(store));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const record = readLegacyRecord(await (await get("/flat/users/1010")).json(), parsed.config);
    expect(record).toEqual({
      ok: true,
      userMetadata: { given_name: "John", family_name: "McCarthy", locale: "en-US", timezone: "America/Los_Angeles" },
      appMetadata: { plan: "pro", roles: ["owner"], primary_role: "owner" },
    });
  });

  it("requires the bearer token", async () => {
    expect((await get("/users/1001", null)).status).toBe(401);
    const wrong = await get("/users/1001", "not-the-token");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("uses a fresh random token per start unless one is given", async () => {
    const other = await startSampleStore();
    const fixed = await startSampleStore({ token: "fixed" });
    expect(other.token).not.toBe(store.token);
    expect(other.token.length).toBeGreaterThanOrEqual(20);
    expect(fixed.token).toBe("fixed");
    await Promise.all([other.close(), fixed.close()]);
  });

  it("refuses other methods and paths", async () => {
    expect(
      (
        await fetch(`${store.origin}/users/1001`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${store.token}` },
        })
      ).status,
    ).toBe(405);
    expect((await get("/admin")).status).toBe(404);
  });

  it("records every request", async () => {
    const before = store.requests.length;
    await get("/users/1002");
    expect(store.requests.slice(before)).toEqual([{ method: "GET", path: "/users/1002", status: 200 }]);
  });
});

describe("fault switches", () => {
  it("add latency", async () => {
    store.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await get("/users/1001")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("fail with a status, for a number of requests, with Retry-After", async () => {
    store.setFaults({ status: 503, failures: 2, retryAfterSeconds: 7 });
    const first = await get("/users/1001");
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("7");
    expect((await get("/users/1001")).status).toBe(503);
    expect((await get("/users/1001")).status).toBe(200);
  });

  it("fail every request while no count is set, even without credentials (the backend is down)", async () => {
    store.setFaults({ status: 500 });
    expect((await get("/users/1001")).status).toBe(500);
    expect((await get("/users/1001", null)).status).toBe(500);
  });

  it("hang until the client gives up", async () => {
    store.setFaults({ hang: true });
    await expect(get("/users/1001", store.token, AbortSignal.timeout(200))).rejects.toThrow();
    expect(store.requests.at(-1)).toEqual({ method: "GET", path: "/users/1001" });
  });

  it.each([
    ["invalid_json", "application/json", (text: string) => expect(() => JSON.parse(text)).toThrow()],
    ["not_json", "text/html", (text: string) => expect(text).toMatch(/<html>/)],
    ["not_object", "application/json", (text: string) => expect(JSON.parse(text)).toEqual([1, 2, 3])],
    [
      "metadata_not_object",
      "application/json",
      (text: string) => expect(typeof JSON.parse(text).user_metadata).toBe("string"),
    ],
    ["oversized", "application/json", (text: string) => expect(text.length).toBeGreaterThan(256 * 1024)],
  ] as const)("send a malformed body: %s", async (malformed, type, check) => {
    store.setFaults({ malformed });
    const response = await get("/users/1001");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    check(await response.text());
  });

  it("are cleared by heal()", async () => {
    store.setFaults({ status: 503, hang: true, latencyMs: 5, malformed: "not_json" });
    store.heal();
    expect(store.faults).toEqual({ latencyMs: 0, hang: false });
    expect((await get("/users/1001")).status).toBe(200);
  });
});

it("closes even with a request left hanging", async () => {
  const hanging = await startSampleStore({ faults: { hang: true } });
  const pending = fetch(`${hanging.origin}/users/1001`).catch((error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await hanging.close();
  expect(await pending).toBeInstanceOf(Error);
});

describe("npm run sample-store", () => {
  it("serves the store on its own, printing the Action's secrets and a try command that reach it", async () => {
    const lines: string[] = [];
    const own = await runStoreCommand(["--token", "local-sample-token"], (line) => lines.push(line));
    if (own === undefined) throw new Error("the store did not start");
    try {
      expect(lines[0]).toBe(
        `Sample legacy store on ${own.origin} (Ctrl-C to stop). The Action's secrets that reach it:`,
      );
      expect(lines).toContain(`  LEGACY_API_URL=${own.origin}/users/{legacy_id}`);
      expect(lines).toContain("  LEGACY_API_TOKEN=local-sample-token");
      const [plain, mapped] = lines.filter((line) => line.includes("npm run try"));
      expect(plain).toBe(
        `  LEGACY_API_URL='${own.origin}/users/{legacy_id}' MIGRATION_CONNECTIONS='legacy-db' LEGACY_API_TOKEN='local-sample-token' npm run try -- --email ada.lovelace@example.com --legacy-id 1001`,
      );
      expect(mapped).toContain(`LEGACY_API_URL='${own.origin}/flat/users/{legacy_id}'`);
      expect(mapped).toContain(`LEGACY_USER_METADATA_MAP='{"given_name":"first_name",`);
      expect(mapped).toContain(`LEGACY_APP_METADATA_MAP='{"plan":"subscription.plan",`);
      const answer = await fetch(`${own.origin}/users/1001`, {
        headers: { authorization: "Bearer local-sample-token" },
      });
      expect(answer.status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it.each([
    [["--port", "70000"], /--port must be a whole number/],
    [["--token", "short"], /--token must be at least 8/],
    [["--verbose"], /^unknown flag --verbose$/],
  ])("refuses %j with one message", async (argv, message) => {
    await expect(runStoreCommand(argv, () => undefined)).rejects.toThrow(StoreCommandError);
    await expect(runStoreCommand(argv, () => undefined)).rejects.toThrow(message);
  });

  it("prints its help and starts nothing with --help", async () => {
    const lines: string[] = [];
    expect(await runStoreCommand(["--help"], (line) => lines.push(line))).toBeUndefined();
    expect(lines.join("\n")).toMatch(/^usage: npm run sample-store/);
  });

  it("says so when the port is taken", async () => {
    const port = Number(new URL(store.origin).port);
    await expect(runStoreCommand(["--port", String(port)], () => undefined)).rejects.toThrow(
      `cannot listen on 127.0.0.1:${port}: the port is already in use`,
    );
  });
});
