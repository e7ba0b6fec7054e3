/**
 * `npm run deploy` against a tenant that cannot be reached: over real sockets on
 * 127.0.0.1 (a closed port, a host that never answers), in process for the message's
 * content and in a child process for what a person sees. Every failure names the step,
 * the host and the cause, says that nothing was changed, and shows no stack trace unless
 * `--debug` asks for one. The Deploy CLI's own calls are bounded through Node's fetch.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withBoundedGlobalFetch } from "../src/deploy/bounded-global-fetch";
import { runDeploy } from "../src/deploy/run-deploy";
import { BUNDLE } from "../src/shared/build-config";
import { causeInChain, StatusError } from "../src/shared/failure-cause";
import { PROJECT_ROOT } from "../src/shared/project-root";
import { StepFailure } from "../src/shared/step-failure";
import { closedPort } from "./support/fault-server";
import { type EdgeHost, startSilentHost } from "./support/network-edges";
import { EMPTY_DOTENV } from "./support/tools-env";

const TSX = resolve(PROJECT_ROOT, "node_modules/.bin/tsx");
const CLI = resolve(PROJECT_ROOT, "src/deploy/cli.ts");
const committed = readFileSync(BUNDLE, "utf8");

const SECRETS = {
  LEGACY_API_URL: "https://legacy.example.test/users/{legacy_id}",
  MIGRATION_CONNECTIONS: "legacy-db",
  LEGACY_API_TOKEN: "legacy-token-value",
};

let closed: string;
let silent: EdgeHost;

beforeAll(async () => {
  closed = `127.0.0.1:${await closedPort()}`;
  silent = await startSilentHost();
});
afterAll(() => silent.close());

function deployChild(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(TSX, [CLI, "--dotenv", EMPTY_DOTENV, ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? "", ...SECRETS, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => done({ code, stderr }));
  });
}

describe("a deploy that cannot reach the tenant", () => {
  it("names the bindings read, the host and the cause, before anything is sent", async () => {
    const logged: string[] = [];
    const run = runDeploy({
      env: { AUTH0_DOMAIN: closed, AUTH0_ACCESS_TOKEN: "management-token", ...SECRETS },
      bundle: { committed, fresh: committed },
      dryRun: false,
      position: undefined,
      earlierProblems: [],
      basePath: PROJECT_ROOT,
      log: (line) => logged.push(line),
      timeoutMs: 5000,
    });
    const failure = await run.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StepFailure);
    expect((failure as StepFailure).message).toBe(
      `reading the post-login bindings failed at ${closed}: refused: nothing accepts connections on that host and port`,
    );
    expect((failure as StepFailure).changed).toBeUndefined();
    expect(logged).toEqual([]);
  });

  it("--smoke without what LEGACY_API_URL needs is refused before anything is sent", async () => {
    const outcome = await runDeploy({
      env: { AUTH0_DOMAIN: closed, AUTH0_ACCESS_TOKEN: "management-token", ...SECRETS },
      bundle: { committed, fresh: committed },
      dryRun: false,
      position: undefined,
      earlierProblems: [],
      basePath: PROJECT_ROOT,
      log: () => undefined,
      smoke: { email: "ada@example.com" },
    });
    expect(outcome).toEqual({
      status: "refused",
      problems: [
        {
          subject: "--smoke",
          reason: "LEGACY_API_URL uses {legacy_id}: pass --legacy-id <the user's id in the legacy store>",
        },
      ],
    });
  });

  it("prints one message and exits 1 when the token request times out; --debug adds the stack", async () => {
    const env = { AUTH0_DOMAIN: silent.host, AUTH0_CLIENT_ID: "cid", AUTH0_CLIENT_SECRET: "client-secret-value" };
    const [quiet, debug] = await Promise.all([
      deployChild(["--timeout", "0.5"], env),
      deployChild(["--timeout", "0.5", "--debug"], env),
    ]);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe(
      `Deploy failed: requesting a Management API token failed at ${silent.host}: timeout: no answer within 0.5 s\n` +
        "  nothing was changed in the tenant\n" +
        "  check the network between this machine and the host; if the service is only slow, raise --timeout\n",
    );
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(debug.stderr).not.toContain("client-secret-value");
  }, 60_000);
});

describe("bounding the Deploy CLI's own calls", () => {
  it("makes Node's fetch give up on a silent host within the bound, then puts the default back", async () => {
    const key = Symbol.for("undici.globalDispatcher.1");
    const before = (globalThis as unknown as Record<symbol, unknown>)[key];
    const started = Date.now();
    const failure = await withBoundedGlobalFetch(300, () => fetch(`http://${silent.host}/`)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(causeInChain(failure)).toEqual({ kind: "timeout" });
    expect((globalThis as unknown as Record<symbol, unknown>)[key]).toBe(before);
  });

  it("reads the cause of an error wrapped the way the Deploy CLI's SDK wraps it", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    const wrapped = new Error("request failed", { cause: new TypeError("fetch failed", { cause: refused }) });
    expect(causeInChain(wrapped)).toEqual({ kind: "refused" });
    expect(causeInChain(Object.assign(new Error("Forbidden"), { statusCode: 403 }))).toEqual({
      kind: "status",
      status: 403,
    });
    expect(causeInChain(new Error("wrapper", { cause: new StatusError(503) }))).toMatchObject({ status: 503 });
    // A file that is missing is not a network failure.
    expect(causeInChain(Object.assign(new Error("no such file"), { code: "ENOENT" }))).toBeUndefined();
  });
});
