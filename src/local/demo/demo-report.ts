/** The demo's printed report: a table of logins, then each repaired profile before and after. */
import type { DemoRow } from "./run-demo";

function keysWritten(row: DemoRow): string {
  const parts: string[] = [];
  if (row.userKeys > 0) parts.push(`${row.userKeys} user`);
  if (row.appKeys > 0) parts.push(`${row.appKeys} app`);
  if (row.marker) parts.push("marker");
  const written = parts.length > 0 ? parts.join(" + ") : "-";
  return row.skippedKeys > 0 ? `${written}, ${row.skippedKeys} skipped` : written;
}

function outcome(row: DemoRow): string {
  const detail = row.detail ? ` (${row.detail})` : "";
  const denied = row.flow === "completed" ? "" : ` [flow ${row.flow}]`;
  return `${row.outcome}${detail}${denied}`;
}

function formatTable(header: readonly string[], body: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)];
}

export const TABLE_HEADER = ["#", "login", "user", "outcome", "keys written", "legacy calls", "time"] as const;

export function loginTable(rows: readonly DemoRow[]): string[] {
  return formatTable(
    TABLE_HEADER,
    rows.map((row, index) => [
      String(index + 1),
      row.title,
      row.email,
      outcome(row),
      keysWritten(row),
      String(row.legacyCalls),
      `${Math.round(row.ms)} ms`,
    ]),
  );
}

const compact = (value: unknown) => JSON.stringify(value ?? null);

export function profileChanges(rows: readonly DemoRow[]): string[] {
  const lines: string[] = [];
  rows.forEach((row, index) => {
    if (row.outcome !== "repaired") return;
    lines.push(`#${index + 1} ${row.email} (${row.title})`);
    for (const side of ["user_metadata", "app_metadata"] as const) {
      lines.push(`  ${side.padEnd(13)} before ${compact(row.before[side])}`);
      lines.push(`  ${"".padEnd(13)} after  ${compact(row.after[side])}`);
    }
  });
  return lines;
}

export function logLines(rows: readonly DemoRow[]): string[] {
  return rows.map((row, index) => `#${index + 1} ${row.log === "" ? "(nothing logged)" : row.log}`);
}
