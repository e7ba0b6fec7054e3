/**
 * `verify` and `backfill` at the network's edges, over real sockets on 127.0.0.1 (no msw
 * here): a closed port, a host that never answers, a TLS certificate nobody trusts, a
 * name that does not resolve. Each ends in one message naming the step, the host, the
 * cause and what was changed, with the documented exit code, and no stack trace unless
 * `--debug` asks for one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SampleStore, startSampleStore } from "../src/local/sample-store/server";
import { writeExportFile } from "../src/tools/export/export-file";
import { main } from "../src/tools/main";
import { closedPort } from "./support/fault-server";
import { type EdgeHost, startSilentHost, startUntrustedTlsHost } from "./support/network-edges";
import { EMPTY_DOTENV, toolsEnv } from "./support/tools-env";
import { captureIo, migrated } from "./support/tools-tenant";

let store: SampleStore;
let silent: EdgeHost;
let untrusted: EdgeHost;
let closed: string;
const dir = mkdtempSync(join(tmpdir(), "rmm-failures-test-"));
const exportFile = join(dir, "users.json.gz");

beforeAll(async () => {
  [store, silent, untrusted] = await Promise.all([startSampleStore(), startSilentHost(), startUntrustedTlsHost()]);
  closed = `127.0.0.1:${await closedPort()}`;
  await writeExportFile(exportFile, [migrated("1001", {}), migrated("1002", {}), migrated("1003", {})]);
});
afterAll(async () => {
  await Promise.all([store.close(), silent.close(), untrusted.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], extra: Record<string, string>) {
  const io = captureIo();
  const code = await main([...argv, "--dotenv", EMPTY_DOTENV], { env: toolsEnv(store, extra), ...io, exportPollMs: 5 });
  const errors = io.errors();
  return { code, errors, out: io.text() };
}

const clientCredentials = {
  AUTH0_ACCESS_TOKEN: "",
  AUTH0_CLIENT_ID: "cid",
  AUTH0_CLIENT_SECRET: "client-secret-value",
};

describe("an unreachable tenant", () => {
  it("refused: names the token request, the host and the cause, and says nothing changed", async () => {
    const { code, errors } = await run(["verify"], { AUTH0_DOMAIN: closed, ...clientCredentials });
    expect(code).toBe(2);
    expect(errors).toBe(
      `repair-migrated-metadata verify: requesting a Management API token failed at ${closed}: refused: nothing accepts connections on that host and port\n` +
        "  nothing was changed in the tenant\n" +
        "  check AUTH0_DOMAIN (host and port), and that the service is running\n",
    );
  });

  it("refused with an access token: the first Management API call is named, and not retried", async () => {
    const { code, errors } = await run(["backfill", "--checkpoint", join(dir, "cp.json")], { AUTH0_DOMAIN: closed });
    expect(code).toBe(2);
    expect(errors).toMatch(
      new RegExp(
        `^repair-migrated-metadata backfill: looking up the connection "legacy-db" failed at ${closed}: refused:`,
      ),
    );
    expect(errors).toContain("\n  nothing was written to the tenant\n");
    expect(errors).not.toContain("trying again");
  });

  it("DNS: a name that does not resolve", async () => {
    const { code, errors } = await run(["verify"], { AUTH0_DOMAIN: "nonexistent.invalid", ...clientCredentials });
    expect(code).toBe(2);
    expect(errors).toContain(
      "requesting a Management API token failed at nonexistent.invalid: DNS: the host name does not resolve",
    );
  });

  it("TLS: a certificate nobody trusts", async () => {
    const { code, errors } = await run(["verify"], { AUTH0_DOMAIN: untrusted.host, ...clientCredentials });
    expect(code).toBe(2);
    expect(errors).toContain(`requesting a Management API token failed at ${untrusted.host}: TLS: `);
    expect(errors).toContain("NODE_EXTRA_CA_CERTS");
  });

  it("timeout: a host that never answers is given up after --timeout", async () => {
    const { code, errors } = await run(["verify", "--timeout", "0.3"], {
      AUTH0_DOMAIN: silent.host,
      ...clientCredentials,
    });
    expect(code).toBe(2);
    expect(errors).toContain(
      `requesting a Management API token failed at ${silent.host}: timeout: no answer within 0.3 s`,
    );
    expect(errors).toContain("raise --timeout");
  });

  it("timeout on a Management API call: retried, said so each time, then one message", async () => {
    const { code, errors } = await run(["verify", "--timeout", "0.2"], { AUTH0_DOMAIN: silent.host });
    expect(code).toBe(2);
    const lines = errors.trim().split("\n");
    expect(lines.filter((line) => line.includes("trying again"))).toEqual([
      `looking up the connection "legacy-db" failed at ${silent.host}: timeout: no answer within 0.2 s; trying again (2 of 3)`,
      `looking up the connection "legacy-db" failed at ${silent.host}: timeout: no answer within 0.2 s; trying again (3 of 3)`,
    ]);
    expect(lines.at(-3)).toBe(
      `repair-migrated-metadata verify: looking up the connection "legacy-db" failed at ${silent.host}: timeout: no answer within 0.2 s`,
    );
  });

  it("a port fetch will not use: a network error, in fetch's own words", async () => {
    const { code, errors } = await run(["verify"], { AUTH0_DOMAIN: "127.0.0.1:1" });
    expect(code).toBe(2);
    expect(errors).toContain('looking up the connection "legacy-db" failed at 127.0.0.1:1: a network error (bad port)');
  });

  it("prints the stack only with --debug", async () => {
    const quiet = await run(["verify"], { AUTH0_DOMAIN: closed, ...clientCredentials });
    expect(quiet.errors).not.toMatch(/\n\s+at /);
    const debug = await run(["verify", "--debug"], { AUTH0_DOMAIN: closed, ...clientCredentials });
    expect(debug.code).toBe(2);
    expect(debug.errors).toMatch(/StepFailure: requesting a Management API token failed[\s\S]*\n\s+at /);
    expect(debug.errors).toContain("ECONNREFUSED");
    expect(debug.errors).not.toContain("client-secret-value");
  });
});

describe("an unreachable legacy store", () => {
  const fromFile = ["--export-file", exportFile];

  it("names the list page, the store's host and the cause (TLS)", async () => {
    const { code, errors } = await run(["verify", ...fromFile], {
      LEGACY_API_LIST_URL: `https://${untrusted.host}/users`,
    });
    expect(code).toBe(2);
    expect(errors).toContain(`reading the legacy user list page 1 failed at ${untrusted.host}: TLS: `);
    expect(errors).toContain("NODE_EXTRA_CA_CERTS");
  });

  it("names the list page that timed out", async () => {
    const { code, errors } = await run(["verify", "--timeout", "0.3", ...fromFile], {
      LEGACY_API_LIST_URL: `http://${silent.host}/users`,
    });
    expect(code).toBe(2);
    expect(errors).toContain(
      `reading the legacy user list page 1 failed at ${silent.host}: timeout: no answer within 0.3 s`,
    );
  });

  it("names the legacy OAuth token endpoint when that is what fails", async () => {
    const { code, errors } = await run(["verify", ...fromFile], {
      LEGACY_API_TOKEN: "",
      LEGACY_OAUTH_TOKEN_URL: `http://${closed}/oauth/token`,
      LEGACY_OAUTH_CLIENT_ID: "legacy-client",
      LEGACY_OAUTH_CLIENT_SECRET: "legacy-secret",
    });
    expect(code).toBe(2);
    expect(errors).toContain(`requesting a legacy OAuth token for the user list page 1 failed at ${closed}: refused: `);
    expect(errors).toContain("check LEGACY_OAUTH_TOKEN_URL");
  });

  it("backfill names the record fetches and the store's host (DNS), having written nothing", async () => {
    const { code, errors } = await run(["backfill", "--dry-run", ...fromFile, "--checkpoint", join(dir, "cp.json")], {
      AUTH0_DOMAIN: "",
      LEGACY_API_URL: "https://nonexistent.invalid/users/{legacy_id}",
      LEGACY_API_TIMEOUT_MS: "500",
    });
    expect(code).toBe(2);
    expect(errors).toContain(
      "fetching legacy records (3 users in a row) failed at nonexistent.invalid: DNS: the host name does not resolve\n  nothing was written (dry run)\n",
    );
  });
});
