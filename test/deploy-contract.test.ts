/**
 * The real Deploy CLI `deploy()`, in process, against a mocked Management API: what
 * `npm run deploy` sends for a tenant that already has another Action on post-login,
 * first without our Action, then with it: a dry run, a create, an update, each depending
 * on the tenant state before it. Nearly all of a deploy()'s CPU is ajv compiling the
 * Deploy CLI's schema again for each run; the file compiles it once and reuses it
 * (test/support/deploy-cli-schema-cache.ts), so the three runs cost about one.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type DeployOutcome, runDeploy } from "../src/deploy/run-deploy";
import { ACTION_NAME } from "../src/shared/action-identity";
import { BUNDLE, bundleText } from "../src/shared/build-config";
import { PROJECT_ROOT } from "../src/shared/project-root";
import type { SmokeUser } from "../src/shared/smoke/smoke-event";
import type { Env } from "../src/shared/variables";
import { captureOutput } from "./support/captured-output";
import { reuseDeployCliSchemaCompilation } from "./support/deploy-cli-schema-cache";
import { fakeManagementApi, ISSUED_TOKEN, type SeenRequest, TENANT_DOMAIN } from "./support/fake-management-api";

// Generous: the suite shares two cores with other suites, and a deploy() is CPU-bound.
const DEPLOY_TIMEOUT_MS = 300_000;
const tenant = fakeManagementApi();
const committedBundle = readFileSync(BUNDLE, "utf8");
// Built once: the sources do not change between the three runs.
let freshBundle: string;

const OTHER = { id: "act_other", name: "other-login-action", display_name: "Other login action" };

// Values with YAML- and regex-significant characters, to prove they arrive verbatim.
const FIRST_SECRETS = {
  LEGACY_API_URL: "https://legacy.example.test/api/users/{legacy_id}",
  MIGRATION_CONNECTIONS: "legacy-db, partners-db",
  LEGACY_API_TOKEN: `tok'en "quoted" #hash: $& $1 \\ @x`,
  REPAIR_VERSION: "2",
  // Set but empty or blank: unset, so not sent.
  LEGACY_API_TIMEOUT_MS: "",
  ON_LEGACY_ERROR: "  ",
};
const SECOND_SECRETS = {
  LEGACY_API_URL: "https://legacy.example.test/api/v2/users/{email}",
  MIGRATION_CONNECTIONS: "legacy-db",
  LEGACY_API_TOKEN: "rotated-token-value",
  ON_LEGACY_ERROR: "deny",
};
const CLIENT = { AUTH0_CLIENT_ID: "deploy-client-id", AUTH0_CLIENT_SECRET: "deploy-client-secret-value" };

// Everything the deploy may ask of the tenant; each run below also pins its writes exactly.
const ALLOWED_REQUESTS: ReadonlyArray<readonly [string, RegExp]> = [
  ["POST", /^\/oauth\/token$/],
  ["GET", /^\/api\/v2\/actions\/actions$/],
  ["GET", /^\/api\/v2\/actions\/modules$/],
  ["POST", /^\/api\/v2\/actions\/actions$/],
  ["PATCH", /^\/api\/v2\/actions\/actions\/act_[\w]+$/],
  ["POST", /^\/api\/v2\/actions\/actions\/act_[\w]+\/deploy$/],
  ["POST", /^\/api\/v2\/actions\/actions\/act_[\w]+\/test$/],
  ["GET", /^\/api\/v2\/actions\/triggers\/post-login\/bindings$/],
  ["PATCH", /^\/api\/v2\/actions\/triggers\/post-login\/bindings$/],
];
// The Deploy CLI's dry run also reads the trigger list, every trigger's bindings and the
// clients (to resolve client names); reads only.
const DRY_RUN_READS: ReadonlyArray<readonly [string, RegExp]> = [
  ["GET", /^\/api\/v2\/actions\/triggers$/],
  ["GET", /^\/api\/v2\/actions\/triggers\/[\w-]+\/bindings$/],
  ["GET", /^\/api\/v2\/clients$/],
];

const isAllowed = (allowed: ReadonlyArray<readonly [string, RegExp]>) => (request: SeenRequest) =>
  allowed.some(([method, path]) => request.method === method && path.test(request.path));
const writesOf = (requests: SeenRequest[]) => requests.filter((request) => request.method !== "GET");
const describeRequest = (request: SeenRequest) => `${request.method} ${request.path}`;

async function deployOnce(env: Env, options: { dryRun?: boolean; smoke?: SmokeUser } = {}) {
  const output = captureOutput();
  const before = tenant.seen.length;
  const started = process.cpuUsage();
  let outcome: DeployOutcome;
  try {
    outcome = await runDeploy({
      env,
      bundle: { committed: committedBundle, fresh: freshBundle },
      dryRun: options.dryRun ?? false,
      position: undefined,
      earlierProblems: [],
      basePath: PROJECT_ROOT,
      log: output.push,
      smoke: options.smoke,
    });
  } finally {
    vi.restoreAllMocks();
  }
  const cpu = process.cpuUsage(started);
  console.info(`deploy() ${options.dryRun ? "dry run " : ""}CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  return { outcome, requests: tenant.seen.slice(before), output: output.text() };
}

function expectNoValueIn(output: string, values: Record<string, string>) {
  for (const value of [...Object.values(values), CLIENT.AUTH0_CLIENT_SECRET, ISSUED_TOKEN]) {
    if (value.trim().length >= 4) expect(output).not.toContain(value);
  }
}

beforeAll(async () => {
  reuseDeployCliSchemaCompilation();
  freshBundle = await bundleText();
  tenant.server.listen({ onUnhandledRequest: "error" });
  tenant.addAction(
    { id: OTHER.id, name: OTHER.name, code: "exports.onExecutePostLogin = async () => {};", runtime: "node22" },
    { trigger: "post-login", display_name: OTHER.display_name },
  );
});
afterAll(() => tenant.server.close());

describe("npm run deploy against a tenant with another post-login Action", () => {
  it(
    "a dry run reads, shows the change and writes nothing",
    async () => {
      const run = await deployOnce(
        { AUTH0_DOMAIN: TENANT_DOMAIN, AUTH0_ACCESS_TOKEN: ISSUED_TOKEN, ...FIRST_SECRETS },
        { dryRun: true },
      );
      expect(run.outcome).toEqual({
        status: "previewed",
        bindings: [
          { action_name: OTHER.name, display_name: OTHER.display_name },
          { action_name: ACTION_NAME, display_name: ACTION_NAME },
        ],
      });
      expect(writesOf(run.requests).map(describeRequest)).toEqual([]);
      expect(run.requests.filter((r) => !isAllowed([...ALLOWED_REQUESTS, ...DRY_RUN_READS])(r))).toEqual([]);
      expect(run.output).toMatch(new RegExp(`CREATE[^\\n]*${ACTION_NAME}`));
      expect(run.output).toContain("Dry Run completed successfully");
      expect(run.output).not.toContain("Import Successful");
      expectNoValueIn(run.output, FIRST_SECRETS);
      expect(tenant.actions.map((action) => action.name)).toEqual([OTHER.name]);
    },
    DEPLOY_TIMEOUT_MS,
  );

  it(
    "creates the Action with the committed bundle and the set secrets, deploys it, and keeps the other binding",
    async () => {
      tenant.answerNotBuilt(1);
      const run = await deployOnce({ AUTH0_DOMAIN: TENANT_DOMAIN, ...CLIENT, ...FIRST_SECRETS });
      expect(run.outcome.status).toBe("deployed");
      expect(run.requests.filter((r) => !isAllowed(ALLOWED_REQUESTS)(r))).toEqual([]);

      const writes = writesOf(run.requests);
      const created = tenant.actions.find((action) => action.name === ACTION_NAME);
      expect(writes.map(describeRequest)).toEqual([
        "POST /oauth/token",
        "POST /api/v2/actions/actions",
        // The first deploy is answered "not built yet"; the Deploy CLI retries.
        `POST /api/v2/actions/actions/${created?.id}/deploy`,
        `POST /api/v2/actions/actions/${created?.id}/deploy`,
        "PATCH /api/v2/actions/triggers/post-login/bindings",
      ]);
      expect(String(writes[0]?.body)).toContain(`client_id=${CLIENT.AUTH0_CLIENT_ID}`);

      const body = writes[1]?.body as Record<string, unknown>;
      expect(body.code).toBe(committedBundle);
      expect(body).toMatchObject({
        name: ACTION_NAME,
        runtime: "node22",
        dependencies: [],
        supported_triggers: [{ id: "post-login", version: "v3" }],
      });
      expect(body.secrets).toEqual([
        { name: "LEGACY_API_URL", value: FIRST_SECRETS.LEGACY_API_URL },
        { name: "MIGRATION_CONNECTIONS", value: FIRST_SECRETS.MIGRATION_CONNECTIONS },
        { name: "LEGACY_API_TOKEN", value: FIRST_SECRETS.LEGACY_API_TOKEN },
        { name: "REPAIR_VERSION", value: FIRST_SECRETS.REPAIR_VERSION },
      ]);

      expect(writes[4]?.body).toEqual({
        bindings: [
          { ref: { type: "action_name", value: OTHER.name }, display_name: OTHER.display_name },
          { ref: { type: "action_name", value: ACTION_NAME }, display_name: ACTION_NAME },
        ],
      });
      expect(tenant.boundTo("post-login")).toEqual([OTHER.name, ACTION_NAME]);
      expect(tenant.actions.map((action) => action.name)).toEqual([OTHER.name, ACTION_NAME]);
      expectNoValueIn(run.output, FIRST_SECRETS);
    },
    DEPLOY_TIMEOUT_MS,
  );

  it(
    "updates the existing Action on a second run, sends the new secrets only, binds it once, then smoke-tests it",
    async () => {
      const run = await deployOnce(
        { AUTH0_DOMAIN: TENANT_DOMAIN, AUTH0_ACCESS_TOKEN: ISSUED_TOKEN, ...SECOND_SECRETS },
        { smoke: { email: "ada.lovelace@example.com" } },
      );
      expect(run.outcome.status).toBe("deployed");
      expect(run.requests.filter((r) => !isAllowed(ALLOWED_REQUESTS)(r))).toEqual([]);

      const writes = writesOf(run.requests);
      const ours = tenant.actions.find((action) => action.name === ACTION_NAME);
      expect(writes.map(describeRequest)).toEqual([
        `PATCH /api/v2/actions/actions/${ours?.id}`,
        `POST /api/v2/actions/actions/${ours?.id}/deploy`,
        "PATCH /api/v2/actions/triggers/post-login/bindings",
        // --smoke, once the bindings are written: the synthetic user's event, under payload.
        `POST /api/v2/actions/actions/${ours?.id}/test`,
      ]);
      const tested = writes[3]?.body as { payload: { event: { user: Record<string, unknown> } } };
      expect(tested.payload.event.user).toMatchObject({ email: "ada.lovelace@example.com", user_metadata: {} });
      expect(run.outcome.status === "deployed" && run.outcome.smoke?.finding.verdict).toBe("store_answered");
      const body = writes[0]?.body as Record<string, unknown>;
      expect(body.code).toBe(committedBundle);
      expect(body).toMatchObject({ name: ACTION_NAME, runtime: "node22", dependencies: [] });
      expect(body.secrets).toEqual([
        { name: "LEGACY_API_URL", value: SECOND_SECRETS.LEGACY_API_URL },
        { name: "MIGRATION_CONNECTIONS", value: SECOND_SECRETS.MIGRATION_CONNECTIONS },
        { name: "LEGACY_API_TOKEN", value: SECOND_SECRETS.LEGACY_API_TOKEN },
        { name: "ON_LEGACY_ERROR", value: SECOND_SECRETS.ON_LEGACY_ERROR },
      ]);
      expect(tenant.boundTo("post-login")).toEqual([OTHER.name, ACTION_NAME]);
      expect(tenant.actions.map((action) => action.name)).toEqual([OTHER.name, ACTION_NAME]);
      expectNoValueIn(run.output, SECOND_SECRETS);
    },
    DEPLOY_TIMEOUT_MS,
  );
});
