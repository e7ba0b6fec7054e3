/**
 * History lines as verify writes them, made up for tests: counts chosen by the test, the
 * verdict from verify's own rules, so a line is one verify could have appended.
 */
import { HISTORY_KIND, HISTORY_VERSION, type HistoryLine } from "../../src/tools/history/history-line";
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
  const tenant =
    categories.missing_metadata +
    categories.unrepairable +
    categories.repaired +
    categories.unknown_to_store +
    categories.complete;
  const legacyUsers = counts.legacy ?? Math.max(categories.not_migrated, tenant);
  const verdict = verdictFor(tallies, legacyUsers);
  return {
    kind: HISTORY_KIND,
    v: HISTORY_VERSION,
    at: new Date(counts.at).toISOString(),
    connections: counts.connections ?? ["legacy-db"],
    repair_version: counts.repairVersion ?? 1,
    legacy_users: legacyUsers,
    tenant_users: tenant,
    categories,
    missing_metadata_by_part: parts,
    can_switch_off: verdict.canSwitchOff,
    verdict: verdict.summary,
  };
}

/** Runs as `readHistory` returns them, oldest first. */
export function historyRuns(lines: readonly HistoryLine[]): HistoryRun[] {
  return lines
    .map((line, i) => ({ ...line, line: i + 1, time: Date.parse(line.at) }))
    .sort((a, b) => a.time - b.time || a.line - b.line);
}

export const jsonLines = (lines: readonly HistoryLine[]) => lines.map((line) => `${JSON.stringify(line)}\n`).join("");
