/**
 * `npm run try` against the sample legacy store over real HTTP: what it prints for each
 * kind of answer, how it explains errors, where it reads its configuration, and that it
 * never shows a secret or writes anything.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { nodeVersionNotice } from "../src/local/node-version-notice";
import { type SampleStore, startSampleStore } from "../src/local/sample-store/server";
import { mappedStoreSecrets } from "../src/local/sample-store/store-secrets";
import { runTry, TRY_EXIT } from "../src/local/try/run-try";
import { builtBundle, sampleStoreSecrets } from "./support/local-bundle";
import { runNpm } from "./support/run-npm";
import { EMPTY_DOTENV } from "./support/tools-env";

let store: SampleStore;
const dir = mkdtempSync(join(tmpdir(), "try-test-"));

beforeAll(async () => {
  store = await startSampleStore();
  await builtBundle();
}, 60_000);
afterEach(() => store.heal());
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (extra: Record<string, string> = {}) => sampleStoreSecrets(store, extra);

async function tryIt(args: string[], env: Record<string, string | undefined> = config()) {
  const lines: string[] = [];
  const code = await runTry(args.includes("--dotenv") ? args : [...args, "--dotenv", EMPTY_DOTENV], {
    env,
    out: (line) => lines.push(line),
  });
  const text = lines.join("\n");
  expect(text).not.toContain(store.token);
  return { code, text };
}

describe("against a working store", () => {
  it("prints what the Action would write, what it would skip and why, and its log line", async () => {
    const { code, text } = await tryIt(["--email", "edsger.dijkstra@example.org", "--legacy-id", "1005"]);
    expect(code).toBe(TRY_EXIT.ok);
    expect(text).toContain(`GET ${store.origin}/users/1005 -> 200`);
    expect(text).toMatch(/Log line: repair-migrated-metadata outcome=repaired user_keys=2 app_keys=2 skipped_keys=5/);
    expect(text).toContain(
      'Would write:\n  user_metadata."locale" = "nl-NL"\n  user_metadata."timezone" = "Europe/Amsterdam"',
    );
    expect(text).toContain('user_metadata."billing.address" – its name has "." or "$"');
    expect(text).toContain('user_metadata."signature" – a field inside its value has "." or "$" in its name');
    expect(text).toContain('app_metadata."user_id" – Auth0 reserves this app_metadata name');
    expect(text).toContain('app_metadata."blocked" – Auth0 reserves this app_metadata name');
    expect(text).toMatch(/and the marker app_metadata\.legacy_metadata_repair = \{"v":1,"status":"repaired"/);
    expect(text).toContain("Nothing was written anywhere");
  });

  it("takes the user's current Auth0 metadata from --profile and keeps what is there", async () => {
    const profile = join(dir, "profile.json");
    writeFileSync(profile, JSON.stringify({ user_metadata: { locale: "fr-FR" }, app_metadata: {} }));
    const { code, text } = await tryIt(["--email", "a@example.com", "--legacy-id", "1001", "--profile", profile]);
    expect(code).toBe(TRY_EXIT.ok);
    expect(text).toContain(
      'Would keep (Auth0 already has a value; never overwritten):\n  user_metadata."locale" = "en-GB"',
    );
    const written = text.slice(text.indexOf("Would write:"), text.indexOf("Would keep"));
    expect(written).toContain('user_metadata."timezone"');
    expect(written).not.toContain('"locale"');
  });

  it("reports a user the store does not know", async () => {
    const { code, text } = await tryIt(["--email", "nobody@example.com", "--legacy-id", "9999"]);
    expect(code).toBe(TRY_EXIT.ok);
    expect(text).toContain("outcome=not_found");
    expect(text).toMatch(/Would write:\n {2}app_metadata\."legacy_metadata_repair" = \{"v":1,"status":"not_found"/);
  });

  it("shows that a profile whose metadata is not an object cannot log in, and calls nothing", async () => {
    const profile = join(dir, "string-metadata.json");
    writeFileSync(profile, JSON.stringify({ user_metadata: "locale=en", app_metadata: {} }));
    const before = store.requests.length;
    const { code, text } = await tryIt(["--email", "a@example.com", "--legacy-id", "1001", "--profile", profile]);
    expect(code).toBe(TRY_EXIT.legacyProblem);
    expect(text).toContain("Legacy calls: none\nLog line: (none: no Action ran)");
    expect(text).toContain(
      "The login would fail before any Action runs: Auth0 cannot load a profile whose user_metadata is not\n" +
        "an object (json: cannot unmarshal string into Go struct field .event.user.userMetadata",
    );
    expect(text).toContain("fix the profile by hand (README: Metadata that is not an object)");
    expect(store.requests.length).toBe(before);
  });

  it("notes the host's Node version when it is not the one Auth0 runs", async () => {
    const { text } = await tryIt(["--email", "a@example.com", "--legacy-id", "1003"]);
    const notice = nodeVersionNotice();
    if (notice) expect(text.split("\n")[0]).toBe(notice);
    else expect(text).not.toContain("Note: this machine runs Node");
  });

  it("says when the connection is not a migration connection, and the Action stays silent", async () => {
    const { code, text } = await tryIt(["--email", "a@example.com", "--legacy-id", "1001", "--connection", "other-db"]);
    expect(code).toBe(TRY_EXIT.ok);
    expect(text).toContain("other-db is not in MIGRATION_CONNECTIONS");
    expect(text).toContain("Legacy calls: none");
    expect(text).toContain("Would write: nothing");
  });

  it("through maps, shows each key with the path it came from, and each mapped path that gave nothing", async () => {
    const profile = join(dir, "mapped-profile.json");
    writeFileSync(profile, JSON.stringify({ user_metadata: { locale: "fr-FR" }, app_metadata: {} }));
    const env = { ...mappedStoreSecrets(store), APP_METADATA_ALLOWED_KEYS: "plan,roles,seats" };
    const { code, text } = await tryIt(["--email", "j@example.org", "--legacy-id", "1010", "--profile", profile], env);
    expect(code).toBe(TRY_EXIT.ok);
    expect(text).toContain(
      "  user_metadata through LEGACY_USER_METADATA_MAP (5 keys), app_metadata through LEGACY_APP_METADATA_MAP (4 keys)",
    );
    expect(text).toContain(`GET ${store.origin}/flat/users/1010 -> 200`);
    expect(text).toMatch(/outcome=repaired user_keys=3 app_keys=2 skipped_keys=1/);
    expect(text).toContain(
      [
        "Would write:",
        '  user_metadata."family_name" ← last_name = "McCarthy"',
        '  user_metadata."given_name" ← first_name = "John"',
        '  user_metadata."timezone" ← profile.timezone = "America/Los_Angeles"',
        '  app_metadata."plan" ← subscription.plan = "pro"',
        '  app_metadata."roles" ← roles = ["owner"]',
        '  and the marker app_metadata.legacy_metadata_repair = {"v":1,"status":"repaired","at":"',
      ].join("\n"),
    );
    // The marker goes with the writes, never under a later group, where it would read as skipped.
    expect(text).toContain(
      [
        '"}',
        "Would keep (Auth0 already has a value; never overwritten):",
        '  user_metadata."locale" ← profile.locale = "en-US"',
        "Would skip:",
        '  app_metadata."primary_role" ← roles.0 – it is not in APP_METADATA_ALLOWED_KEYS',
        "Nothing at the mapped path (absent or null: no key):",
        '  user_metadata."newsletter" ← profile.newsletter',
        '  app_metadata."seats" ← subscription.seats',
      ].join("\n"),
    );
  });

  it("only reads from the store", async () => {
    const before = store.requests.length;
    await tryIt(["--email", "a@example.com", "--legacy-id", "1002"]);
    expect(store.requests.slice(before).map((request) => request.method)).toEqual(["GET"]);
  });
});

describe("explains what went wrong", () => {
  it("a bad token", async () => {
    const { code, text } = await tryIt(
      ["--email", "a@example.com", "--legacy-id", "1001"],
      config({ LEGACY_API_TOKEN: "wrong" }),
    );
    expect(code).toBe(TRY_EXIT.legacyProblem);
    expect(text).toContain("The legacy store refused the credentials (HTTP 401): check LEGACY_API_TOKEN.");
    expect(text).not.toContain("wrong");
  });

  it("an unreachable store", async () => {
    const gone = await startSampleStore();
    await gone.close();
    const env = config({ LEGACY_API_URL: gone.recordUrl(), LEGACY_API_TIMEOUT_MS: "300" });
    const { code, text } = await tryIt(["--email", "a@example.com", "--legacy-id", "1001"], env);
    expect(code).toBe(TRY_EXIT.legacyProblem);
    expect(text).toContain(`Nothing is listening at the legacy store at ${gone.origin}`);
  });

  it("a store that fails or answers garbage", async () => {
    store.setFaults({ status: 503 });
    const failing = await tryIt(
      ["--email", "a@example.com", "--legacy-id", "1001"],
      config({ LEGACY_API_TIMEOUT_MS: "300" }),
    );
    expect(failing.text).toContain("HTTP 503 from the legacy store");
    store.setFaults({ status: undefined, malformed: "not_json" });
    const garbage = await tryIt(["--email", "a@example.com", "--legacy-id", "1001"]);
    expect(garbage.code).toBe(TRY_EXIT.legacyProblem);
    expect(garbage.text).toContain("The store answered 200 but not with JSON");
  });

  it("an invalid configuration, every problem at once, without values", async () => {
    const env = {
      LEGACY_API_URL: "http://legacy.example.com/users/{legacy_id}",
      LEGACY_API_BASIC_AUTH: "no-colon-secret",
    };
    const { code, text } = await tryIt(["--email", "a@example.com", "--legacy-id", "1"], env);
    expect(code).toBe(TRY_EXIT.usage);
    expect(text).toContain("LEGACY_API_URL must use https:");
    expect(text).toContain("MIGRATION_CONNECTIONS is not set");
    expect(text).toContain("LEGACY_API_BASIC_AUTH must be user:password");
    expect(text).not.toContain("no-colon-secret");
  });

  it("a missing argument the URL template needs, and a missing --email", async () => {
    const lookup = await tryIt(["--email", "a@example.com"]);
    expect(lookup.code).toBe(TRY_EXIT.usage);
    expect(lookup.text).toContain("LEGACY_API_URL uses {legacy_id}: pass --legacy-id");
    const email = await tryIt(["--legacy-id", "1001"]);
    expect(email.code).toBe(TRY_EXIT.usage);
    expect(email.text).toContain("--email is required");
  });

  it("an unknown flag, in plain words", async () => {
    const { code, text } = await tryIt(["--email", "a@example.com", "--env-file", "x.env"]);
    expect(code).toBe(TRY_EXIT.usage);
    expect(text).toMatch(/^error: unknown flag --env-file: name the variables file with --dotenv <path>/);
  });

  it("a variables file that does not exist, named", async () => {
    const missing = join(dir, "missing.env");
    const { code, text } = await tryIt(["--email", "a@example.com", "--dotenv", missing]);
    expect(code).toBe(TRY_EXIT.usage);
    expect(text).toContain(`error: ${missing}: no such file`);
  });

  it("a profile file that is not JSON", async () => {
    const profile = join(dir, "broken.json");
    writeFileSync(profile, "{user_metadata:");
    const { code, text } = await tryIt(["--email", "a@example.com", "--legacy-id", "1001", "--profile", profile]);
    expect(code).toBe(TRY_EXIT.usage);
    expect(text).toContain(`--profile ${profile}: not valid JSON`);
  });
});

describe("configuration sources", () => {
  it("reads .env, and lets the environment win over it", async () => {
    const envFile = join(dir, "try.env");
    writeFileSync(
      envFile,
      `LEGACY_API_URL=${store.recordUrl("username")}\nMIGRATION_CONNECTIONS=legacy-db\nLEGACY_API_TOKEN=stale-token\n`,
    );
    const { code, text } = await tryIt(["--email", "a@example.com", "--username", "grace", "--dotenv", envFile], {
      LEGACY_API_TOKEN: store.token,
      UNRELATED: "ignored",
    });
    expect(code).toBe(TRY_EXIT.ok);
    expect(text).toContain(
      "LEGACY_API_URL (env file), MIGRATION_CONNECTIONS (env file), LEGACY_API_TOKEN (environment)",
    );
    expect(text).toContain(`GET ${store.origin}/users/by-username/grace -> 200`);
  });

  it("explains a malformed .env by line number", async () => {
    const envFile = join(dir, "bad.env");
    writeFileSync(envFile, "LEGACY_API_TOKEN='unterminated\n");
    const { code, text } = await tryIt(["--email", "a@example.com", "--dotenv", envFile], {});
    expect(code).toBe(TRY_EXIT.usage);
    expect(text).toContain(`${envFile}:1: unterminated quoted value`);
  });
});

it("runs as `npm run try`", async () => {
  const run = await runNpm(
    ["run", "try", "--", "--email", "ada@example.com", "--legacy-id", "1001", "--dotenv", EMPTY_DOTENV],
    config(),
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('user_metadata."preferences" = {"theme":"dark","units":"metric","digest":"weekly"}');
  expect(run.stdout).not.toContain(store.token);
}, 60_000);
