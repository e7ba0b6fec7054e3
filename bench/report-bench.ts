/**
 * Figures for the history and `report` (no pass/fail): `npx tsx bench/report-bench.ts`.
 *
 * 1. appending: the time verify spends adding its line, on a history already 10,000
 *    lines long (the file is opened, its start read to check it is a history, one write).
 * 2. report: reading a history of N runs and writing the page (median of 3), the page's
 *    size, and the built CLI's wall time end to end (Node's start included) for N runs.
 *
 * Writes bench/report-results.json.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { appendHistoryLine } from "../src/tools/history/append-history";
import { HISTORY_KIND, HISTORY_VERSION, type HistoryLine } from "../src/tools/history/history-line";
import { main } from "../src/tools/main";
import { describeMachine } from "./machine";

const HOUR_MS = 3_600_000;
const START = Date.parse("2026-01-01T00:00:00Z");

function line(hour: number, total: number): HistoryLine {
  const left = Math.max(0, total - 40 * hour);
  return {
    kind: HISTORY_KIND,
    v: HISTORY_VERSION,
    at: new Date(START + hour * HOUR_MS).toISOString(),
    connections: ["legacy-db"],
    repair_version: 1,
    legacy_users: total,
    tenant_users: total - Math.round(left * 0.7),
    categories: {
      not_migrated: Math.round(left * 0.7),
      missing_metadata: Math.round(left * 0.3),
      unrepairable: 0,
      repaired: total - left,
      unknown_to_store: 0,
      not_listed: 0,
      complete: 0,
    },
    missing_metadata_by_part: { user_metadata_only: 0, app_metadata_only: 0, both: Math.round(left * 0.3) },
    can_switch_off: left === 0,
    verdict: left === 0 ? "YES" : `NOT YET: ${left} users left`,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const silent = { stdout: () => {}, stderr: { write: () => true, isTTY: false } };

const work = mkdtempSync(join(tmpdir(), "rmm-report-bench-"));
try {
  const history = join(work, "history.jsonl");
  writeFileSync(history, Array.from({ length: 10_000 }, (_, h) => `${JSON.stringify(line(h, 10_000_000))}\n`).join(""));
  const appends = 1000;
  const started = performance.now();
  for (let i = 0; i < appends; i++) appendHistoryLine(history, line(10_000 + i, 10_000_000));
  const appendMicros = Math.round(((performance.now() - started) / appends) * 1000);
  console.log(`append: ${appendMicros} µs per line on a history of 10,000 lines`);

  const reports = [];
  for (const runs of [8, 120, 2_000, 100_000]) {
    const file = join(work, `history-${runs}.jsonl`);
    writeFileSync(
      file,
      Array.from({ length: runs }, (_, h) => `${JSON.stringify(line(h, 40 * runs + 1000))}\n`).join(""),
    );
    const out = join(work, `report-${runs}.html`);
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await main(["report", "--history", file, "--out", out, "--dotenv", "test/support/empty.env"], {
        env: {},
        ...silent,
      });
      times.push(performance.now() - t);
    }
    const cli = performance.now();
    await promisify(execFile)(process.execPath, [
      "bin/repair-migrated-metadata.mjs",
      "report",
      "--history",
      file,
      "--out",
      out,
    ]);
    const figure = {
      runs,
      historyKb: Math.round(statSync(file).size / 1024),
      ms: Math.round(median(times)),
      cliMs: Math.round(performance.now() - cli),
      pageKb: Math.round(statSync(out).size / 1024),
      tableRows: (readFileSync(out, "utf8").match(/<tr>/g)?.length ?? 0) - 3,
    };
    reports.push(figure);
    console.log(
      `report ${String(runs).padStart(7)} runs (${figure.historyKb} KB): ${figure.ms} ms in process, ${figure.cliMs} ms through the CLI, page ${figure.pageKb} KB`,
    );
  }
  writeFileSync(
    "bench/report-results.json",
    `${JSON.stringify({ machine: describeMachine(), appendMicros, reports }, null, 2)}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
