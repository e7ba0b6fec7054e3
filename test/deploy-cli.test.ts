/**
 * `npm run deploy` as a new user meets it: a child process with no tenant configured.
 * Each refusal happens before any network call, so nothing here can reach a tenant.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDeployArgs } from "../src/deploy/cli-args";
import { redact } from "../src/deploy/redact";
import { PROJECT_ROOT } from "../src/shared/project-root";
import { readVariables } from "../src/shared/variables";

const TSX = resolve(PROJECT_ROOT, "node_modules/.bin/tsx");
const CLI = resolve(PROJECT_ROOT, "src/deploy/cli.ts");
const workdir = mkdtempSync(join(tmpdir(), "deploy-cli-test-"));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [CLI, ...args], {
    cwd: workdir,
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("deploy environment", () => {
  it("takes .env under the environment, where an empty variable counts as unset", () => {
    const file = join(workdir, "precedence.env");
    writeFileSync(file, "LEGACY_API_TOKEN=from-file\nLEGACY_API_URL=file-url\nREPAIR_VERSION=2\n");
    const { env, problems } = readVariables(
      { LEGACY_API_TOKEN: "", LEGACY_API_URL: "env-url" },
      { path: file, required: true },
    );
    expect(problems).toEqual([]);
    expect(env).toMatchObject({ LEGACY_API_TOKEN: "from-file", LEGACY_API_URL: "env-url", REPAIR_VERSION: "2" });
  });
});

// Each run starts tsx and esbuild in a child process: seconds each on a loaded machine.
describe("npm run deploy from scratch", { timeout: 60_000 }, () => {
  it("explains exactly what to set, and sends nothing", () => {
    const run = runCli([]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Not deploying; nothing was sent to Auth0.");
    for (const name of [
      "AUTH0_DOMAIN",
      "AUTH0_CLIENT_ID",
      "AUTH0_CLIENT_SECRET",
      "LEGACY_API_URL",
      "MIGRATION_CONNECTIONS",
    ]) {
      expect(run.stderr).toContain(`  - ${name}: missing`);
    }
    expect(run.stderr).toContain(".env.example");
  });

  it("reads .env, lets the environment win, and never prints a value", () => {
    writeFileSync(
      join(workdir, ".env"),
      ["AUTH0_DOMAIN=https://from-dotenv.example.com", "LEGACY_API_TIMEOUT_MS=dotenv-timeout-value", ""].join("\n"),
    );
    const run = runCli(["--dry-run", "--position", "middle"], {
      AUTH0_CLIENT_SECRET: "environment-secret-value",
      LEGACY_API_TIMEOUT_MS: "environment-timeout-value",
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((line) => line.startsWith("  - "));
    expect(lines).toEqual([
      "  - --position: must be first or last",
      "  - AUTH0_DOMAIN: invalid: a host name or host:port (e.g. my-tenant.eu.auth0.com or localhost:8443), without https://, a path or credentials",
      "  - AUTH0_CLIENT_ID: missing, or set AUTH0_ACCESS_TOKEN instead of both",
      "  - LEGACY_API_URL: missing",
      "  - MIGRATION_CONNECTIONS: missing",
      "  - LEGACY_API_TIMEOUT_MS: not_an_integer",
      "  - LEGACY_API_TOKEN: missing_auth",
    ]);
    for (const value of [
      "from-dotenv",
      "dotenv-timeout-value",
      "environment-secret-value",
      "environment-timeout-value",
    ]) {
      expect(run.stderr).not.toContain(value);
    }
  });

  it("reports a malformed .env by line, not by content", () => {
    writeFileSync(join(workdir, ".env"), ["AUTH0_DOMAIN=t.example.com", "this line leaks-a-value", ""].join("\n"));
    const run = runCli([]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ {2}- \.env: .*\.env:2: expected NAME=value/);
    expect(run.stderr).not.toContain("leaks-a-value");
  });
});

describe("deploy arguments", () => {
  it("reads --dry-run, --position, --dotenv, --timeout and --debug", () => {
    expect(
      parseDeployArgs(["--dry-run", "--position=first", "--dotenv", "ci.env", "--timeout", "5", "--debug"]),
    ).toEqual({
      dryRun: true,
      position: "first",
      dotenv: { path: "ci.env", required: true },
      timeoutMs: 5000,
      debug: true,
      help: false,
      problems: [],
    });
    expect(parseDeployArgs([])).toEqual({
      dryRun: false,
      position: undefined,
      dotenv: { path: ".env", required: false },
      timeoutMs: 30_000,
      debug: false,
      help: false,
      problems: [],
    });
  });

  it("refuses unknown flags and positions in plain words", () => {
    expect(parseDeployArgs(["--force"]).problems).toEqual([
      { subject: "command line", reason: "unknown flag --force" },
    ]);
    expect(parseDeployArgs(["--env-file", "x.env"]).problems[0]?.reason).toMatch(
      /^unknown flag --env-file: name the variables file with --dotenv <path>/,
    );
    expect(parseDeployArgs(["--position", "2"]).problems).toEqual([
      { subject: "--position", reason: "must be first or last" },
    ]);
  });

  it("--smoke takes the smoke test's user, and only goes with a real deploy", () => {
    const smoke = parseDeployArgs(["--smoke", "--email", "ada@example.com", "--legacy-id", "1001"]);
    expect(smoke.problems).toEqual([]);
    expect(smoke.smoke).toEqual({ email: "ada@example.com", legacyId: "1001", username: undefined });
    expect(parseDeployArgs(["--smoke"]).problems).toEqual([
      { subject: "--smoke", reason: "needs --email <a user the legacy store knows>" },
    ]);
    expect(parseDeployArgs(["--smoke", "--email", "ada@example.com", "--dry-run"]).problems).toEqual([
      { subject: "--smoke", reason: "runs after a deploy; a dry run deploys nothing" },
    ]);
    expect(parseDeployArgs(["--email", "ada@example.com"]).problems).toEqual([
      { subject: "--email", reason: "only goes with --smoke" },
    ]);
  });

  it("names a variables file that does not exist, but takes a missing default .env as empty", () => {
    const missing = join(workdir, "missing.env");
    expect(readVariables({}, { path: missing, required: true }).problems).toEqual([
      { subject: "--dotenv", reason: `${missing}: no such file` },
    ]);
    expect(readVariables({}, { path: missing, required: false }).problems).toEqual([]);
  });
});

describe("masking values in a printed error", () => {
  it("masks each value, raw and JSON-escaped, and leaves short switches alone", () => {
    const token = 'tok"en\\value';
    const message = `Problem loading tenant.yaml: bad ${JSON.stringify(token)} near ${token}; version 2`;
    expect(redact(message, [token, "2"])).toBe(
      'Problem loading tenant.yaml: bad "[redacted]" near [redacted]; version 2',
    );
  });
});
