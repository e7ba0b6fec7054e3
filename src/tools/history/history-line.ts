/**
 * One line of the migration's history: what one `verify` run counted, when, and its
 * verdict. Counts only: no user id, email or legacy id is ever written to it. Each line is
 * a whole JSON object on its own (JSON Lines), so a damaged line costs that line alone.
 */
import * as z from "zod/mini";
import {
  CATEGORIES,
  type Category,
  MISSING_PARTS,
  type MigrationReport,
  type MissingPart,
} from "../verify/migration-report";

export const HISTORY_KIND = "repair-migrated-metadata/verify-history";
/** Bumped when a field changes meaning; a reader skips lines of versions it does not know. */
export const HISTORY_VERSION = 1;

const count = z.int().check(z.nonnegative());

const countsOf = <K extends string>(names: readonly K[]) =>
  z.object(Object.fromEntries(names.map((name) => [name, count])) as Record<K, typeof count>);

const fieldsSchema = z.object({
  kind: z.literal(HISTORY_KIND),
  v: z.literal(HISTORY_VERSION),
  /** When the run started (its export was taken then), ISO 8601 UTC. */
  at: z.iso.datetime(),
  connections: z.array(z.string()),
  repair_version: count,
  legacy_users: count,
  tenant_users: count,
  categories: countsOf(CATEGORIES),
  missing_metadata_by_part: countsOf(MISSING_PARTS),
  can_switch_off: z.boolean(),
  verdict: z.string(),
});

/** Counts that contradict each other are not a run verify could have written. */
export const historyLineSchema = fieldsSchema.check(
  z.refine((line) => line.categories.not_migrated <= line.legacy_users, "more users not migrated than listed"),
  z.refine(
    (line) =>
      MISSING_PARTS.reduce((sum, part) => sum + line.missing_metadata_by_part[part], 0) ===
      line.categories.missing_metadata,
    "the parts of missing metadata do not add up",
  ),
);

export type HistoryLine = z.infer<typeof historyLineSchema>;

export function historyLine(report: MigrationReport, at: Date): HistoryLine {
  const categories = Object.fromEntries(
    CATEGORIES.map((category) => [category, report.categories[category].count]),
  ) as Record<Category, number>;
  const missing = Object.fromEntries(MISSING_PARTS.map((part) => [part, report.missingParts[part]])) as Record<
    MissingPart,
    number
  >;
  return {
    kind: HISTORY_KIND,
    v: HISTORY_VERSION,
    at: at.toISOString(),
    connections: [...report.connections],
    repair_version: report.repairVersion,
    legacy_users: report.legacyUsers,
    tenant_users: report.tenantUsers,
    categories,
    missing_metadata_by_part: missing,
    can_switch_off: report.verdict.canSwitchOff,
    verdict: report.verdict.summary,
  };
}
