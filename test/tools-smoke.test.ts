/**
 * `smoke` against a fake Management API over HTTPS (test/support/https-management-api.ts),
 * whose "Test an Action" endpoint runs the Action's bundle with the secrets stored for it,
 * as Auth0 runs the deployed Action: the verdict follows from what the legacy store really
 * does, and the answers Auth0 documents only loosely are played in their unexpected shapes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SampleStore, startSampleStore } from "../src/local/sample-store/server";
import { ACTION_NAME } from "../src/shared/action-identity";
import { main } from "../src/tools/main";
import { closedPort } from "./support/fault-server";
import { type FakeAction, HttpsManagementApi } from "./support/https-management-api";
import { sampleStoreSecrets } from "./support/local-bundle";
import { type EdgeHost, startSilentHost, startUntrustedTlsHost } from "./support/network-edges";
import { EMPTY_DOTENV, toolsEnv } from "./support/tools-env";
import { captureIo } from "./support/tools-tenant";

let api: HttpsManagementApi;
let store: SampleStore;
let untrusted: EdgeHost;
let silent: EdgeHost;
let action: FakeAction;

/** The Action's secrets as deployed: the sample store, a short budget so failures end quickly. */
const deployedSecrets = (extra: Record<string, string> = {}) =>
  sampleStoreSecrets(store, { LEGACY_API_TIMEOUT_MS: "300", ...extra });

beforeAll(async () => {
  [api, store, untrusted, silent] = await Promise.all([
    HttpsManagementApi.start(),
    startSampleStore(),
    startUntrustedTlsHost(),
    startSilentHost(),
  ]);
  api.grant("smoke-token");
  api.grant("read-only-token", ["read:actions"]);
});
afterEach(() => {
  api.testAnswer = undefined;
  api.actions.length = 0;
  api.calls.length = 0;
  store.heal();
});
afterAll(async () => {
  await Promise.all([api.close(), store.close(), untrusted.close(), silent.close()]);
});

function deploy(secrets = deployedSecrets(), extra: Partial<FakeAction> = {}): void {
  action = { id: "act_1", name: ACTION_NAME, secrets, status: "built", all_changes_deployed: true, ...extra };
  api.addAction(action);
}

async function smoke(argv: string[], extra: Record<string, string> = {}) {
  const io = captureIo();
  const env = toolsEnv(store, { AUTH0_DOMAIN: api.host, AUTH0_ACCESS_TOKEN: "smoke-token", ...extra });
  const code = await main(["smoke", "--dotenv", EMPTY_DOTENV, ...argv], { env, ...io, buildPollMs: 5 });
  return { code, out: io.text(), err: io.errors() };
}

const ADA = ["--email", "ada.lovelace@example.com", "--legacy-id", "1001"];

const sentEvent = () => {
  const test = api.calls.find((call) => call.path === "/api/v2/actions/actions/act_1/test");
  if (!test) throw new Error("the Action was not tested");
  return (test.body as { payload: { event: Record<string, unknown> } }).payload.event;
};

describe("smoke: the legacy store reached from inside Auth0", () => {
  it("prints the Action's log line as Auth0 returned it, what it would write, and OK; writes to no user", async () => {
    deploy();
    const { code, out, err } = await smoke(ADA);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(
      "Log line, as Auth0 returned it (payload.logs):\n  repair-migrated-metadata outcome=repaired ",
    );
    expect(out).toContain(
      "Would write: 4 user_metadata key(s) and 4 app_metadata key(s), and the marker app_metadata.legacy_metadata_repair with status repaired",
    );
    expect(out).toContain(
      "Verdict: OK: the Action reached the legacy store from inside Auth0: it answered with the user's record.",
    );
    // The only write is the test itself; the record was fetched by the Action, as at a login.
    expect(api.calls.filter((call) => call.method !== "GET").map((call) => `${call.method} ${call.path}`)).toEqual([
      "POST /api/v2/actions/actions/act_1/test",
    ]);
    expect(store.requests.map((request) => request.path)).toEqual(["/users/1001"]);
  });

  it("sends a first login of a migrated user with empty metadata, as a user id no tenant can hold, and no secrets", async () => {
    deploy();
    await smoke(["--email", "ada.lovelace@example.com", "--legacy-id", "1001", "--username", "ada"]);
    const event = sentEvent();
    const user = event.user as Record<string, unknown>;
    expect(user.user_id).toMatch(/^repair-migrated-metadata-smoke\|[0-9a-f]{16}$/);
    expect(user).toMatchObject({
      email: "ada.lovelace@example.com",
      username: "ada",
      user_metadata: {},
      app_metadata: {},
      identities: [{ connection: "legacy-db", provider: "auth0", user_id: "1001", isSocial: false }],
    });
    expect(event.connection).toMatchObject({ name: "legacy-db", strategy: "auth0" });
    expect(event.stats).toEqual({ logins_count: 1 });
    expect(event).not.toHaveProperty("secrets");
  });

  it("a user the store does not know: OK, the marker not_found is all it would write", async () => {
    deploy();
    const { code, out } = await smoke(["--email", "nobody@example.com", "--legacy-id", "9999"]);
    expect(code).toBe(0);
    expect(out).toContain("Would write: only the marker app_metadata.legacy_metadata_repair with status not_found");
    expect(out).toContain("it answered that it does not know this user (404)");
  });

  it("waits for a draft that is still building, then tests it", async () => {
    // Building in the list, building at the first look again, built at the second.
    deploy(deployedSecrets(), { buildingReads: 2 });
    const { code } = await smoke(ADA);
    expect(code).toBe(0);
    const paths = api.calls.map((call) => `${call.method} ${call.path}`);
    expect(paths).toEqual([
      "GET /api/v2/actions/actions",
      "GET /api/v2/actions/actions/act_1",
      "GET /api/v2/actions/actions/act_1",
      "POST /api/v2/actions/actions/act_1/test",
    ]);
  });

  it("says when the tenant reports changes that are not deployed: the test runs the draft", async () => {
    deploy(deployedSecrets(), { all_changes_deployed: false });
    const { code, out } = await smoke(ADA);
    expect(code).toBe(0);
    expect(out).toContain("  note: the Action has changes that are not deployed; Auth0 tested its current draft");
  });

  it("--json: the event sent, Auth0's whole answer and the verdict", async () => {
    deploy();
    const { code, out } = await smoke([...ADA, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      action: { id: "act_1", name: ACTION_NAME, status: "built" },
      verdict: "store_answered",
      ok: true,
      log_fields: { outcome: "repaired", user_keys: "4", app_keys: "4" },
      would_write: { userKeys: 4, appKeys: 4, skippedKeys: 0, marker: "repaired" },
    });
    expect(report.event.user.user_id).toBe(report.user_id);
    expect(report.answer.payload.logs).toContain(report.log_line);
  });
});

describe("smoke: the store fails from inside Auth0, and how", () => {
  it("HTTP 503 after the retries", async () => {
    deploy();
    store.setFaults({ status: 503 });
    const { code, out } = await smoke(ADA);
    expect(code).toBe(1);
    expect(out).toContain("outcome=legacy_error reason=status_503");
    expect(out).toContain("Would write: nothing");
    expect(out).toContain(
      "Verdict: FAILED: the Action could not use the legacy store from inside Auth0: the legacy store failed: HTTP 503.",
    );
  });

  it("TLS: a certificate Auth0 does not trust, with what differs from this machine's network", async () => {
    deploy(deployedSecrets({ LEGACY_API_URL: `https://${untrusted.host}/users/{legacy_id}` }));
    const { code, out } = await smoke(ADA);
    expect(code).toBe(1);
    expect(out).toContain("the legacy store failed: TLS: the certificate is not trusted or not for this host.");
    expect(out).toContain("allow list");
  });

  it("timeout: a store that never answers within LEGACY_API_TIMEOUT_MS", async () => {
    deploy(deployedSecrets({ LEGACY_API_URL: `http://${silent.host}/users/{legacy_id}` }));
    const { code, out } = await smoke(ADA);
    expect(code).toBe(1);
    expect(out).toContain("the legacy store failed: timeout");
  });
});

describe("smoke: the configuration in Auth0 is wrong, naming the secret", () => {
  it("a legacy token the store refuses", async () => {
    deploy(deployedSecrets({ LEGACY_API_TOKEN: "not-the-stores-token" }));
    const { code, out } = await smoke(ADA);
    expect(code).toBe(1);
    expect(out).toContain(
      "Verdict: FAILED: the Action's configuration in Auth0 is wrong: the legacy store refused the credentials (HTTP 401).",
    );
    expect(out).toContain("  secret to check: LEGACY_API_TOKEN");
    expect(out).not.toContain("not-the-stores-token");
  });

  it("a secret that was not deployed", async () => {
    const { LEGACY_API_URL: _unset, ...secrets } = deployedSecrets();
    deploy(secrets);
    const { code, out } = await smoke(ADA);
    expect(code).toBe(1);
    expect(out).toContain("outcome=config_error reason=missing secret=LEGACY_API_URL");
    expect(out).toContain("is wrong: LEGACY_API_URL is not set.");
    expect(out).toContain("  secret to check: LEGACY_API_URL");
  });

  it("a deployed MIGRATION_CONNECTIONS without the connection: the Action stays silent, and smoke says where to look", async () => {
    deploy(deployedSecrets({ MIGRATION_CONNECTIONS: "other-db" }));
    const { code, out } = await smoke(ADA);
    expect(code).toBe(1);
    expect(out).toContain("Log line: none in Auth0's answer");
    expect(out).toContain('check that the deployed MIGRATION_CONNECTIONS names "legacy-db"');
  });
});

describe("smoke: answers Auth0 documents only loosely", () => {
  const answer = (status: number, body: string) => {
    api.testAnswer = () => ({ status, body });
  };

  it("the recorded shape of an Action that threw: HTTP 200 with payload.error", async () => {
    deploy();
    answer(
      200,
      JSON.stringify({
        payload: {
          error: {
            message: "Cannot read properties of undefined (reading 'id')",
            name: "TypeError",
            stack: "TypeError: Cannot read properties of undefined (reading 'id')\n    at Ei (/data/io/x.js:5:2085)",
          },
          stats: { total_request_duration_ms: 103, action_duration_ms: 50, boot_duration_ms: 51 },
        },
      }),
    );
    const { code, out } = await smoke(ADA);
    expect(code).toBe(1);
    expect(out).toContain(
      "Auth0's figures (ms): total_request_duration_ms=103 action_duration_ms=50 boot_duration_ms=51",
    );
    expect(out).toContain(
      "Verdict: FAILED: the Action did not complete in Auth0's runtime: Auth0 reported TypeError: Cannot read properties of undefined (reading 'id').",
    );
  });

  it("the console output under another key, as a list, beside parts this version does not know", async () => {
    deploy();
    answer(
      200,
      JSON.stringify({
        payload: {
          console: [{ level: "log", message: "repair-migrated-metadata outcome=not_found attempts=1 ms=9" }],
          steps: [{ name: "fetch" }],
        },
      }),
    );
    const { code, out } = await smoke(ADA);
    expect(code).toBe(0);
    expect(out).toContain("Log line, as Auth0 returned it (payload.console[0].message):");
    expect(out).toContain("Other parts of the answer: steps (see --json)");
  });

  it("a body that is not JSON: shown as received, and in full with --json", async () => {
    deploy();
    answer(200, "<html>upstream error</html>");
    const { code, out } = await smoke(ADA);
    expect(code).toBe(1);
    expect(out).toContain(
      'Auth0\'s answer has an unexpected shape: the answer is not JSON. As received:\n  "<html>upstream error</html>"',
    );
    expect(out).toContain("Verdict: UNKNOWN: Auth0's answer could not be read: the answer is not JSON.");
    const json = await smoke([...ADA, "--json"]);
    expect(JSON.parse(json.out)).toMatchObject({
      verdict: "answer_unreadable",
      answer: null,
      answer_text: "<html>upstream error</html>",
    });
  });

  it("JSON without a payload, and an error that is only a string", async () => {
    deploy();
    answer(200, JSON.stringify({ result: "ok" }));
    expect((await smoke(ADA)).out).toContain("Auth0's answer could not be read: the answer has no payload object.");
    answer(200, JSON.stringify({ payload: { error: "Script execution time exceeded" } }));
    expect((await smoke(ADA)).out).toContain("Auth0 reported Script execution time exceeded.");
  });
});

describe("smoke: what stops it before a verdict", () => {
  it("a draft that failed to build, or is still building when --timeout runs out", async () => {
    deploy(deployedSecrets(), { status: "failed" });
    const failed = await smoke(ADA);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain("the Action's code failed to build in Auth0");
    api.actions.length = 0;
    deploy(deployedSecrets(), { buildingReads: 1000 });
    const building = await smoke([...ADA, "--timeout", "0.2"]);
    expect(building.code).toBe(2);
    expect(building.err).toContain(`waiting for the Action "${ACTION_NAME}" to be built failed at`);
    expect(building.err).toContain("still building after 0.2 s");
    expect(api.calls.some((call) => call.path.endsWith("/test"))).toBe(false);
  });

  it("no Action of that name in the tenant", async () => {
    const { code, err } = await smoke(ADA);
    expect(code).toBe(2);
    expect(err).toBe(
      `repair-migrated-metadata smoke: finding the Action "${ACTION_NAME}" failed at ${api.host}: the tenant has no Action named "${ACTION_NAME}"\n` +
        "  nothing was changed in the tenant\n  deploy it first: npm run deploy\n",
    );
  });

  it("a token without create:actions: the scopes to grant", async () => {
    deploy();
    const { code, err } = await smoke(ADA, { AUTH0_ACCESS_TOKEN: "read-only-token" });
    expect(code).toBe(2);
    expect(err).toContain('testing the Action "repair-migrated-metadata" in Auth0\'s runtime failed at');
    expect(err).toContain("HTTP 403 (insufficient_scope)");
    expect(err).toContain("read:actions (to find the Action) and create:actions (to test it)");
  });

  it("a test call answered 503 is not sent again: it may have run the Action, which calls the store", async () => {
    deploy();
    api.testAnswer = () => ({ status: 503, body: JSON.stringify({ statusCode: 503, error: "Service Unavailable" }) });
    const { code, err } = await smoke(ADA);
    expect(code).toBe(2);
    expect(err).toContain('testing the Action "repair-migrated-metadata" in Auth0\'s runtime failed at');
    expect(err).toContain("HTTP 503");
    expect(api.calls.filter((call) => call.path.endsWith("/test"))).toHaveLength(1);
  });

  it("a test call refused with 429 ran nothing: it is waited out and sent again", async () => {
    deploy();
    let answers = 0;
    api.testAnswer = () =>
      ++answers === 1
        ? { status: 429, body: JSON.stringify({ statusCode: 429, error: "Too Many Requests" }) }
        : undefined;
    const { code } = await smoke(ADA);
    expect(code).toBe(0);
    expect(api.calls.filter((call) => call.path.endsWith("/test"))).toHaveLength(2);
  });

  it("an unreachable tenant", async () => {
    const closed = `127.0.0.1:${await closedPort()}`;
    const { code, err } = await smoke(ADA, { AUTH0_DOMAIN: closed });
    expect(code).toBe(2);
    expect(err).toMatch(
      new RegExp(`^repair-migrated-metadata smoke: finding the Action "${ACTION_NAME}" failed at ${closed}: refused`),
    );
    expect(err).toContain("nothing was changed in the tenant");
  });

  it("what the URL template needs, before any call", async () => {
    deploy();
    const { code, err } = await smoke(["--email", "ada.lovelace@example.com"]);
    expect(code).toBe(2);
    expect(err).toContain("LEGACY_API_URL uses {legacy_id}: pass --legacy-id");
    expect(api.calls).toEqual([]);
    expect((await smoke([])).err).toContain("--email is required");
  });
});
