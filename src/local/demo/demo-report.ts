/**
 * The demo's printed report: a table of logins, what the outage memory did after the
 * outage, each repaired profile before and after, and what Auth0 keeps of each log.
 */
import type { DemoRow, MappedDemo } from "./run-demo";

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
  const flow = row.flow === "completed" || row.failedBeforeActions ? "" : ` [flow ${row.flow}]`;
  return `${row.outcome}${detail}${flow}`;
}

/** Instances are numbered from 1 for people; "-" when no Action ran. */
const instanceName = (row: DemoRow) => (row.instance === undefined ? "-" : String(row.instance + 1));

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

export const TABLE_HEADER = [
  "#",
  "login",
  "user",
  "instance",
  "outcome",
  "keys written",
  "legacy calls",
  "time",
] as const;

export function loginTable(rows: readonly DemoRow[]): string[] {
  return formatTable(
    TABLE_HEADER,
    rows.map((row, index) => [
      String(index + 1),
      row.title,
      row.email,
      instanceName(row),
      outcome(row),
      keysWritten(row),
      String(row.legacyCalls),
      `${Math.round(row.ms)} ms`,
    ]),
  );
}

const compact = (value: unknown) => JSON.stringify(value ?? null);

function beforeAndAfter(row: DemoRow): string[] {
  return (["user_metadata", "app_metadata"] as const).flatMap((side) => [
    `  ${side.padEnd(13)} before ${compact(row.before[side])}`,
    `  ${"".padEnd(13)} after  ${compact(row.after[side])}`,
  ]);
}

export function profileChanges(rows: readonly DemoRow[]): string[] {
  const lines: string[] = [];
  rows.forEach((row, index) => {
    if (row.outcome !== "repaired") return;
    lines.push(`#${index + 1} ${row.email} (${row.title})`, ...beforeAndAfter(row));
  });
  return lines;
}

const calls = (count: number) => `${count} legacy call${count === 1 ? "" : "s"}`;

/** The secrets that make the Action read through maps: the flat route and the two maps. */
const MAPPED_SECRET_NAMES = ["LEGACY_API_URL", "LEGACY_USER_METADATA_MAP", "LEGACY_APP_METADATA_MAP"] as const;

/** The login repaired through maps, numbered after the scripted ones: the maps, the record, the result. */
export function mappedLogin(mapped: MappedDemo, number: number): string[] {
  const { row } = mapped;
  return [
    "The same Action configured for a legacy API as it is (the other secrets as above):",
    ...MAPPED_SECRET_NAMES.map((name) => `  ${name}=${mapped.secrets[name] ?? ""}`),
    `The store's record for ${row.email}, with no metadata object in it:`,
    `  ${compact(mapped.record)}`,
    `#${number} ${row.email} (${row.title}): ${outcome(row)}, ${keysWritten(row)}, ${calls(row.legacyCalls)}`,
    ...beforeAndAfter(row),
    `  log: ${row.log === "" ? "(nothing logged)" : row.log}`,
  ];
}

export function logLines(rows: readonly DemoRow[]): string[] {
  return rows.map((row, index) => {
    if (row.failedBeforeActions) return `#${index + 1} (no Action ran; Auth0's error: ${row.failedBeforeActions})`;
    return `#${index + 1} ${row.log === "" ? "(nothing logged)" : row.log}`;
  });
}

/** How each instance learned of the outage: the login (1-based) that failed on it, or found it in api.cache. */
type Learned = Map<number | undefined, { login: number; how: "failed" | "cache" }>;

/** What answered each login after the first outage: api.cache, module state, or nothing. */
function memoryOf(row: DemoRow, learned: Learned): string | undefined {
  const where = `instance ${instanceName(row)}`;
  if (row.outcome === "legacy_down") {
    if (row.cacheHeldEntries)
      return `${where}: legacy_down, remembered through api.cache (the entry was still there); no call`;
    const source = learned.get(row.instance);
    const copied = source?.how === "cache" ? `, copied there from api.cache by login #${source.login}` : "";
    return `${where}: legacy_down, remembered in this instance's module state${copied} (the api.cache entry was gone); no call`;
  }
  if (row.outcome === "legacy_error") {
    const why = learned.has(row.instance) ? "" : " and this instance had not seen the outage";
    return `${where}: legacy_error again: the api.cache entry was gone${why}, so it called the store (${row.legacyCalls} calls)`;
  }
  return undefined;
}

/** Empty when no login failed on the store. */
export function outageMemory(rows: readonly DemoRow[]): string[] {
  const first = rows.findIndex((row) => row.outcome === "legacy_error");
  if (first < 0) return [];
  const learned: Learned = new Map([[rows[first]?.instance, { login: first + 1, how: "failed" }]]);
  const lines: string[] = [];
  rows.forEach((row, index) => {
    if (index <= first) return;
    const memory = memoryOf(row, learned);
    if (memory) lines.push(`#${index + 1} ${memory}`);
    if (learned.has(row.instance)) return;
    // The Action copies an outage it finds in api.cache into its instance's module state.
    if (row.outcome === "legacy_error") learned.set(row.instance, { login: index + 1, how: "failed" });
    if (row.outcome === "legacy_down" && row.cacheHeldEntries)
      learned.set(row.instance, { login: index + 1, how: "cache" });
  });
  return lines;
}
