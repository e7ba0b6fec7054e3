/** The migration report as the terminal table the operator reads, or as JSON for scripts. */
import { CATEGORIES, CATEGORY_LABELS, type MigrationReport } from "./migration-report";

export function reportJson(report: MigrationReport): string {
  const { connections, repairVersion, legacyUsers, tenantUsers, categories, verdict } = report;
  return JSON.stringify(
    {
      connections,
      repair_version: repairVersion,
      legacy_users: legacyUsers,
      tenant_users: tenantUsers,
      categories,
      can_switch_off: verdict.canSwitchOff,
      verdict: verdict.summary,
    },
    null,
    2,
  );
}

export function reportTable(report: MigrationReport): string {
  const { connections, repairVersion, legacyUsers, tenantUsers, categories, verdict } = report;
  const labelWidth = Math.max(...CATEGORIES.map((category) => CATEGORY_LABELS[category].length));
  const counts = CATEGORIES.map((category) => String(categories[category].count));
  const countWidth = Math.max(5, ...counts.map((count) => count.length));
  const rows = CATEGORIES.map((category, index) => {
    const { examples, count } = categories[category];
    const more = count > examples.length ? ", …" : "";
    const shown = examples.length > 0 ? `${examples.join(", ")}${more}` : "";
    return `  ${CATEGORY_LABELS[category].padEnd(labelWidth)}  ${(counts[index] ?? "").padStart(countWidth)}  ${shown}`;
  });
  return [
    `Migration status for connection(s) ${connections.join(", ")} (REPAIR_VERSION ${repairVersion})`,
    `legacy store lists ${legacyUsers} user(s); the tenant has ${tenantUsers} user(s) on these connection(s)`,
    "",
    `  ${"category".padEnd(labelWidth)}  ${"users".padStart(countWidth)}  examples`,
    ...rows,
    "",
    `Can the legacy store be switched off? ${verdict.summary}`,
  ].join("\n");
}
