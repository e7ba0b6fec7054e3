/**
 * `npm start`, run as a person runs it: zero configuration, ends by itself, and shows
 * each scripted login's outcome. Times vary, so only structure and outcomes are checked.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { TABLE_HEADER } from "../src/local/demo/demo-report";
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
  const header = lines.findIndex((line) => line.startsWith("#  login"));
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
    expect(lines.some((line) => line.split(/ {2,}/).join("|") === TABLE_HEADER.join("|"))).toBe(true);
    const rows = tableRows();
    expect(rows.map((cells) => [cells[1], cells[3]])).toEqual([
      ["migrated, lost everything", "repaired"],
      ["migrated, lost some keys", "repaired"],
      ["metadata complete", "skipped (nothing missing)"],
      ["unknown to the legacy store", "not_found"],
      ["legacy keys Auth0 cannot store", "repaired"],
      ["refresh-token exchange", "skipped (refresh-token exchange)"],
      ["second login after repair", "skipped (already repaired)"],
      ["legacy store outage (503)", "legacy_error (status_503)"],
      ["next login, outage remembered", "legacy_down"],
    ]);
    expect(rows.map((cells) => cells[4])).toEqual([
      "4 user + 4 app + marker",
      "2 user + 2 app + marker",
      "-",
      "marker",
      "2 user + 2 app + marker, 5 skipped",
      "-",
      "-",
      "-",
      "-",
    ]);
    const calls = rows.map((cells) => Number(cells[5]));
    expect(calls.filter((_, index) => index !== 7)).toEqual([1, 1, 0, 1, 1, 0, 0, 0]);
    expect(calls[7]).toBeGreaterThan(1);
    expect(rows.every((cells) => /^\d+ ms$/.test(cells[6] ?? ""))).toBe(true);
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
    expect(run.stdout).toMatch(/^#9 repair-migrated-metadata outcome=legacy_down/m);
    expect(run.stdout).toContain("LEGACY_API_TOKEN=(random, per run)");
    expect(run.stdout).toMatch(/LEGACY_API_URL=http:\/\/127\.0\.0\.1:\d+\/users\/\{legacy_id\}/);
  });
});
