// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  CATEGORIES,
  MISSING_PARTS
} from "./chunk-S5OPO4Y2.js";

// src/tools/history/history-line.ts
import * as z from "zod/mini";
var HISTORY_KIND = "repair-migrated-metadata/verify-history";
var HISTORY_VERSION = 1;
var count = z.int().check(z.nonnegative());
var countsOf = (names) => z.object(Object.fromEntries(names.map((name) => [name, count])));
var fieldsSchema = z.object({
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
  verdict: z.string()
});
var historyLineSchema = fieldsSchema.check(
  z.refine((line) => line.categories.not_migrated <= line.legacy_users, "more users not migrated than listed"),
  z.refine(
    (line) => MISSING_PARTS.reduce((sum, part) => sum + line.missing_metadata_by_part[part], 0) === line.categories.missing_metadata,
    "the parts of missing metadata do not add up"
  )
);
function historyLine(report, at) {
  const categories = Object.fromEntries(
    CATEGORIES.map((category) => [category, report.categories[category].count])
  );
  const missing = Object.fromEntries(MISSING_PARTS.map((part) => [part, report.missingParts[part]]));
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
    verdict: report.verdict.summary
  };
}

export {
  HISTORY_KIND,
  HISTORY_VERSION,
  historyLineSchema,
  historyLine
};
