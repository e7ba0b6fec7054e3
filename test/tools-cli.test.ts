/**
 * The operator CLI as it ships: built JavaScript in dist/cli, started by the package's
 * bin launcher with plain Node (no tsx), its commands' help, and one clean message for
 * a mistake or an unreachable tenant, in a child process as a person meets them.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_DIR, cliFiles, committedCliFiles } from "../src/shared/cli-build";
import { PROJECT_ROOT } from "../src/shared/project-root";
import { closedPort } from "./support/fault-server";
import { runNpm } from "./support/run-npm";
import { EMPTY_DOTENV } from "./support/tools-env";

const BIN = resolve(PROJECT_ROOT, "bin/repair-migrated-metadata.mjs");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBin(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe("the built CLI", () => {
  it("is what building src/tools gives today (run `npm run build` if this fails)", async () => {
    const fresh = await cliFiles();
    expect(await committedCliFiles()).toEqual([...fresh.keys()].sort());
    for (const [name, text] of fresh) expect(readFileSync(resolve(CLI_DIR, name), "utf8"), name).toBe(text);
  });

  it("loads no library to answer --help: the SDK and undici are loaded by the command that needs them", () => {
    const entry = readFileSync(resolve(CLI_DIR, "cli.js"), "utf8");
    const imported = [...entry.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(imported.filter((name) => !name?.startsWith("node:") && !name?.startsWith("./"))).toEqual([]);
    expect(JSON.parse(readFileSync(resolve(PROJECT_ROOT, "package.json"), "utf8")).bin).toEqual({
      "repair-migrated-metadata": "bin/repair-migrated-metadata.mjs",
    });
  });

  it("answers --help from the bin launcher with plain Node, and each command its own", async () => {
    const [general, verify, backfill] = await Promise.all([
      runBin(["--help"]),
      runBin(["verify", "--help"]),
      runBin(["backfill", "-h"]),
    ]);
    expect(general).toMatchObject({ code: 0, stderr: "" });
    expect(general.stdout).toMatch(/^usage: repair-migrated-metadata <command>/);
    expect(verify.stdout).toMatch(/^usage: repair-migrated-metadata verify \[flags\]/);
    expect(backfill.stdout).toMatch(/^usage: repair-migrated-metadata backfill \[flags\]/);
  });

  it("refuses an unknown flag in one line that points to the command's help", async () => {
    const run = await runBin(["verify", "--bogus"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "repair-migrated-metadata verify: unknown flag --bogus\nRun `repair-migrated-metadata verify --help` for usage.\n",
    });
  });
});

describe("failures through the built CLI", () => {
  let closed: string;
  beforeAll(async () => {
    closed = `127.0.0.1:${await closedPort()}`;
  });

  const env = () => ({
    AUTH0_DOMAIN: closed,
    AUTH0_ACCESS_TOKEN: "token-value",
    LEGACY_API_URL: "https://legacy.example.test/users/{legacy_id}",
    LEGACY_API_LIST_URL: "https://legacy.example.test/users",
    LEGACY_API_TOKEN: "legacy-token-value",
    MIGRATION_CONNECTIONS: "legacy-db",
  });

  it("an unreachable tenant: one message naming step, host, cause and what changed; exit 2; no stack", async () => {
    // A checkpoint it can write (one it cannot is refused before the tenant is called), kept out of the project.
    const dir = mkdtempSync(join(tmpdir(), "rmm-cli-test-"));
    const run = await runBin(["backfill", "--dotenv", EMPTY_DOTENV, "--checkpoint", join(dir, "cp.json")], env());
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `repair-migrated-metadata backfill: looking up the connection "legacy-db" failed at ${closed}: refused: nothing accepts connections on that host and port\n` +
        "  nothing was written to the tenant\n" +
        "  check AUTH0_DOMAIN (host and port), and that the service is running\n",
    );
  });

  it("--debug adds the stack trace", async () => {
    const run = await runBin(["verify", "--debug", "--dotenv", EMPTY_DOTENV], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^repair-migrated-metadata verify: looking up the connection/);
    expect(run.stderr).toMatch(/\n\s+at /);
    expect(run.stderr).not.toContain("token-value");
  });

  it("runs as `npm run tools`, where a missing variables file is named", async () => {
    const run = await runNpm(["run", "tools", "--", "verify", "--dotenv", "/nonexistent/ci.env"], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--dotenv: /nonexistent/ci.env: no such file");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
