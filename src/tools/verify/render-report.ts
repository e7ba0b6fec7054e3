/** The migration report as the terminal table the operator reads, or as JSON for scripts. */
import {
  CATEGORIES,
  CATEGORY_LABELS,
  MISSING_PART_LABELS,
  MISSING_PARTS,
  type MigrationReport,
} from "./migration-report";

export function reportJson(report: MigrationReport): string {
  const { connections, repairVersion, legacyUsers, tenantUsers, categories, missingParts, verdict } = report;
  return JSON.stringify(
    {
      connections,
      repair_version: repairVersion,
      legacy_users: legacyUsers,
      tenant_users: tenantUsers,
      categories,
      missing_metadata_by_part: missingParts,
      can_switch_off: verdict.canSwitchOff,
      verdict: verdict.summary,
    },
    null,
    2,
  );
}

interface Row {
  label: string;
  count: number;
  shown: string;
}

/** Each category, and under "missing metadata" (when anyone is) what those users lack. */
function tableRows({ categories, missingParts }: MigrationReport): Row[] {
  return CATEGORIES.flatMap((category) => {
    const { examples, count } = categories[category];
    const more = count > examples.length ? ", …" : "";
    const row = {
      label: CATEGORY_LABELS[category],
      count,
      shown: examples.length > 0 ? `${examples.join(", ")}${more}` : "",
    };
    if (category !== "missing_metadata" || count === 0) return [row];
    const parts = MISSING_PARTS.map((part) => ({
      label: `  missing ${MISSING_PART_LABELS[part]}`,
      count: missingParts[part],
      shown: "",
    }));
    return [row, ...parts];
  });
}

export function reportTable(report: MigrationReport): string {
  const { connections, repairVersion, legacyUsers, tenantUsers, verdict } = report;
  const rows = tableRows(report);
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const countWidth = Math.max(5, ...rows.map((row) => String(row.count).length));
  const lines = rows.map((row) =>
    `  ${row.label.padEnd(labelWidth)}  ${String(row.count).padStart(countWidth)}  ${row.shown}`.trimEnd(),
  );
  return [
    `Migration status for connection(s) ${connections.join(", ")} (REPAIR_VERSION ${repairVersion})`,
    `legacy store lists ${legacyUsers} user(s); the tenant has ${tenantUsers} user(s) on these connection(s)`,
    "",
    `  ${"category".padEnd(labelWidth)}  ${"users".padStart(countWidth)}  examples`,
    ...lines,
    "",
    `Can the legacy store be switched off? ${verdict.summary}`,
  ].join("\n");
}
