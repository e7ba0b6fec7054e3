import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedSampleUsers } from "../bench/tools-generated-store";
import { startSampleStore } from "../src/local/sample-store/server";
import { SAMPLE_METADATA_MAPS } from "../src/local/sample-store/store-secrets";
import { writeExportFile } from "../src/tools/export/export-file";
import { main } from "../src/tools/main";
import type { TenantUser } from "../src/tools/tenant-user";
import { EMPTY_DOTENV, toolsEnv, toolsServers } from "./support/tools-env";
import { captureIo, MockTenant, migrated, TENANT_DOMAIN } from "./support/tools-tenant";

const tools = toolsServers();
const { server } = tools;
// Each verify run appends to its history: here, a file of this test's own, never the working directory's.
let historyDir = "";
let HISTORY: string[] = [];
beforeAll(() => {
  historyDir = mkdtempSync(join(tmpdir(), "rmm-verify-history-"));
  HISTORY = ["--history", join(historyDir, "history.jsonl")];
});
afterAll(() => rmSync(historyDir, { recursive: true, force: true }));

const marker = (status: string, v = 1) => ({ v, status, at: "2026-01-01T00:00:00.000Z" });

/** One tenant user per report category (the sample store holds legacy ids 1001 to 1012). */
function tenantWithEveryCategory(options: ConstructorParameters<typeof MockTenant>[0] = {}): MockTenant {
  const tenant = new MockTenant(options);
  tenant.seed([
    migrated("1001", {
      user_metadata: { locale: "en-GB", timezone: "Europe/London" },
      app_metadata: { plan: "pro", legacy_metadata_repair: marker("repaired") },
    }),
    migrated("1002", { user_metadata: {}, app_metadata: {} }),
    migrated("1003", { user_metadata: { locale: "en-GB", timezone: "Europe/London" }, app_metadata: { plan: "free" } }),
    migrated("1004", { user_metadata: "locale=en", app_metadata: { plan: "pro" } }),
    migrated("1005", { app_metadata: { legacy_metadata_repair: marker("repaired", 0) } }),
    migrated("2001", { app_metadata: { legacy_metadata_repair: marker("not_found") } }),
    migrated("3001", { user_metadata: { locale: "fr", timezone: "Europe/Paris" }, app_metadata: { plan: "x" } }),
  ]);
  return tenant;
}

async function verify(argv: string[], env: Record<string, string>) {
  const io = captureIo();
  const code = await main(["verify", "--dotenv", EMPTY_DOTENV, ...HISTORY, ...argv], { env, ...io, exportPollMs: 5 });
  return { code, ...io };
}

describe("verify", () => {
  it("reports every category from the legacy list and an export job, with a NOT YET verdict", async () => {
    const tenant = tenantWithEveryCategory();
    server.use(...tenant.handlers());
    const { code, text } = await verify(["--json", "--examples", "3"], toolsEnv(tools.store));
    expect(code).toBe(0);
    const report = JSON.parse(text());
    expect(report.legacy_users).toBe(12);
    expect(report.tenant_users).toBe(7);
    const counts = Object.fromEntries(
      Object.entries(report.categories).map(([k, v]) => [k, (v as { count: number }).count]),
    );
    expect(counts).toEqual({
      not_migrated: 7,
      missing_metadata: 2,
      unrepairable: 1,
      repaired: 1,
      unknown_to_store: 1,
      not_listed: 2,
      complete: 2,
    });
    expect(report.categories.missing_metadata.examples).toEqual(["auth0|1002", "auth0|1005"]);
    expect(report.categories.unrepairable.examples).toEqual(["auth0|1004"]);
    expect(report.categories.not_listed.examples.sort()).toEqual(["auth0|2001", "auth0|3001"]);
    expect(report.categories.not_migrated.examples).toHaveLength(3);
    expect(report.can_switch_off).toBe(false);
    expect(report.verdict).toMatch(/^NOT YET: 7 legacy users have not migrated/);
    // The export job asked for the connection's users as NDJSON, with the metadata.
    const job = tenant.calls.find((c) => c.path === "/jobs/users-exports")?.body as Record<string, unknown>;
    expect(job).toMatchObject({ connection_id: "con_legacy", format: "json" });
    // The store's list was paged (limit 5 over 12 users: three pages).
    expect(tools.store.requests.filter((r) => r.path.startsWith("/users?")).length).toBe(3);
  });

  it("prints a table a person can read, ending with the verdict", async () => {
    const tenant = tenantWithEveryCategory();
    server.use(...tenant.handlers());
    const { code, text } = await verify([], toolsEnv(tools.store));
    expect(code).toBe(0);
    const lines = text().split("\n");
    expect(lines[0]).toContain("connection(s) legacy-db (REPAIR_VERSION 1)");
    expect(lines.find((l) => l.includes("migrated users still missing metadata"))).toMatch(
      /\s2\s+auth0\|1002, auth0\|1005$/,
    );
    expect(lines.find((l) => l.includes("legacy users not yet migrated"))).toMatch(/\s7\s+\d+/);
    expect(text()).toContain("Can the legacy store be switched off? NOT YET");
  });

  it("reports users who cannot log in in their own row, whatever their marker or other metadata say", async () => {
    const tenant = new MockTenant();
    tenant.seed([
      migrated("1006", {
        user_metadata: ["x"],
        app_metadata: { plan: "p", legacy_metadata_repair: marker("repaired") },
      }),
      migrated("1007", { user_metadata: {}, app_metadata: "plan=pro" }),
      migrated("1008", { user_metadata: {}, app_metadata: {} }),
    ]);
    server.use(...tenant.handlers());
    const { text } = await verify([], toolsEnv(tools.store));
    const lines = text().split("\n");
    expect(lines.find((l) => l.includes("cannot log in until their profile is fixed"))).toMatch(
      /\s2\s+auth0\|1006, auth0\|1007$/,
    );
    expect(lines.find((l) => l.includes("migrated users still missing metadata"))).toMatch(/\s1\s+auth0\|1008$/);
    expect(lines.find((l) => l.includes("repaired (marker: repaired)"))).toMatch(/\s0\s*$/);
    expect(text()).toContain("2 users cannot log in until their profile is fixed");
  });

  it("says YES once every legacy user is in Auth0 and none is missing metadata", async () => {
    const tenant = new MockTenant();
    const done = {
      user_metadata: { locale: "x", timezone: "y" },
      app_metadata: { plan: "p", legacy_metadata_repair: marker("repaired") },
    };
    tenant.seed(Array.from({ length: 12 }, (_, i) => migrated(String(1001 + i), structuredClone(done))));
    server.use(...tenant.handlers());
    const { code, text } = await verify(["--json"], toolsEnv(tools.store));
    expect(code).toBe(0);
    const report = JSON.parse(text());
    expect(report.can_switch_off).toBe(true);
    expect(report.categories.repaired.count).toBe(12);
    expect(report.verdict).toMatch(/^YES: .*no-ops/);
  });

  it("reads a downloaded export file instead of a job, for thousands of users", async () => {
    const count = 3000;
    const legacyId = (i: number) => String(100_000 + i);
    const big = await startSampleStore({ users: generatedSampleUsers(count, legacyId) });
    const dir = mkdtempSync(join(tmpdir(), "rmm-verify-test-"));
    try {
      // Every third legacy user migrated, half of those without metadata; plus 10 the store does not list.
      const exported: TenantUser[] = [];
      for (let i = 0; i < count; i += 3) {
        const complete = i % 2 === 0;
        exported.push(
          migrated(
            legacyId(i),
            complete ? { user_metadata: { locale: "en", timezone: "UTC" }, app_metadata: { plan: "free" } } : {},
          ),
        );
      }
      for (let i = 0; i < 10; i++) exported.push(migrated(`9${i}`, {}));
      const file = join(dir, "users-export.json.gz");
      await writeExportFile(file, exported);
      const env = toolsEnv(big, { LEGACY_API_LIST_URL: `${big.origin}/users?limit=500`, AUTH0_DOMAIN: "" });
      const { code, text } = await verify(["--json", "--export-file", file], env);
      expect(code).toBe(0);
      const report = JSON.parse(text());
      expect(report.legacy_users).toBe(count);
      expect(report.tenant_users).toBe(1000 + 10);
      expect(report.categories.not_migrated.count).toBe(2000);
      expect(report.categories.complete.count).toBe(500);
      expect(report.categories.missing_metadata.count).toBe(510);
      expect(report.categories.not_listed.count).toBe(10);
    } finally {
      await big.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a damaged gzip export, from a file or a job, in one message (exit 2), never as a bug", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rmm-verify-test-"));
    try {
      const lines = ["1001", "1002", "1003"].map((id) => JSON.stringify(migrated(id, {}))).join("\n");
      const gz = gzipSync(`${lines}\n`);
      const file = join(dir, "cut.json.gz");
      writeFileSync(file, gz.subarray(0, gz.length - 12));
      const fromFile = await verify(["--export-file", file], toolsEnv(tools.store, { AUTH0_DOMAIN: "" }));
      expect(fromFile.code).toBe(2);
      expect(fromFile.errors()).toBe(
        `repair-migrated-metadata verify: the export file ${file} is not NDJSON: the gzip stream is damaged (unexpected end of file)\n`,
      );
      expect(fromFile.text()).toBe("");

      const tenant = tenantWithEveryCategory();
      server.use(
        http.get("https://exports.tools-tenant.test/job_1.json.gz", () => {
          const damaged = Buffer.from(gzipSync(`${lines}\n`));
          damaged.fill(7, 20, 40);
          return new HttpResponse(damaged, { headers: { "content-type": "application/gzip" } });
        }),
        ...tenant.handlers(),
      );
      const fromJob = await verify([], toolsEnv(tools.store));
      expect(fromJob.code).toBe(2);
      expect(fromJob.errors()).toMatch(
        /\nrepair-migrated-metadata verify: the export of "legacy-db" is not NDJSON: the gzip stream is damaged \(.+\)\n$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says it cannot read an export file that is a folder (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rmm-verify-test-"));
    try {
      const { code, errors } = await verify(["--export-file", dir], toolsEnv(tools.store, { AUTH0_DOMAIN: "" }));
      expect(code).toBe(2);
      expect(errors()).toBe(`repair-migrated-metadata verify: cannot read the export file ${dir}: it is a folder\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gets its Management API token with the client credentials, as the deploy does", async () => {
    const tenant = tenantWithEveryCategory();
    const authorizations = new Set<string>();
    server.use(
      http.post(`https://${TENANT_DOMAIN}/oauth/token`, async ({ request }) => {
        const body = Object.fromEntries(new URLSearchParams(await request.text()));
        expect(body).toMatchObject({ grant_type: "client_credentials", client_id: "cid", client_secret: "secret" });
        return HttpResponse.json({ access_token: "issued-token", expires_in: 86400, token_type: "Bearer" });
      }),
      ...tenant.handlers(),
    );
    server.events.on("request:start", ({ request }) => {
      if (request.url.includes("/api/v2/")) authorizations.add(request.headers.get("authorization") ?? "");
    });
    const env = toolsEnv(tools.store, {
      AUTH0_ACCESS_TOKEN: "",
      AUTH0_CLIENT_ID: "cid",
      AUTH0_CLIENT_SECRET: "secret",
    });
    const { code } = await verify(["--json"], env);
    server.events.removeAllListeners();
    expect(code).toBe(0);
    expect([...authorizations]).toEqual(["Bearer issued-token"]);
  });

  it("says so in one message when the tenant refuses the client secret", async () => {
    server.use(
      http.post(`https://${TENANT_DOMAIN}/oauth/token`, () =>
        HttpResponse.json({ error: "access_denied", error_description: "Unauthorized" }, { status: 401 }),
      ),
    );
    const env = toolsEnv(tools.store, { AUTH0_ACCESS_TOKEN: "", AUTH0_CLIENT_ID: "cid", AUTH0_CLIENT_SECRET: "wrong" });
    const { code, errors } = await verify([], env);
    expect(code).toBe(2);
    expect(errors()).toContain(
      `requesting a Management API token failed at ${TENANT_DOMAIN}: HTTP 401 (access_denied)\n  nothing was changed in the tenant\n  check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET`,
    );
  });

  it("names every missing variable in one message", async () => {
    const { code, errors } = await verify([], { LEGACY_API_TOKEN: "x" });
    expect(code).toBe(2);
    expect(errors()).toContain("LEGACY_API_URL: missing");
    expect(errors()).toContain("MIGRATION_CONNECTIONS: missing");
    expect(errors()).toContain("AUTH0_DOMAIN: missing");
    expect(errors()).toContain("LEGACY_API_LIST_URL: missing");
    expect(errors()).not.toContain("    at ");
  });

  it("takes the Action's metadata maps, and refuses one the Action would refuse before reading anything", async () => {
    const tenant = tenantWithEveryCategory();
    server.use(...tenant.handlers());
    const mapped = toolsEnv(tools.store, { ...SAMPLE_METADATA_MAPS, LEGACY_API_URL: tools.store.flatRecordUrl() });
    const accepted = await verify([], mapped);
    expect(accepted.code).toBe(0);
    expect(accepted.text()).toContain("Can the legacy store be switched off? NOT YET");
    const calls = tenant.calls.length;
    const before = tools.store.requests.length;
    const both = { ...mapped, LEGACY_USER_METADATA_PATH: "data.profile" };
    const { code, errors } = await verify([], both);
    expect(code).toBe(2);
    expect(errors()).toContain("LEGACY_USER_METADATA_MAP: map_and_path_both_set");
    expect([tenant.calls.length, tools.store.requests.length]).toEqual([calls, before]);
  });

  it("says so in one line when the legacy store cannot be reached", async () => {
    const tenant = tenantWithEveryCategory();
    server.use(...tenant.handlers());
    const closed = await startSampleStore();
    await closed.close();
    const env = toolsEnv(tools.store, { LEGACY_API_LIST_URL: `${closed.origin}/users` });
    const { code, errors } = await verify([], env);
    expect(code).toBe(2);
    expect(errors()).toMatch(/reading the legacy user list page 1 failed at 127\.0\.0\.1:\d+: refused: /);
    expect(errors()).toContain("check LEGACY_API_LIST_URL");
  });

  it("waits out a slow export job without piling up listeners on the interrupt signal", async () => {
    const tenant = tenantWithEveryCategory({ exportPolls: 15 });
    server.use(...tenant.handlers());
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      const io = captureIo();
      const argv = ["verify", "--json", "--dotenv", EMPTY_DOTENV, ...HISTORY];
      const code = await main(argv, {
        env: toolsEnv(tools.store),
        ...io,
        exportPollMs: 1,
        signal: new AbortController().signal,
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(code).toBe(0);
      expect(tenant.count("GET", "/jobs/job_1")).toBe(16);
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("says so when the export job fails", async () => {
    const tenant = tenantWithEveryCategory({ exportFails: true });
    server.use(...tenant.handlers());
    const { code, errors } = await verify([], toolsEnv(tools.store));
    expect(code).toBe(2);
    expect(errors()).toContain(
      `waiting for the users export of "legacy-db" (job job_1) failed at ${TENANT_DOMAIN}: the job failed: Internal error`,
    );
  });

  describe("stops with one message, rather than polling forever or crashing, on an export job answered", () => {
    const JOB = `https://${TENANT_DOMAIN}/api/v2/jobs/job_1`;
    const cases: Array<
      [string, Parameters<typeof http.get>[1] | undefined, Parameters<typeof http.get>[1] | undefined, string]
    > = [
      [
        "with a status it does not know",
        () => HttpResponse.json({ id: "job_1", type: "users_export", status: "expired" }),
        undefined,
        'waiting for the users export of "legacy-db" (job job_1) failed at tools-tenant.test: the job is "expired", neither pending, processing, completed nor failed',
      ],
      [
        "without a status",
        () => HttpResponse.json({ id: "job_1", type: "users_export" }),
        undefined,
        'waiting for the users export of "legacy-db" (job job_1) failed at tools-tenant.test: the job is (no status), neither pending, processing, completed nor failed',
      ],
      [
        "with a location that is not an https URL",
        () => HttpResponse.json({ id: "job_1", type: "users_export", status: "completed", location: "not a url" }),
        undefined,
        'waiting for the users export of "legacy-db" (job job_1) failed at tools-tenant.test: the job completed with a file location that is not an https URL',
      ],
      [
        "without a job id when it is started",
        undefined,
        () => HttpResponse.json({ type: "users_export", status: "pending" }, { status: 201 }),
        'starting the users export of "legacy-db" failed at tools-tenant.test: the answer holds no job id',
      ],
    ];
    for (const [name, job, start, message] of cases) {
      it(name, async () => {
        const tenant = tenantWithEveryCategory();
        server.use(
          ...(job ? [http.get(JOB, job)] : []),
          ...(start ? [http.post(`https://${TENANT_DOMAIN}/api/v2/jobs/users-exports`, start)] : []),
          ...tenant.handlers(),
        );
        const { code, text, errors } = await verify(["--timeout", "2"], toolsEnv(tools.store));
        expect(code).toBe(2);
        expect(text()).toBe("");
        expect(errors()).toContain(
          `repair-migrated-metadata verify: ${message}\n  nothing was changed in the tenant\n`,
        );
        expect(tenant.count("GET", "/jobs/")).toBeLessThanOrEqual(1);
      });
    }
  });

  it("says the tenant's answer holds no list of connections, rather than that the connection does not exist", async () => {
    const tenant = tenantWithEveryCategory();
    server.use(
      http.get(`https://${TENANT_DOMAIN}/api/v2/connections`, () => HttpResponse.json({ message: "ok" })),
      ...tenant.handlers(),
    );
    const { code, errors } = await verify([], toolsEnv(tools.store));
    expect(code).toBe(2);
    expect(errors()).toBe(
      'repair-migrated-metadata verify: looking up the connection "legacy-db" failed at tools-tenant.test: the answer holds no list of connections\n' +
        "  nothing was changed in the tenant\n" +
        "  check AUTH0_DOMAIN: it must name the tenant, or a proxy that passes its answers through as they are\n",
    );
  });

  it("stops when the tenant's count of the connection's users comes without a total, which the export is checked against", async () => {
    const tenant = tenantWithEveryCategory();
    server.use(
      http.get(`https://${TENANT_DOMAIN}/api/v2/users`, () => HttpResponse.json({ users: [] })),
      ...tenant.handlers(),
    );
    const { code, text, errors } = await verify([], toolsEnv(tools.store));
    expect(code).toBe(2);
    expect(text()).toBe("");
    expect(errors()).toContain(
      'repair-migrated-metadata verify: counting the users of the connection "legacy-db" failed at tools-tenant.test: the answer holds no total\n',
    );
    expect(tenant.count("POST", "/jobs/")).toBe(0);
  });

  it("stops, giving both numbers, when the export holds fewer users than the tenant reports", async () => {
    const tenant = tenantWithEveryCategory({ reportedUsers: 1200 });
    server.use(...tenant.handlers());
    const { code, text, errors } = await verify([], toolsEnv(tools.store));
    expect(code).toBe(2);
    expect(text()).toBe("");
    expect(errors()).toContain(
      'the export of "legacy-db" holds 7 user(s), but the tenant reports 1200 on that connection; the export is incomplete',
    );
    // The count comes from the users search on the connection, asked before the export started.
    const count = tenant.calls.findIndex((c) => c.path.startsWith("/users?"));
    const started = tenant.calls.findIndex((c) => c.path === "/jobs/users-exports");
    expect(count).toBeGreaterThanOrEqual(0);
    expect(count).toBeLessThan(started);
    const query = new URLSearchParams(tenant.calls[count]?.path.split("?")[1]);
    expect(query.get("q")).toBe('identities.connection:"legacy-db"');
    expect(query.get("include_totals")).toBe("true");
    expect(query.get("search_engine")).toBe("v3");
  });

  it("takes an export that holds more users than the count before it (users arrive during a migration)", async () => {
    const tenant = tenantWithEveryCategory({ reportedUsers: 6 });
    server.use(...tenant.handlers());
    const { code, text } = await verify(["--json"], toolsEnv(tools.store));
    expect(code).toBe(0);
    expect(JSON.parse(text()).tenant_users).toBe(7);
  });

  it("names the download, its host and the status when the export file cannot be fetched", async () => {
    const tenant = tenantWithEveryCategory({ downloadStatus: 403 });
    server.use(...tenant.handlers());
    const { code, errors } = await verify([], toolsEnv(tools.store));
    expect(code).toBe(2);
    expect(errors()).toContain(
      'repair-migrated-metadata verify: downloading the users export of "legacy-db" failed at exports.tools-tenant.test: HTTP 403\n  nothing was changed in the tenant\n',
    );
  });

  it("reaches a tenant given as host:port, such as a local mock or a proxy", async () => {
    const tenant = tenantWithEveryCategory({ domain: "localhost:8443" });
    server.use(...tenant.handlers());
    const { code, text } = await verify(["--json"], toolsEnv(tools.store, { AUTH0_DOMAIN: "localhost:8443" }));
    expect(code).toBe(0);
    expect(JSON.parse(text()).tenant_users).toBe(7);
  });
});
