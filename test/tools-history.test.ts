/**
 * The migration's history: each verify run that completes appends one line of counts
 * (never a user's id), a failed run appends nothing, appending never touches earlier
 * bytes, survives a line cut short and two runs at once, and reading skips and names a
 * damaged line instead of losing the others.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/shared/project-root";
import { appendHistoryLine } from "../src/tools/history/append-history";
import { HISTORY_KIND } from "../src/tools/history/history-line";
import { readHistory } from "../src/tools/history/read-history";
import { main } from "../src/tools/main";
import { historyLineOf, jsonLines } from "./support/history-lines";
import { EMPTY_DOTENV, toolsEnv, toolsServers } from "./support/tools-env";
import { captureIo, MockTenant, migrated } from "./support/tools-tenant";

const tools = toolsServers();
const { server } = tools;
let dir: string;
let history: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rmm-history-test-"));
  history = join(dir, "history.jsonl");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const marker = (status: string) => ({ v: 1, status, at: "2026-01-01T00:00:00.000Z" });

function seededTenant(): MockTenant {
  const tenant = new MockTenant();
  tenant.seed([
    migrated("1001", { email: "ada.lovelace@example.com", user_metadata: {}, app_metadata: {} }),
    migrated("1002", { user_metadata: { locale: "en" }, app_metadata: { plan: "team" } }),
    migrated("1003", { user_metadata: { locale: "en", timezone: "UTC" }, app_metadata: {} }),
    migrated("1004", { user_metadata: "locale=en", app_metadata: {} }),
    migrated("1005", { app_metadata: { plan: "p", legacy_metadata_repair: marker("repaired") } }),
    migrated("2001", { app_metadata: { legacy_metadata_repair: marker("not_found") } }),
  ]);
  return tenant;
}

async function verify(argv: string[] = [], env = toolsEnv(tools.store)) {
  const io = captureIo();
  const code = await main(["verify", "--dotenv", EMPTY_DOTENV, "--history", history, ...argv], {
    env,
    ...io,
    exportPollMs: 5,
  });
  return { code, ...io };
}

describe("verify's history", () => {
  it("appends one line per run: the time, every category as verify reports it, the verdict, and no user", async () => {
    server.use(...seededTenant().handlers());
    const before = Date.now();
    const { code, text } = await verify(["--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(text());
    const lines = readFileSync(history, "utf8").split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("");
    const line = JSON.parse(lines[0] ?? "");
    expect(line).toMatchObject({ kind: HISTORY_KIND, v: 1, connections: ["legacy-db"], repair_version: 1 });
    expect(Date.parse(line.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(line.at)).toBeLessThanOrEqual(Date.now());
    expect(line.legacy_users).toBe(report.legacy_users);
    expect(line.tenant_users).toBe(report.tenant_users);
    const counts = Object.fromEntries(
      Object.entries(report.categories).map(([name, tally]) => [name, (tally as { count: number }).count]),
    );
    expect(line.categories).toEqual(counts);
    expect(line.categories).toEqual({
      not_migrated: 7,
      missing_metadata: 3,
      unrepairable: 1,
      repaired: 1,
      unknown_to_store: 1,
      not_listed: 1,
      complete: 0,
    });
    expect(line.missing_metadata_by_part).toEqual({ user_metadata_only: 1, app_metadata_only: 1, both: 1 });
    expect(line.missing_metadata_by_part).toEqual(report.missing_metadata_by_part);
    expect(line.can_switch_off).toBe(false);
    expect(line.verdict).toBe(report.verdict);
    // Counts only: no Auth0 id, legacy id, email or example.
    const raw = readFileSync(history, "utf8");
    for (const identifier of ["auth0|", "1001", "1004", "2001", "example.com", "examples"]) {
      expect(raw).not.toContain(identifier);
    }
  });

  it("shows what missing users lack in verify's table too", async () => {
    server.use(...seededTenant().handlers());
    const { text } = await verify();
    const table = text().split("\n");
    const missing = table.findIndex((row) => row.includes("migrated users still missing metadata"));
    expect(table.slice(missing + 1, missing + 4).map((row) => row.replace(/\s+/g, " ").trim())).toEqual([
      "missing user_metadata only 1",
      "missing app_metadata only 1",
      "missing both 1",
    ]);
  });

  it("a second run adds a line after the first, leaving every earlier byte as it was", async () => {
    server.use(...seededTenant().handlers());
    await verify();
    const first = readFileSync(history);
    server.use(...seededTenant().handlers());
    await verify();
    const both = readFileSync(history);
    expect(both.subarray(0, first.length).equals(first)).toBe(true);
    expect((await readHistory(history)).runs).toHaveLength(2);
  });

  it("a run that fails midway appends nothing: its counts would be partial", async () => {
    const tenant = new MockTenant({ exportFails: true });
    tenant.seed([migrated("1001", {})]);
    server.use(...tenant.handlers());
    writeFileSync(history, jsonLines([historyLineOf({ at: "2026-03-01T00:00:00Z", notMigrated: 3 })]));
    const before = readFileSync(history, "utf8");
    const { code, errors } = await verify();
    expect(code).toBe(2);
    expect(errors()).toContain("the job failed");
    expect(readFileSync(history, "utf8")).toBe(before);
  });

  it("refuses, before it runs, a history path that is another file or cannot be written", async () => {
    const checkpoint = join(dir, "checkpoint.json");
    const content = '{"kind":"repair-migrated-metadata/backfill-checkpoint","done":[]}\n';
    writeFileSync(checkpoint, content);
    history = checkpoint;
    const other = await verify();
    expect(other.code).toBe(2);
    expect(other.errors()).toBe(
      `repair-migrated-metadata verify: ${checkpoint} is not a verify history (none of its first lines is one)\n` +
        "  pass --history <path> to name another history file\n",
    );
    expect(other.text()).toBe("");
    expect(readFileSync(checkpoint, "utf8")).toBe(content);

    history = join(dir, "no-such-folder", "history.jsonl");
    const missing = await verify();
    expect(missing.code).toBe(2);
    expect(missing.errors()).toContain(`cannot append to the history ${history}: no such file or folder`);
    expect(existsSync(history)).toBe(false);
  });

  it("defaults to .verify-history.jsonl in the working directory, beside the backfill checkpoint", async () => {
    const { parseCliArgs } = await import("../src/tools/cli-args");
    expect(parseCliArgs(["verify"])).toMatchObject({ kind: "run", args: { history: ".verify-history.jsonl" } });
    expect(parseCliArgs(["backfill"])).toMatchObject({
      kind: "run",
      args: { checkpoint: ".backfill-checkpoint.json" },
    });
  });
});

describe("appending", () => {
  const line = (day: number) =>
    historyLineOf({ at: `2026-03-${String(day).padStart(2, "0")}T08:00:00Z`, notMigrated: day });

  it("closes a line cut short by a crash, so that only that line is lost", async () => {
    const whole = jsonLines([line(1)]);
    const cut = JSON.stringify(line(2)).slice(0, 57);
    writeFileSync(history, `${whole}${cut}`);
    appendHistoryLine(history, line(3));
    const text = readFileSync(history, "utf8");
    expect(text.startsWith(`${whole}${cut}\n`)).toBe(true);
    const read = await readHistory(history);
    expect(read.runs.map((run) => run.categories.not_migrated)).toEqual([1, 3]);
    expect(read.skipped).toEqual([{ subject: "line 2", reason: "not_json" }]);
  });

  it("keeps every line whole when several processes append at once", async () => {
    const writers = ["a", "b", "c", "d"];
    const perWriter = 150;
    const child = join(PROJECT_ROOT, "test/support/append-history-child.ts");
    await Promise.all(
      writers.map((writer) =>
        promisify(execFile)(process.execPath, ["--import", "tsx", child, history, writer, String(perWriter)], {
          cwd: PROJECT_ROOT,
        }),
      ),
    );
    const read = await readHistory(history);
    expect(read.skipped).toEqual([]);
    expect(read.runs).toHaveLength(writers.length * perWriter);
    for (const writer of writers) {
      const versions = read.runs.filter((run) => run.connections[0] === writer).map((run) => run.repair_version);
      expect(versions.sort((a, b) => a - b)).toEqual(Array.from({ length: perWriter }, (_, i) => i));
    }
  }, 60_000);
});

describe("reading", () => {
  it("skips and names each line it cannot use, keeps the others, and orders runs by time", async () => {
    const valid = [line(3), line(1), line(2)].map((l) => JSON.stringify(l));
    const newer = JSON.stringify({ ...line(4), v: 2 });
    const negative = JSON.stringify({ ...line(5), legacy_users: -1 });
    const contradicting = JSON.stringify({ ...line(6), categories: { ...line(6).categories, missing_metadata: 99 } });
    const otherFile = JSON.stringify({ kind: "repair-migrated-metadata/backfill-checkpoint", done: [] });
    const text = [
      valid[0],
      "{not json",
      "",
      valid[1],
      newer,
      negative,
      contradicting,
      otherFile,
      "[]",
      valid[2],
      "",
    ].join("\n");
    writeFileSync(history, text);
    const read = await readHistory(history);
    expect(read.runs.map((run) => [run.line, run.categories.not_migrated])).toEqual([
      [4, 1],
      [10, 2],
      [1, 3],
    ]);
    expect(read.skipped).toEqual([
      { subject: "line 2", reason: "not_json" },
      { subject: "line 5", reason: "other_version" },
      { subject: "line 6", reason: "invalid_fields" },
      { subject: "line 7", reason: "invalid_fields" },
      { subject: "line 8", reason: "not_history" },
      { subject: "line 9", reason: "not_history" },
    ]);
  });

  function line(day: number) {
    return historyLineOf({ at: `2026-03-${String(day).padStart(2, "0")}T08:00:00Z`, notMigrated: day, both: 1 });
  }
});
