/**
 * The built Action end to end: the bundle in the local Actions runtime, against the
 * sample legacy store over real HTTP, for every outcome of the README's failure table. The runtime
 * applies Auth0's rules, so a write Auth0 would refuse fails the flow here too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MARKER_KEY } from "../src/action/metadata-rules";
import { DENY_MESSAGE } from "../src/action/outcome";
import { SAMPLE_UNKNOWN_USER, sampleUser as seed } from "../src/local/sample-store/sample-users";
import { type SampleStore, startSampleStore } from "../src/local/sample-store/server";
import { builtBundle, bundleRuntime, logOf, migratedUser, sampleStoreSecrets } from "./support/local-bundle";

let store: SampleStore;
beforeAll(async () => {
  store = await startSampleStore();
  await builtBundle();
}, 60_000);
afterEach(() => store.heal());
afterAll(() => store.close());

const secrets = (extra: Record<string, string> = {}) => sampleStoreSecrets(store, extra);

/** Runs one login and says how many requests the store saw during it. */
async function login(runtime: Awaited<ReturnType<typeof bundleRuntime>>, ...args: Parameters<typeof runtime.execute>) {
  const before = store.requests.length;
  const result = await runtime.execute(...args);
  return { result, calls: store.requests.length - before, log: logOf(result) };
}

describe("repaired", () => {
  it("restores everything a migrated user lost, and marks them", async () => {
    const runtime = await bundleRuntime(secrets());
    const { result, calls, log } = await login(runtime, { user: migratedUser("1001") });
    expect(result.status).toBe("completed");
    expect(result.persisted).toBe(true);
    expect(result.user.user_metadata).toEqual(seed("1001").user_metadata);
    expect(result.user.app_metadata).toEqual({
      ...seed("1001").app_metadata,
      [MARKER_KEY]: { v: 1, status: "repaired", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    expect(log).toMatchObject({ outcome: "repaired", user_keys: "4", app_keys: "4", skipped_keys: "0", attempts: "1" });
    expect(calls).toBe(1);
  });

  it("fills only the missing keys and never overwrites what Auth0 holds", async () => {
    const runtime = await bundleRuntime(secrets({ REQUIRED_USER_METADATA_KEYS: "locale,timezone" }));
    const user = migratedUser("1002", {
      user_metadata: { locale: "fr-FR", newsletter: false },
      app_metadata: { plan: "x" },
    });
    const { result } = await login(runtime, { user });
    expect(result.user.user_metadata).toEqual({
      locale: "fr-FR",
      newsletter: false,
      timezone: "America/New_York",
      saved_searches: ["compilers", "cobol", "nanoseconds"],
    });
    expect(result.user.app_metadata).toMatchObject({ plan: "x", roles: ["member"], customer_id: "cus_3Hd9aQ" });
  });

  it("skips whole the keys Auth0 cannot store, so the profile update goes through", async () => {
    const runtime = await bundleRuntime(secrets());
    const { result, log } = await login(runtime, { user: migratedUser("1005") });
    expect(result.status).toBe("completed");
    expect(result.user.user_metadata).toEqual({ locale: "nl-NL", timezone: "Europe/Amsterdam" });
    expect(Object.keys(result.user.app_metadata as object).sort()).toEqual([MARKER_KEY, "plan", "roles"]);
    expect(log).toMatchObject({ outcome: "repaired", user_keys: "2", app_keys: "2", skipped_keys: "5" });
  });

  it("retries a transient failure within the budget", async () => {
    store.setFaults({ status: 503, failures: 1 });
    const { result, calls, log } = await login(await bundleRuntime(secrets()), { user: migratedUser("1012") });
    expect(log).toMatchObject({ outcome: "repaired", attempts: "2" });
    expect(calls).toBe(2);
    expect(result.user.user_metadata).toEqual(seed("1012").user_metadata);
  });

  it("addresses users by email when the URL template says so", async () => {
    const runtime = await bundleRuntime(secrets({ LEGACY_API_URL: store.recordUrl("email") }));
    const user = migratedUser("1007", { email: "Margaret.Hamilton@example.com" });
    const { result } = await login(runtime, { user });
    expect(result.user.app_metadata).toMatchObject({
      plan: "enterprise",
      entitlements: seed("1007").app_metadata?.entitlements,
    });
    expect(store.requests.at(-1)?.path).toBe("/users/by-email/Margaret.Hamilton%40example.com");
  });
});

describe("the 32 kB budget", () => {
  it.each([32_700, 32_760, 40_000])(
    "keeps a record of about %i bytes per side within what the runtime lets Auth0 persist",
    async (size) => {
      const big = await startSampleStore({
        users: [
          {
            ...seed("1001"),
            user_metadata: { big: "x".repeat(size - 12), small: "y" },
            app_metadata: { big: "z".repeat(size - 12), small: 1 },
          },
        ],
      });
      try {
        const runtime = await bundleRuntime(secrets({ LEGACY_API_URL: big.recordUrl(), LEGACY_API_TOKEN: big.token }));
        const user = migratedUser("1001", { user_metadata: { é: "ü".repeat(50) } });
        const { result, log } = await login(runtime, { user });
        expect(result.status).toBe("completed");
        expect(log?.outcome).toBe("repaired");
        expect(Number(log?.skipped_keys)).toBeGreaterThan(0);
      } finally {
        await big.close();
      }
    },
  );
});

describe("not_found", () => {
  it("marks a user the store does not know, so the next login does not ask again", async () => {
    const runtime = await bundleRuntime(secrets());
    const user = migratedUser(SAMPLE_UNKNOWN_USER.legacy_id);
    const first = await login(runtime, { user });
    expect(first.log).toMatchObject({ outcome: "not_found", attempts: "1" });
    expect(first.result.user.app_metadata).toEqual({ [MARKER_KEY]: expect.objectContaining({ status: "not_found" }) });
    expect(first.result.user.user_metadata).toEqual({});
    const second = await login(runtime, { user: first.result.user });
    expect(second.calls).toBe(0);
    expect(second.log).toBeUndefined();
  });
});

describe("legacy_error and legacy_down", () => {
  it("leaves no marker during an outage, and later logins skip at once while it is remembered", async () => {
    store.setFaults({ status: 503 });
    const runtime = await bundleRuntime(secrets({ LEGACY_API_TIMEOUT_MS: "2000" }));
    const first = await login(runtime, { user: migratedUser("1001") });
    expect(first.log).toMatchObject({ outcome: "legacy_error", reason: "status_503", status: "503" });
    expect(Number(first.log?.attempts)).toBeGreaterThan(1);
    expect(first.result.status).toBe("completed");
    expect(first.result.writes).toEqual([]);
    expect(runtime.cache.keys().some((key) => key.startsWith("rmm:down:"))).toBe(true);

    const second = await login(runtime, { user: migratedUser("1002") });
    expect(second.log).toMatchObject({ outcome: "legacy_down" });
    expect(second.calls).toBe(0);
  });

  it("reports a store that does not answer within LEGACY_API_TIMEOUT_MS, and returns in time", async () => {
    store.setFaults({ hang: true });
    const { result, log } = await login(await bundleRuntime(secrets({ LEGACY_API_TIMEOUT_MS: "300" })), {
      user: migratedUser("1001"),
    });
    expect(log).toMatchObject({ outcome: "legacy_error", reason: "timeout" });
    expect(result.status).toBe("completed");
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it("reports a store nobody listens on", async () => {
    const gone = await startSampleStore();
    await gone.close();
    const runtime = await bundleRuntime(secrets({ LEGACY_API_URL: gone.recordUrl(), LEGACY_API_TIMEOUT_MS: "4000" }));
    const { log } = await login(runtime, { user: migratedUser("1001") });
    expect(log).toMatchObject({ outcome: "legacy_error", reason: "connection_refused" });
  });

  it("denies the login when ON_LEGACY_ERROR=deny and the store fails, but not for an unknown user", async () => {
    store.setFaults({ status: 500 });
    const runtime = await bundleRuntime(secrets({ ON_LEGACY_ERROR: "deny", LEGACY_API_TIMEOUT_MS: "500" }));
    const failed = await login(runtime, { user: migratedUser("1001") });
    expect(failed.result).toMatchObject({ status: "denied", reason: DENY_MESSAGE });
    store.heal();
    const unknown = await login(await bundleRuntime(secrets({ ON_LEGACY_ERROR: "deny" })), {
      user: migratedUser(SAMPLE_UNKNOWN_USER.legacy_id),
    });
    expect(unknown.result.status).toBe("completed");
  });
});

describe("invalid_response", () => {
  it.each([
    ["not_json", "not_json"],
    ["invalid_json", "invalid_json"],
    ["not_object", "record_not_object"],
    ["metadata_not_object", "user_metadata_not_object"],
    ["oversized", "body_too_large"],
  ] as const)("is the outcome of a malformed body (%s), with no marker and no retry", async (malformed, reason) => {
    store.setFaults({ malformed });
    const { result, calls, log } = await login(await bundleRuntime(secrets()), { user: migratedUser("1001") });
    expect(log).toMatchObject({ outcome: "invalid_response", reason, attempts: "1" });
    expect(calls).toBe(1);
    expect(result.writes).toEqual([]);
  });

  it("is the outcome of refused credentials", async () => {
    const { log } = await login(await bundleRuntime(secrets({ LEGACY_API_TOKEN: "wrong" })), {
      user: migratedUser("1001"),
    });
    expect(log).toMatchObject({ outcome: "invalid_response", reason: "status_401", status: "401" });
  });
});

describe("config_error", () => {
  it("lets the login through and logs which secret is wrong, without calling the store", async () => {
    const runtime = await bundleRuntime({ LEGACY_API_URL: store.recordUrl(), LEGACY_API_TOKEN: store.token });
    const { result, calls, log } = await login(runtime, { user: migratedUser("1001") });
    expect(log).toMatchObject({ outcome: "config_error", secret: "MIGRATION_CONNECTIONS", reason: "missing" });
    expect(result.status).toBe("completed");
    expect(calls).toBe(0);
  });
});

describe("silent skips", () => {
  it.each([
    ["a refresh-token exchange", { protocol: "oauth2-refresh-token" }, migratedUser("1001")],
    [
      "another connection",
      {},
      {
        ...migratedUser("1001"),
        identities: [{ connection: "google-oauth2", provider: "google-oauth2", user_id: "g1", isSocial: true }],
      },
    ],
    [
      "a user already marked",
      {},
      migratedUser("1001", { app_metadata: { [MARKER_KEY]: { v: 1, status: "repaired", at: "x" } } }),
    ],
    ["complete metadata", {}, migratedUser("1001", { user_metadata: { a: 1 }, app_metadata: { b: 2 } })],
  ])("%s: no call, no log, no write", async (_case, extra, user) => {
    const { result, calls, log } = await login(await bundleRuntime(secrets()), { user, ...extra });
    expect([calls, log, result.writes, result.status]).toEqual([0, undefined, [], "completed"]);
  });
});

it("logs one line of at most 256 characters without the user's email", async () => {
  store.setFaults({ status: 503 });
  const { result } = await login(await bundleRuntime(secrets({ LEGACY_API_TIMEOUT_MS: "300" })), {
    user: migratedUser("1001"),
  });
  const [log] = result.logs;
  expect(log?.full.split("\n")).toHaveLength(1);
  expect(log?.full.length).toBeLessThanOrEqual(256);
  expect(log?.full).not.toContain("@example.com");
});
