/**
 * `npm start`, run as a person runs it: zero configuration, ends by itself, and shows
 * each scripted login's outcome. Times vary, so only structure and outcomes are checked.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseDemoArgs } from "../src/local/demo/demo-args";
import { TABLE_HEADER } from "../src/local/demo/demo-report";
import { runDemo } from "../src/local/demo/run-demo";
import { nodeVersionNotice } from "../src/local/node-version-notice";
import { type NpmRun, runNpm } from "./support/run-npm";

let run: NpmRun;
let lines: string[];

beforeAll(async () => {
  // No LEGACY_* variable may help it: the demo must need no configuration.
  const cleared = Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => name.startsWith("LEGACY_"))
      .map((name) => [name, undefined]),
  );
  run = await runNpm(["start"], cleared);
  lines = run.stdout.split("\n");
}, 60_000);

/** The table's rows, cut into cells at the runs of spaces between columns. */
function tableRows(): string[][] {
  const header = lines.findIndex((line) => line.split(/ {2,}/).join("|") === TABLE_HEADER.join("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (line.trim() === "") break;
    rows.push(line.split(/ {2,}/));
  }
  return rows;
}

describe("npm start", () => {
  it("ends by itself with exit code 0 and nothing on stderr", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("prints the table of logins with the expected outcomes, in order", () => {
    const rows = tableRows();
    expect(rows.map((cells) => [cells[1], cells[3], cells[4]])).toEqual([
      ["migrated, lost everything", "1", "repaired"],
      ["migrated, lost some keys", "2", "repaired"],
      ["metadata complete", "1", "skipped (nothing missing)"],
      ["unknown to the legacy store", "2", "not_found"],
      ["legacy keys Auth0 cannot store", "1", "repaired"],
      ["user_metadata stored as a string", "-", "login fails (user_metadata not an object)"],
      ["refresh-token exchange", "2", "skipped (refresh-token exchange)"],
      ["second login after repair", "1", "skipped (already repaired)"],
      ["legacy store outage (503)", "2", "legacy_error (status_503)"],
      ["outage goes on: next login", "1", "legacy_down"],
      ["outage goes on: 2 logins later", "2", "legacy_down"],
      ["outage goes on: 3 logins later", "1", "legacy_down"],
    ]);
    expect(rows.map((cells) => cells[5])).toEqual([
      "4 user + 4 app + marker",
      "2 user + 2 app + marker",
      "-",
      "marker",
      "2 user + 2 app + marker, 5 skipped",
      ...Array(7).fill("-"),
    ]);
    const calls = rows.map((cells) => Number(cells[6]));
    expect(calls.filter((_, index) => index !== 8)).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(calls[8]).toBeGreaterThan(1);
    expect(rows.every((cells) => /^\d+ ms$/.test(cells[7] ?? ""))).toBe(true);
  });

  it("says honestly what the outage memory gave each login after the outage", () => {
    expect(run.stdout).toContain("Runtime: api.cache best-effort: 2 instances take logins in turn");
    expect(run.stdout).toMatch(/^#10 instance 1: legacy_down, remembered through api\.cache/m);
    expect(run.stdout).toMatch(/^#11 instance 2: legacy_down, remembered in this instance's module state/m);
    // Instance 1 found the outage in api.cache at login 10 and kept it in its module state.
    expect(run.stdout).toMatch(
      /^#12 instance 1: legacy_down, remembered in this instance's module state, copied there from api\.cache by login #10/m,
    );
  });

  it("notes the host's Node version when it is not the one Auth0 runs", () => {
    const notice = nodeVersionNotice();
    if (notice) expect(lines[1]).toBe(notice);
    else expect(run.stdout).not.toContain("Note: this machine runs Node");
  });

  it("shows each repaired profile before and after", () => {
    const text = run.stdout;
    expect(text).toContain("#1 ada.lovelace@example.com (migrated, lost everything)");
    expect(text).toContain("#2 grace.hopper@example.com (migrated, lost some keys)");
    expect(text).toContain("#5 edsger.dijkstra@example.org (legacy keys Auth0 cannot store)");
    expect(text).not.toMatch(/^#3 alan/m);
    expect(text).toMatch(/user_metadata +before \{\}\n +after +\{"locale":"en-GB",/);
    expect(text).toMatch(
      /before \{"locale":"en-US","newsletter":false\}\n +after +\{"locale":"en-US","newsletter":false,/,
    );
  });

  it("shows what Auth0 keeps of each login's log, and never the token", () => {
    expect(run.stdout).toMatch(/^#1 repair-migrated-metadata outcome=repaired user_keys=4 app_keys=4 skipped_keys=0/m);
    expect(run.stdout).toMatch(/^#3 \(nothing logged\)$/m);
    expect(run.stdout).toMatch(
      /^#6 \(no Action ran; Auth0's error: json: cannot unmarshal string into Go struct field/m,
    );
    expect(run.stdout).toMatch(/^#10 repair-migrated-metadata outcome=legacy_down/m);
    expect(run.stdout).toContain("LEGACY_API_TOKEN=(random, per run)");
    expect(run.stdout).toMatch(/LEGACY_API_URL=http:\/\/127\.0\.0\.1:\d+\/users\/\{legacy_id\}/);
  });

  it("repairs one more login through metadata maps, showing the maps, the record and the result", () => {
    const text = run.stdout;
    expect(text).toMatch(/^ {2}LEGACY_API_URL=http:\/\/127\.0\.0\.1:\d+\/flat\/users\/\{legacy_id\}$/m);
    expect(text).toContain('  LEGACY_USER_METADATA_MAP={"given_name":"first_name","family_name":"last_name",');
    expect(text).toContain('"primary_role":"roles.0"}');
    expect(text).toContain('  {"id":1010,"email":"john.mccarthy@example.org","first_name":"John",');
    expect(text).toContain(
      "#13 john.mccarthy@example.org (a legacy API as it is, read through maps): repaired, 4 user + 3 app + marker, 1 legacy call",
    );
    expect(text).toMatch(
      /after +\{"family_name":"McCarthy","given_name":"John","locale":"en-US","timezone":"America\/Los_Angeles"\}\n/,
    );
    expect(text).toMatch(/after +\{"plan":"pro","primary_role":"owner","roles":\["owner"\],"legacy_metadata_repair":/);
    expect(text).toMatch(/^ {2}log: repair-migrated-metadata outcome=repaired user_keys=4 app_keys=3 skipped_keys=0/m);
  });
});

describe("npm start -- --cache", () => {
  it("reliable: one instance, and the outage is remembered for every later login", async () => {
    const { rows } = await runDemo("reliable");
    expect(rows.slice(9).map((row) => [row.instance, row.outcome, row.legacyCalls])).toEqual([
      [0, "legacy_down", 0],
      [0, "legacy_down", 0],
      [0, "legacy_down", 0],
    ]);
  });

  it("refuses a model it does not know, or another option, with one message", () => {
    expect(parseDemoArgs(["--cache", "none"])).toEqual({ ok: true, help: false, cache: "none" });
    expect(parseDemoArgs([])).toEqual({ ok: true, help: false, cache: "best-effort" });
    expect(parseDemoArgs(["--help"])).toMatchObject({ ok: true, help: true });
    expect(parseDemoArgs(["--cache", "sometimes"])).toEqual({
      ok: false,
      problem: "--cache must be one of best-effort, reliable, none",
    });
    expect(parseDemoArgs(["--verbose"])).toMatchObject({ ok: false, problem: expect.stringMatching(/--verbose/) });
  });
});
