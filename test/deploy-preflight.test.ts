/** Every reason `npm run deploy` refuses before any network call, and what it then says. */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/action/config";
import type { Problem } from "../src/action/problem";
import { type PreflightResult, preflight } from "../src/deploy/preflight";
import { refusalMessage } from "../src/deploy/refusal-message";
import { ACTION_CODE_PATH } from "../src/shared/action-identity";
import { MAX_SECRET_VALUE_LENGTH } from "../src/shared/auth0-limits";
import { BUNDLE_BUDGET_BYTES } from "../src/shared/build-config";
import { DOMAIN_RULE } from "../src/shared/tenant-credentials";

const BUNDLE = "exports.onExecutePostLogin=async()=>{};";
const FRESH = { committed: BUNDLE, fresh: BUNDLE };
const TENANT = {
  AUTH0_DOMAIN: "my-tenant.eu.auth0.com",
  AUTH0_CLIENT_ID: "client-id",
  AUTH0_CLIENT_SECRET: "s3cr3t-value",
};
const SECRETS = {
  LEGACY_API_URL: "https://legacy.example.com/users/{legacy_id}",
  MIGRATION_CONNECTIONS: "legacy-db",
  LEGACY_API_TOKEN: "legacy-token-value",
};
const VALID = { ...TENANT, ...SECRETS };

function problemsOf(result: PreflightResult): Problem[] {
  return result.ok ? [] : result.problems;
}

describe("deploy preflight", () => {
  it("accepts a complete configuration and sends only the secrets that are set", () => {
    const result = preflight(
      { ...VALID, REPAIR_VERSION: "3", LEGACY_API_TIMEOUT_MS: "", ON_LEGACY_ERROR: "  " },
      FRESH,
    );
    expect(result).toEqual({
      ok: true,
      plan: {
        credentials: { domain: "my-tenant.eu.auth0.com", clientId: "client-id", clientSecret: "s3cr3t-value" },
        secrets: [
          { name: "LEGACY_API_URL", value: SECRETS.LEGACY_API_URL },
          { name: "MIGRATION_CONNECTIONS", value: SECRETS.MIGRATION_CONNECTIONS },
          { name: "LEGACY_API_TOKEN", value: SECRETS.LEGACY_API_TOKEN },
          { name: "REPAIR_VERSION", value: "3" },
        ],
        // The Action's own reading of them, which --smoke takes its connection and placeholders from.
        config: expect.objectContaining({
          connections: new Set(["legacy-db"]),
          placeholders: ["legacy_id"],
          repairVersion: 3,
        }),
      },
    });
  });

  it("tells a new user with nothing set what to set", () => {
    expect(problemsOf(preflight({}, FRESH))).toEqual([
      { subject: "AUTH0_DOMAIN", reason: "missing" },
      { subject: "AUTH0_CLIENT_ID", reason: "missing, or set AUTH0_ACCESS_TOKEN instead of both" },
      { subject: "AUTH0_CLIENT_SECRET", reason: "missing, or set AUTH0_ACCESS_TOKEN instead of both" },
      { subject: "LEGACY_API_URL", reason: "missing" },
      { subject: "MIGRATION_CONNECTIONS", reason: "missing" },
      { subject: "LEGACY_API_TOKEN", reason: "missing_auth" },
    ]);
  });

  it("takes an access token instead of the client ID and secret", () => {
    const result = preflight({ AUTH0_DOMAIN: "t.auth0.com", AUTH0_ACCESS_TOKEN: " token ", ...SECRETS }, FRESH);
    expect(result.ok && result.plan.credentials).toEqual({ domain: "t.auth0.com", accessToken: "token" });
  });

  it("refuses a client ID without its secret", () => {
    const { AUTH0_CLIENT_SECRET: _, ...withoutSecret } = VALID;
    expect(problemsOf(preflight(withoutSecret, FRESH)).map((p) => p.subject)).toEqual(["AUTH0_CLIENT_SECRET"]);
  });

  it.each([
    "https://my-tenant.auth0.com",
    "my-tenant.auth0.com/",
    "my-tenant.auth0.com/api/v2",
    "user:pass@my-tenant.auth0.com",
    "my tenant",
    "localhost:99999",
    "localhost:",
  ])("refuses the domain %j, which is not host or host:port", (domain) => {
    expect(problemsOf(preflight({ ...VALID, AUTH0_DOMAIN: domain }, FRESH))).toEqual([
      { subject: "AUTH0_DOMAIN", reason: DOMAIN_RULE },
    ]);
  });

  it.each([
    "my-tenant.eu.auth0.com",
    "login.example.com",
    "localhost",
    "localhost:8443",
    "127.0.0.1:3000",
    "[::1]:8443",
  ])("takes the domain %j, as the Deploy CLI and the SDK do", (domain) => {
    expect(preflight({ ...VALID, AUTH0_DOMAIN: domain }, FRESH).ok).toBe(true);
  });

  it("refuses invalid optional secrets with the Action's own reasons", () => {
    const invalid = { LEGACY_API_TIMEOUT_MS: "soon", ON_LEGACY_ERROR: "maybe", REPAIR_VERSION: "0" };
    const problems = problemsOf(preflight({ ...VALID, ...invalid }, FRESH));
    expect(problems).toEqual([
      { subject: "LEGACY_API_TIMEOUT_MS", reason: "not_an_integer" },
      { subject: "ON_LEGACY_ERROR", reason: "invalid_value" },
      { subject: "REPAIR_VERSION", reason: "out_of_range" },
    ]);
    const atRunTime = parseConfig({ ...SECRETS, ...invalid });
    expect(atRunTime.ok ? [] : atRunTime.problems).toEqual(problems);
  });

  it("refuses a plain-http legacy URL and two legacy auth methods, as the Action would", () => {
    const http = problemsOf(preflight({ ...VALID, LEGACY_API_URL: "http://legacy.example.com/u/{email}" }, FRESH));
    expect(http.map((p) => p.subject)).toEqual(["LEGACY_API_URL"]);
    const twice = problemsOf(preflight({ ...VALID, LEGACY_API_BASIC_AUTH: "user:pass" }, FRESH));
    expect(twice).toEqual([{ subject: "LEGACY_API_TOKEN+LEGACY_API_BASIC_AUTH", reason: "multiple_auth_methods" }]);
  });

  it("refuses when no legacy auth method is set, and says which ones there are", () => {
    const { LEGACY_API_TOKEN: _, ...withoutAuth } = VALID;
    const problems = problemsOf(preflight(withoutAuth, FRESH));
    expect(problems).toEqual([{ subject: "LEGACY_API_TOKEN", reason: "missing_auth" }]);
    expect(refusalMessage(problems)).toContain("or LEGACY_OAUTH_TOKEN_URL + LEGACY_OAUTH_CLIENT_ID");
  });

  it("refuses a keyword that was never replaced", () => {
    const problems = problemsOf(preflight({ ...VALID, LEGACY_API_TOKEN: "@@LEGACY_API_TOKEN@@" }, FRESH));
    expect(problems).toEqual([{ subject: "LEGACY_API_TOKEN", reason: "unreplaced_placeholder" }]);
  });

  it("refuses the metadata maps the Action would refuse, naming each map and never its content, and sends valid ones", () => {
    const problems = problemsOf(
      preflight(
        {
          ...VALID,
          LEGACY_USER_METADATA_MAP: '{"nick":"private_nickname"}',
          LEGACY_USER_METADATA_PATH: "data.profile",
          LEGACY_APP_METADATA_MAP: "{plan: private.tier}",
        },
        FRESH,
      ),
    );
    expect(problems).toEqual([
      { subject: "LEGACY_APP_METADATA_MAP", reason: "not_json" },
      { subject: "LEGACY_USER_METADATA_MAP", reason: "map_and_path_both_set" },
    ]);
    const message = refusalMessage(problems);
    expect(message).not.toMatch(/nick|private/);
    expect(message).toContain('a JSON object {"<metadata key>": "<dot path in the legacy record>"}');
    const map = '{"plan":"subscription.plan","roles":"roles"}';
    const accepted = preflight({ ...VALID, LEGACY_APP_METADATA_MAP: map }, FRESH);
    expect(accepted.ok && accepted.plan.secrets).toContainEqual({ name: "LEGACY_APP_METADATA_MAP", value: map });
  });

  it("refuses a secret longer than Auth0 stores", () => {
    const long = "t".repeat(MAX_SECRET_VALUE_LENGTH + 1);
    expect(problemsOf(preflight({ ...VALID, LEGACY_API_TOKEN: long }, FRESH))).toEqual([
      { subject: "LEGACY_API_TOKEN", reason: "too_long" },
    ]);
    expect(preflight({ ...VALID, LEGACY_API_TOKEN: long.slice(1) }, FRESH).ok).toBe(true);
  });

  describe("the bundle", () => {
    const reasons = (committed: string | undefined, fresh = committed ?? "") =>
      problemsOf(preflight(VALID, { committed, fresh })).map((p) => `${p.subject}: ${p.reason}`);

    it("must exist", () => {
      expect(reasons(undefined, BUNDLE)).toEqual([`${ACTION_CODE_PATH}: missing: run \`npm run build\``]);
    });

    it("must be what the sources build to", () => {
      expect(reasons(BUNDLE, `${BUNDLE}\n`)).toEqual([
        `${ACTION_CODE_PATH}: stale: src/action changed since the last build; run \`npm run build\``,
      ]);
    });

    it("must stay within the budget", () => {
      const atBudget = "x".repeat(BUNDLE_BUDGET_BYTES);
      expect(reasons(atBudget)).toEqual([]);
      expect(reasons(`${atBudget}x`)).toEqual([
        `${ACTION_CODE_PATH}: over budget: ${BUNDLE_BUDGET_BYTES + 1} bytes, at most ${BUNDLE_BUDGET_BYTES}`,
      ]);
    });

    it.each(["a@@b", "a##b"])("must not contain keyword markers (%s)", (marker) => {
      expect(reasons(`${BUNDLE}/*${marker}*/`)).toEqual([
        `${ACTION_CODE_PATH}: contains @@ or ##, which the Deploy CLI's keyword replacement may rewrite`,
      ]);
    });
  });

  it("lists every problem in one message that never shows a value", () => {
    const env = {
      AUTH0_DOMAIN: "https://my-tenant.auth0.com",
      AUTH0_CLIENT_SECRET: "tenant-secret-value",
      LEGACY_API_URL: "ftp://legacy-url-value/{email}",
      LEGACY_API_TOKEN: "legacy-token-value",
      LEGACY_API_TIMEOUT_MS: "timeout-value",
    };
    const problems = problemsOf(preflight(env, { committed: BUNDLE, fresh: `${BUNDLE};` }));
    expect(problems.map((p) => p.subject)).toEqual([
      "AUTH0_DOMAIN",
      "AUTH0_CLIENT_ID",
      "LEGACY_API_URL",
      "MIGRATION_CONNECTIONS",
      "LEGACY_API_TIMEOUT_MS",
      ACTION_CODE_PATH,
    ]);
    const message = refusalMessage(problems);
    for (const { subject } of problems) expect(message).toContain(`  - ${subject}: `);
    expect(message).toContain("nothing was sent to Auth0");
    expect(message).toContain("e.g. my-tenant.eu.auth0.com");
    for (const value of Object.values(env)) expect(message).not.toContain(value);
  });
});
