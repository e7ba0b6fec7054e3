import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/action/config";
import { configFromSecrets } from "../src/action/config-memo";
import { BASE_SECRETS } from "./support/fake-api";

function problemsOf(overrides: Record<string, string | undefined>) {
  const result = parseConfig({ ...BASE_SECRETS, ...overrides });
  return result.ok ? [] : result.problems;
}

describe("config from secrets", () => {
  it("applies the documented defaults", () => {
    const result = parseConfig(BASE_SECRETS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      placeholders: ["legacy_id"],
      auth: { kind: "bearer", token: "test-token" },
      requiredUserKeys: [],
      requiredAppKeys: [],
      allowedAppKeys: undefined,
      userMetadataSource: { path: ["user_metadata"] },
      appMetadataSource: { path: ["app_metadata"] },
      timeoutMs: 4000,
      onLegacyError: "continue",
      repairVersion: 1,
    });
    expect([...result.config.connections]).toEqual(["legacy-db"]);
  });

  it("parses lists, paths and numbers", () => {
    const result = parseConfig({
      ...BASE_SECRETS,
      MIGRATION_CONNECTIONS: " legacy-db , other-db ,",
      REQUIRED_USER_METADATA_KEYS: "plan, locale",
      REQUIRED_APP_METADATA_KEYS: "roles,legacy_metadata_repair",
      APP_METADATA_ALLOWED_KEYS: "roles,tier",
      LEGACY_USER_METADATA_PATH: "data.profile",
      LEGACY_API_TIMEOUT_MS: "2500",
      ON_LEGACY_ERROR: "deny",
      REPAIR_VERSION: "3",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.config;
    expect([...c.connections]).toEqual(["legacy-db", "other-db"]);
    expect(c.requiredUserKeys).toEqual(["plan", "locale"]);
    expect(c.requiredAppKeys).toEqual(["roles"]);
    expect([...(c.allowedAppKeys ?? [])]).toEqual(["roles", "tier"]);
    expect(c.userMetadataSource).toEqual({ path: ["data", "profile"] });
    expect(c).toMatchObject({ timeoutMs: 2500, onLegacyError: "deny", repairVersion: 3 });
  });

  it.each([
    [{ LEGACY_API_URL: undefined }, "LEGACY_API_URL", "missing"],
    [{ LEGACY_API_URL: "  " }, "LEGACY_API_URL", "missing"],
    [{ MIGRATION_CONNECTIONS: undefined }, "MIGRATION_CONNECTIONS", "missing"],
    [{ MIGRATION_CONNECTIONS: " , ," }, "MIGRATION_CONNECTIONS", "missing"],
    [{ LEGACY_API_URL: "http://legacy.example.com/users/{email}" }, "LEGACY_API_URL", "not_https"],
    [{ LEGACY_API_URL: "ftp://legacy.example.com/{email}" }, "LEGACY_API_URL", "not_https"],
    [{ LEGACY_API_URL: "https://legacy.example.com/users/{mail}" }, "LEGACY_API_URL", "unknown_placeholder"],
    [{ LEGACY_API_URL: "https://legacy.example.com/users/42" }, "LEGACY_API_URL", "no_placeholder"],
    [{ LEGACY_API_URL: "https://legacy.example.com/users/{email" }, "LEGACY_API_URL", "unbalanced_brace"],
    [{ LEGACY_API_URL: "https://{username}.example.com/u" }, "LEGACY_API_URL", "placeholder_in_host"],
    [{ LEGACY_API_URL: "https://a:b@legacy.example.com/{email}" }, "LEGACY_API_URL", "credentials_in_url"],
    [{ LEGACY_API_URL: "https://legacy.example.com/u#{email}" }, "LEGACY_API_URL", "has_fragment"],
    [{ LEGACY_API_URL: "not a url {email}" }, "LEGACY_API_URL", "not_a_url"],
    [{ LEGACY_API_TIMEOUT_MS: "99" }, "LEGACY_API_TIMEOUT_MS", "out_of_range"],
    [{ LEGACY_API_TIMEOUT_MS: "10001" }, "LEGACY_API_TIMEOUT_MS", "out_of_range"],
    [{ LEGACY_API_TIMEOUT_MS: "4s" }, "LEGACY_API_TIMEOUT_MS", "not_an_integer"],
    [{ ON_LEGACY_ERROR: "block" }, "ON_LEGACY_ERROR", "invalid_value"],
    [{ REPAIR_VERSION: "0" }, "REPAIR_VERSION", "out_of_range"],
    [{ REPAIR_VERSION: "v2" }, "REPAIR_VERSION", "not_an_integer"],
    [{ REQUIRED_USER_METADATA_KEYS: "plan,a.b" }, "REQUIRED_USER_METADATA_KEYS", "invalid_key_name"],
    [{ APP_METADATA_ALLOWED_KEYS: "roles,blocked" }, "APP_METADATA_ALLOWED_KEYS", "reserved_key"],
    [{ LEGACY_APP_METADATA_PATH: "data..app" }, "LEGACY_APP_METADATA_PATH", "invalid_path"],
    [{ LEGACY_APP_METADATA_PATH: "__proto__.x" }, "LEGACY_APP_METADATA_PATH", "invalid_path"],
    [{ LEGACY_USER_METADATA_PATH: "data.toString" }, "LEGACY_USER_METADATA_PATH", "invalid_path"],
    [{ LEGACY_API_TOKEN: "@@LEGACY_API_TOKEN@@" }, "LEGACY_API_TOKEN", "unreplaced_placeholder"],
    [{ LEGACY_API_URL: "##LEGACY_API_URL##" }, "LEGACY_API_URL", "unreplaced_placeholder"],
    [{ LEGACY_API_TOKEN: "line\nbreak" }, "LEGACY_API_TOKEN", "invalid_characters"],
  ])("refuses %j as %s %s", (overrides, secret, reason) => {
    expect(problemsOf(overrides)).toContainEqual({ subject: secret, reason });
  });

  it("lists every problem at once and never the values", () => {
    const result = parseConfig({
      LEGACY_API_URL: "http://legacy.example.com/{email}",
      LEGACY_API_TOKEN: "s3cr3t-value",
      LEGACY_API_TIMEOUT_MS: "0",
      ON_LEGACY_ERROR: "@@ON_LEGACY_ERROR@@",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { subject: "LEGACY_API_URL", reason: "not_https" },
      { subject: "MIGRATION_CONNECTIONS", reason: "missing" },
      { subject: "LEGACY_API_TIMEOUT_MS", reason: "out_of_range" },
      { subject: "ON_LEGACY_ERROR", reason: "unreplaced_placeholder" },
    ]);
    expect(JSON.stringify(result)).not.toContain("s3cr3t");
  });

  it("reports a missing or conflicting auth method together with the other problems", () => {
    const noAuth = parseConfig({ LEGACY_API_URL: BASE_SECRETS.LEGACY_API_URL, LEGACY_API_TIMEOUT_MS: "x" });
    expect(noAuth.ok ? [] : noAuth.problems).toEqual([
      { subject: "MIGRATION_CONNECTIONS", reason: "missing" },
      { subject: "LEGACY_API_TIMEOUT_MS", reason: "not_an_integer" },
      { subject: "LEGACY_API_TOKEN", reason: "missing_auth" },
    ]);
    const both = parseConfig({
      ...BASE_SECRETS,
      LEGACY_API_TOKEN: "",
      LEGACY_API_KEY: "k",
      LEGACY_OAUTH_CLIENT_ID: "c",
    });
    expect(both.ok ? [] : both.problems).toEqual([
      { subject: "LEGACY_API_KEY+LEGACY_OAUTH_CLIENT_ID", reason: "multiple_auth_methods" },
    ]);
  });

  it("accepts http only for loopback hosts", () => {
    for (const host of ["localhost:8080", "127.0.0.1", "127.1.2.3:9", "[::1]:3000"]) {
      expect(problemsOf({ LEGACY_API_URL: `http://${host}/users/{email}` })).toEqual([]);
    }
    expect(problemsOf({ LEGACY_API_URL: "http://128.0.0.1/users/{email}" })).toContainEqual({
      subject: "LEGACY_API_URL",
      reason: "not_https",
    });
  });

  describe("auth methods", () => {
    const without = { ...BASE_SECRETS, LEGACY_API_TOKEN: undefined };

    it("builds each method", () => {
      const cases: Array<[Record<string, string>, unknown]> = [
        [{ LEGACY_API_BASIC_AUTH: "svc:p:w" }, { kind: "basic", credentials: "svc:p:w" }],
        [
          { LEGACY_API_KEY_HEADER: "X-Api-Key", LEGACY_API_KEY: "k" },
          { kind: "header", name: "X-Api-Key", value: "k" },
        ],
        [
          {
            LEGACY_OAUTH_TOKEN_URL: "https://idp.example.test/oauth/token",
            LEGACY_OAUTH_CLIENT_ID: "cid",
            LEGACY_OAUTH_CLIENT_SECRET: "cs",
            LEGACY_OAUTH_SCOPE: "users:read",
          },
          { kind: "oauth", clientId: "cid", clientSecret: "cs", scope: "users:read", audience: undefined },
        ],
      ];
      for (const [secrets, auth] of cases) {
        const result = parseConfig({ ...without, ...secrets });
        expect(result.ok && result.config.auth).toMatchObject(auth as object);
      }
    });

    it.each([
      [{}, "LEGACY_API_TOKEN", "missing_auth"],
      [
        { LEGACY_API_TOKEN: "t", LEGACY_API_BASIC_AUTH: "a:b" },
        "LEGACY_API_TOKEN+LEGACY_API_BASIC_AUTH",
        "multiple_auth_methods",
      ],
      [{ LEGACY_API_KEY: "k" }, "LEGACY_API_KEY_HEADER", "missing"],
      [{ LEGACY_API_KEY_HEADER: "X-Key" }, "LEGACY_API_KEY", "missing"],
      [{ LEGACY_API_KEY_HEADER: "X Key", LEGACY_API_KEY: "k" }, "LEGACY_API_KEY_HEADER", "invalid_header_name"],
      [{ LEGACY_API_BASIC_AUTH: "nocolon" }, "LEGACY_API_BASIC_AUTH", "expected_user_colon_password"],
      [
        { LEGACY_OAUTH_TOKEN_URL: "https://idp.example.test/t", LEGACY_OAUTH_CLIENT_ID: "c" },
        "LEGACY_OAUTH_CLIENT_SECRET",
        "missing",
      ],
      [{ LEGACY_OAUTH_TOKEN_URL: "http://idp.example.test/t" }, "LEGACY_OAUTH_TOKEN_URL", "not_https"],
    ])("refuses auth %j", (secrets, secret, reason) => {
      const result = parseConfig({ ...without, ...secrets });
      expect(result.ok ? [] : result.problems).toContainEqual({ subject: secret, reason });
    });
  });

  it("parses once per distinct set of secrets", () => {
    const first = configFromSecrets({ ...BASE_SECRETS });
    expect(configFromSecrets({ ...BASE_SECRETS })).toBe(first);
    const changed = configFromSecrets({ ...BASE_SECRETS, LEGACY_API_TIMEOUT_MS: "1000" });
    expect(changed).not.toBe(first);
    expect(changed.ok && changed.config.timeoutMs).toBe(1000);
    const { LEGACY_API_TIMEOUT_MS: _dropped, ...without } = { ...BASE_SECRETS, LEGACY_API_TIMEOUT_MS: "1000" };
    const removed = configFromSecrets(without);
    expect(removed).not.toBe(changed);
    expect(removed.ok && removed.config.timeoutMs).toBe(4000);
    const { LEGACY_API_TOKEN: _token, ...noAuth } = BASE_SECRETS;
    expect(configFromSecrets(noAuth).ok).toBe(false);
  });
});
