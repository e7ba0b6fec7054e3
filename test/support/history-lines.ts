/**
 * History lines as verify writes them, made up for tests: counts chosen by the test, the
 * verdict from verify's own rules and the line from verify's own `historyLine`, so a line
 * is one verify could have appended.
 */
import { type HistoryLine, historyLine } from "../../src/tools/history/history-line";
import type { HistoryRun } from "../../src/tools/history/read-history";
import { CATEGORIES, type Category, type CategoryTally, verdictFor } from "../../src/tools/verify/migration-report";

export interface RunCounts {
  at: Date | string;
  legacy?: number;
  notMigrated?: number;
  userOnly?: number;
  appOnly?: number;
  both?: number;
  unrepairable?: number;
  repaired?: number;
  unknown?: number;
  notListed?: number;
  complete?: number;
  connections?: string[];
  repairVersion?: number;
}

export function historyLineOf(counts: RunCounts): HistoryLine {
  const parts = {
    user_metadata_only: counts.userOnly ?? 0,
    app_metadata_only: counts.appOnly ?? 0,
    both: counts.both ?? 0,
  };
  const categories: Record<Category, number> = {
    not_migrated: counts.notMigrated ?? 0,
    missing_metadata: parts.user_metadata_only + parts.app_metadata_only + parts.both,
    unrepairable: counts.unrepairable ?? 0,
    repaired: counts.repaired ?? 0,
    unknown_to_store: counts.unknown ?? 0,
    not_listed: counts.notListed ?? 0,
    complete: counts.complete ?? 0,
  };
  const tallies = Object.fromEntries(
    CATEGORIES.map((category) => [category, { count: categories[category], examples: [] as string[] }]),
  ) as Record<Category, CategoryTally>;
  const tenantUsers =
    categories.missing_metadata +
    categories.unrepairable +
    categories.repaired +
    categories.unknown_to_store +
    categories.complete;
  const legacyUsers = counts.legacy ?? Math.max(categories.not_migrated, tenantUsers);
  const report = {
    connections: counts.connections ?? ["legacy-db"],
    repairVersion: counts.repairVersion ?? 1,
    legacyUsers,
    tenantUsers,
    categories: tallies,
    missingParts: parts,
    verdict: verdictFor(tallies, legacyUsers),
  };
  return historyLine(report, new Date(counts.at));
}

/** Runs as `readHistory` returns them, oldest first. */
export function historyRuns(lines: readonly HistoryLine[]): HistoryRun[] {
  return lines
    .map((line, i) => ({ ...line, line: i + 1, time: Date.parse(line.at) }))
    .sort((a, b) => a.time - b.time || a.line - b.line);
}

export const jsonLines = (lines: readonly HistoryLine[]) => lines.map((line) => `${JSON.stringify(line)}\n`).join("");
