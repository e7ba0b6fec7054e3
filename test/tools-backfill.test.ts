import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSampleStore } from "../src/local/sample-store/server";
import { SAMPLE_METADATA_MAPS } from "../src/local/sample-store/store-secrets";
import { main } from "../src/tools/main";
import { EMPTY_DOTENV, toolsEnv, toolsServers } from "./support/tools-env";
import { captureIo, MockTenant, migrated } from "./support/tools-tenant";

const tools = toolsServers();
const { server } = tools;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rmm-backfill-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const marker = (status: string) => ({ v: 1, status, at: "2026-01-01T00:00:00.000Z" });

/** Four users needing repair (one partly filled in Auth0, one the store does not know), and two who do not. */
function seededTenant(options: ConstructorParameters<typeof MockTenant>[0] = {}): MockTenant {
  const tenant = new MockTenant(options);
  tenant.seed([
    migrated("1001", { user_metadata: {}, app_metadata: {} }),
    migrated("1002", { user_metadata: { locale: "fr-FR" }, app_metadata: { plan: "enterprise" } }),
    migrated("1003", {}),
    migrated("2001", {}),
    migrated("1004", { user_metadata: { locale: "en", timezone: "UTC" }, app_metadata: { plan: "pro" } }),
    migrated("1005", { app_metadata: { legacy_metadata_repair: marker("repaired") } }),
  ]);
  return tenant;
}

async function backfill(argv: string[], env = toolsEnv(tools.store), signal?: AbortSignal) {
  const io = captureIo();
  const checkpoint = join(dir, "checkpoint.json");
  const code = await main(["backfill", "--dotenv", EMPTY_DOTENV, "--checkpoint", checkpoint, ...argv], {
    env,
    ...io,
    signal,
    exportPollMs: 5,
  });
  return { code, checkpoint, ...io };
}

describe("backfill", () => {
  it("writes only the missing keys and the marker, with the Action's rules", async () => {
    const tenant = seededTenant();
    server.use(...tenant.handlers());
    const { code, text } = await backfill(["--concurrency", "2"]);
    expect(code).toBe(0);

    const [ada] = tenant.updatesOf("auth0|1001") as Array<Record<string, Record<string, unknown>>>;
    expect(ada?.user_metadata).toEqual({
      locale: "en-GB",
      timezone: "Europe/London",
      newsletter: true,
      preferences: { theme: "dark", units: "metric", digest: "weekly" },
    });
    expect(ada?.app_metadata).toMatchObject({ plan: "pro", customer_id: "cus_7Qm2xL", seats: 12 });
    expect(ada?.app_metadata?.legacy_metadata_repair).toMatchObject({ v: 1, status: "repaired" });

    // Fill only: what Auth0 already holds is never in the update.
    const [grace] = tenant.updatesOf("auth0|1002") as Array<Record<string, Record<string, unknown>>>;
    expect(grace?.user_metadata).not.toHaveProperty("locale");
    expect(grace?.user_metadata).toHaveProperty("timezone", "America/New_York");
    expect(grace?.app_metadata).not.toHaveProperty("plan");
    expect(tenant.users.get("auth0|1002")?.user_metadata).toMatchObject({
      locale: "fr-FR",
      timezone: "America/New_York",
    });

    // Unknown to the store: the marker alone.
    expect(tenant.updatesOf("auth0|2001")).toEqual([
      { app_metadata: { legacy_metadata_repair: expect.objectContaining({ status: "not_found" }) } },
    ]);
    // Complete or already marked: not even read.
    expect(tenant.count("GET", "/users/auth0|1004")).toBe(0);
    expect(tenant.count("GET", "/users/auth0|1005")).toBe(0);

    expect(text()).toMatch(/backfill finished: 4 user\(s\) needing repair/);
    expect(text()).toMatch(/repaired\s+3 /);
    expect(text()).toMatch(/marked not_found\s+1/);
    expect(text()).toMatch(/failed\s+0/);
  });

  it("--dry-run prints the plan per user and writes nothing, not even a checkpoint", async () => {
    const tenant = seededTenant();
    server.use(...tenant.handlers());
    const { code, text, checkpoint } = await backfill(["--dry-run"]);
    expect(code).toBe(0);
    expect(tenant.count("PATCH", "/users")).toBe(0);
    expect(tenant.count("GET", "/users/")).toBe(0);
    expect(existsSync(checkpoint)).toBe(false);
    const lines = text().split("\n");
    expect(lines).toContain(
      "auth0|1002  would write user_metadata: newsletter, saved_searches, timezone; app_metadata: customer_id, roles; marker repaired",
    );
    expect(lines).toContain("auth0|2001  not in the legacy store: would write marker not_found");
    expect(text()).toContain("dry run (nothing written) finished");
    expect(text()).toMatch(/would be repaired\s+3/);
  });

  it("lists users who cannot log in until their profile is fixed, and never reads or writes them", async () => {
    const tenant = new MockTenant();
    tenant.seed([
      migrated("1001", { user_metadata: "locale=en", app_metadata: {} }),
      migrated("1002", { user_metadata: {}, app_metadata: {} }),
    ]);
    server.use(...tenant.handlers());
    const { code, text, errors } = await backfill([]);
    expect(code).toBe(0);
    expect(errors()).toContain(
      "auth0|1001  cannot log in until their profile is fixed (user_metadata_not_object): fix it by hand, nothing written",
    );
    expect(text()).toMatch(/cannot log in\s+1 /);
    expect([tenant.count("GET", "/users/auth0|1001"), tenant.updatesOf("auth0|1001")]).toEqual([0, []]);
    expect(tenant.updatesOf("auth0|1002")).toHaveLength(1);
  });

  it("leaves alone a user who logged in and was repaired between the export and the write", async () => {
    const tenant = seededTenant();
    // The export still shows 1001 missing everything; the tenant already holds the Action's repair.
    const repairedByLogin = {
      user_metadata: { locale: "en-GB", timezone: "Europe/London", theme_choice: "light" },
      app_metadata: { plan: "pro", legacy_metadata_repair: marker("repaired") },
    };
    Object.assign(tenant.users.get("auth0|1001") ?? {}, structuredClone(repairedByLogin));
    server.use(...tenant.handlers());
    const { code, text } = await backfill([]);
    expect(code).toBe(0);
    expect(tenant.count("GET", "/users/auth0|1001")).toBe(1);
    expect(tenant.updatesOf("auth0|1001")).toEqual([]);
    expect(tenant.users.get("auth0|1001")).toMatchObject(repairedByLogin);
    expect(text()).toMatch(/repaired since the export\s+1/);
  });

  it("plans against the user as re-read, not as exported, when a login filled some keys meanwhile", async () => {
    const tenant = seededTenant();
    const user = tenant.users.get("auth0|1003");
    if (user) user.user_metadata = { locale: "de-DE" };
    server.use(...tenant.handlers());
    expect((await backfill([])).code).toBe(0);
    const [update] = tenant.updatesOf("auth0|1003") as Array<Record<string, Record<string, unknown>>>;
    expect(update?.user_metadata).not.toHaveProperty("locale");
    expect(tenant.users.get("auth0|1003")?.user_metadata).toMatchObject({ locale: "de-DE", timezone: "Europe/London" });
  });

  it("resumes after an interruption without redoing finished users", async () => {
    const tenant = seededTenant();
    const stop = new AbortController();
    tenant.onUpdate = (_id, count) => {
      if (count === 2) stop.abort();
    };
    server.use(...tenant.handlers());
    const first = await backfill(["--concurrency", "1"], toolsEnv(tools.store), stop.signal);
    expect(first.code).toBe(130);
    expect(first.text()).toContain("Interrupted: run the same command again");
    const saved = JSON.parse(readFileSync(first.checkpoint, "utf8"));
    expect(saved.done).toHaveLength(2);

    // The export is a snapshot: the second run sees the same four users needing repair.
    tenant.onUpdate = undefined;
    const second = await backfill(["--concurrency", "1"]);
    expect(second.code).toBe(0);
    expect(second.text()).toMatch(/4 user\(s\) needing repair, 2 already done in an earlier run, 2 processed now/);
    for (const id of ["auth0|1001", "auth0|1002", "auth0|1003", "auth0|2001"]) {
      expect(tenant.updatesOf(id)).toHaveLength(1);
    }
    for (const id of saved.done as string[]) expect(tenant.count("GET", `/users/${id}`)).toBe(1);
  });

  it("waits out a 429 and retries the call itself, with the SDK's own retries off", async () => {
    const tenant = seededTenant();
    tenant.rateLimitNext = 2;
    server.use(...tenant.handlers());
    const { code, text } = await backfill(["--concurrency", "1"]);
    expect(code).toBe(0);
    // Four users read once each, plus exactly the two refused reads: no hidden SDK retries.
    expect(tenant.count("GET", "/users/")).toBe(4 + 2);
    expect(tenant.count("PATCH", "/users/")).toBe(4);
    expect(text()).toMatch(/2 rate-limited \(429\) answer/);
  });

  it("stays within a tenant's per-second limit using X-RateLimit headers", async () => {
    const tenant = new MockTenant({ ratePerSecond: 6 });
    tenant.seed(["1001", "1002", "1003", "1006", "1007", "1008"].map((id) => migrated(id, {})));
    server.use(...tenant.handlers());
    const { code } = await backfill(["--concurrency", "2"]);
    expect(code).toBe(0);
    // Remaining down to the worker count pauses new calls until the reset: the limit is never crossed.
    expect(tenant.refusedByLimit).toBe(0);
    expect(tenant.count("PATCH", "/users/")).toBe(6);
    for (const id of ["1001", "1002", "1003", "1006", "1007", "1008"]) {
      expect(tenant.users.get(`auth0|${id}`)?.app_metadata).toHaveProperty("legacy_metadata_repair.status", "repaired");
    }
  });

  it("exits non-zero and names the user when one failed; the next run retries it", async () => {
    const tenant = seededTenant();
    server.use(...tenant.handlers());
    // One refused answer (not retryable) for the first legacy call.
    tools.store.setFaults({ status: 400, failures: 1 });
    const first = await backfill(["--concurrency", "1"]);
    expect(first.code).toBe(1);
    expect(first.errors()).toMatch(/auth0\|1001 {2}FAILED invalid_response:status_400/);
    expect(first.text()).toMatch(/failed\s+1 {2}\(run the command again/);
    expect(tenant.updatesOf("auth0|1001")).toHaveLength(0);
    const second = await backfill(["--concurrency", "1"]);
    expect(second.code).toBe(0);
    expect(tenant.updatesOf("auth0|1001")).toHaveLength(1);
  });

  it("fails a user whose re-read answers something that is not that user, instead of calling them deleted", async () => {
    const tenant = seededTenant();
    // A proxy or a changed API answering 200 with something else: not a user, nor a 404.
    server.use(
      http.get("https://tools-tenant.test/api/v2/users/:id", ({ params }) =>
        params.id === "auth0|1001" ? HttpResponse.json({ message: "ok" }) : undefined,
      ),
      http.get("https://tools-tenant.test/api/v2/users/:id", ({ params }) =>
        params.id === "auth0|1003" ? HttpResponse.json({ ...tenant.users.get("auth0|1002") }) : undefined,
      ),
      ...tenant.handlers(),
    );
    const first = await backfill(["--concurrency", "1"]);
    expect(first.code).toBe(1);
    expect(first.errors()).toContain("auth0|1001  FAILED management_api:not_the_user (retried on the next run)");
    expect(first.errors()).toContain("auth0|1003  FAILED management_api:not_the_user (retried on the next run)");
    expect(first.text()).toMatch(/deleted since the export\s+0\n/);
    expect(tenant.updatesOf("auth0|1001")).toHaveLength(0);
    expect(tenant.updatesOf("auth0|1003")).toHaveLength(0);
    // Neither is in the checkpoint: the next run, with the tenant answering as it should, repairs them.
    server.resetHandlers();
    server.use(...tenant.handlers());
    const second = await backfill(["--concurrency", "1"]);
    expect(second.code).toBe(0);
    expect(tenant.updatesOf("auth0|1001")).toHaveLength(1);
    expect(tenant.updatesOf("auth0|1003")).toHaveLength(1);
  });

  it("refuses a checkpoint it cannot write or read before writing any user (exit 2), rather than failing after", async () => {
    const tenant = seededTenant();
    server.use(...tenant.handlers());
    const io = captureIo();
    const missing = join(dir, "no-such-folder", "checkpoint.json");
    const args = ["backfill", "--dotenv", EMPTY_DOTENV];
    const code = await main([...args, "--checkpoint", missing], { env: toolsEnv(tools.store), ...io, exportPollMs: 5 });
    expect(code).toBe(2);
    expect(io.errors()).toBe(
      `repair-migrated-metadata backfill: cannot write the checkpoint ${missing}: no such file or folder\n` +
        "  pass --checkpoint <path> in a folder this user can write\n",
    );
    expect(tenant.count("PATCH", "/users/")).toBe(0);

    const folder = captureIo();
    const again = await main([...args, "--checkpoint", dir], {
      env: toolsEnv(tools.store),
      ...folder,
      exportPollMs: 5,
    });
    expect(again).toBe(2);
    expect(folder.errors()).toBe(
      `repair-migrated-metadata backfill: cannot read the checkpoint ${dir}: it is a folder\n  pass another --checkpoint path\n`,
    );
    expect(tenant.count("PATCH", "/users/")).toBe(0);
  });

  it("reads a legacy API as it is through the metadata maps, writing exactly what a login would", async () => {
    const tenant = new MockTenant();
    tenant.seed([
      migrated("1010", { user_metadata: {}, app_metadata: {} }),
      migrated("1002", { user_metadata: { locale: "fr-FR" }, app_metadata: {} }),
    ]);
    server.use(...tenant.handlers());
    const env = toolsEnv(tools.store, { ...SAMPLE_METADATA_MAPS, LEGACY_API_URL: tools.store.flatRecordUrl() });
    const { code, text } = await backfill(["--concurrency", "1"], env);
    expect(code).toBe(0);
    expect(tenant.updatesOf("auth0|1010")).toEqual([
      {
        user_metadata: {
          family_name: "McCarthy",
          given_name: "John",
          locale: "en-US",
          timezone: "America/Los_Angeles",
        },
        app_metadata: {
          plan: "pro",
          primary_role: "owner",
          roles: ["owner"],
          legacy_metadata_repair: expect.objectContaining({ status: "repaired" }),
        },
      },
    ]);
    // Fill only, through a map as at a path: Auth0's locale stays.
    const [grace] = tenant.updatesOf("auth0|1002") as Array<Record<string, Record<string, unknown>>>;
    expect(grace?.user_metadata).toEqual({
      family_name: "Hopper",
      given_name: "Grace",
      newsletter: true,
      timezone: "America/New_York",
    });
    expect(text()).toMatch(/repaired\s+2 /);
  });

  it("refuses a map the Action would refuse, naming it and not its content, before reading anything", async () => {
    const tenant = seededTenant();
    server.use(...tenant.handlers());
    const env = toolsEnv(tools.store, { LEGACY_APP_METADATA_MAP: '{"blocked":"private.flag"}' });
    const before = tools.store.requests.length;
    const { code, errors } = await backfill([], env);
    expect(code).toBe(2);
    expect(errors()).toContain("LEGACY_APP_METADATA_MAP: reserved_key");
    expect(errors()).not.toContain("private.flag");
    expect(tools.store.requests.length).toBe(before);
    expect(tenant.count("GET", "/")).toBe(0);
  });

  it("stops with one message when the legacy store cannot be reached, having written nothing", async () => {
    const tenant = seededTenant();
    server.use(...tenant.handlers());
    const closed = await startSampleStore();
    await closed.close();
    const env = toolsEnv(tools.store, { LEGACY_API_URL: closed.recordUrl("legacy_id"), LEGACY_API_TIMEOUT_MS: "300" });
    const { code, errors } = await backfill([], env);
    expect(code).toBe(2);
    expect(errors()).toMatch(
      /^repair-migrated-metadata backfill: fetching legacy records \(3 users in a row\) failed at 127\.0\.0\.1:\d+: refused: .*\n {2}nothing was written to the tenant\n {2}check LEGACY_API_URL \(host and port\)/m,
    );
    expect(tenant.count("PATCH", "/users/")).toBe(0);
  });

  it("stops with one message when the tenant fails mid-run, saying how many users were written", async () => {
    const tenant = seededTenant({ updatesBeforeFailing: 2 });
    server.use(...tenant.handlers());
    const { code, errors, checkpoint } = await backfill(["--concurrency", "1"]);
    expect(code).toBe(2);
    expect(errors()).toMatch(
      /repair-migrated-metadata backfill: updating user auth0\|\d+ failed at tools-tenant\.test: HTTP 503 \(Service Unavailable\)\n {2}2 user\(s\) were updated before it stopped; they are in the checkpoint/,
    );
    // Retried first (three attempts), then stopped: no other user was tried.
    expect(tenant.count("PATCH", "/users/")).toBe(2 + 3);
    expect(JSON.parse(readFileSync(checkpoint, "utf8")).done).toHaveLength(2);
  });

  it("stops with one message when the legacy store fails for every user from the start", async () => {
    const tenant = seededTenant();
    server.use(...tenant.handlers());
    tools.store.setFaults({ status: 503, retryAfterSeconds: 0 });
    const { code, errors } = await backfill([], toolsEnv(tools.store, { LEGACY_API_TIMEOUT_MS: "300" }));
    expect(code).toBe(2);
    expect(errors()).toMatch(
      /fetching legacy records \(3 users in a row\) failed at 127\.0\.0\.1:\d+: HTTP 503\n {2}nothing was written to the tenant\n/,
    );
    expect(tenant.count("PATCH", "/users/")).toBe(0);
  });
});
