// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  writeFileAtomically
} from "./chunk-ZVJPC4PO.js";
import {
  HISTORY_KIND,
  HISTORY_VERSION,
  historyLineSchema
} from "./chunk-Q2BCZM7J.js";
import {
  CATEGORIES,
  CATEGORY_LABELS,
  MISSING_PARTS,
  MISSING_PART_LABELS
} from "./chunk-S5OPO4Y2.js";
import {
  fileErrorReason
} from "./chunk-Y3KWZ7AQ.js";
import {
  ToolError
} from "./chunk-SGK6UJTW.js";

// src/tools/commands/report-command.ts
import { resolve } from "node:path";

// src/tools/history/read-history.ts
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
var UNREADABLE_LINE_REASONS = {
  not_json: "not JSON (cut short or damaged)",
  not_history: "not a line of a verify history",
  other_version: "written by another version of the tools",
  invalid_fields: "a count or field is missing or invalid"
};
function parseLine(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return "not_json";
  }
  if (typeof value !== "object" || value === null || value.kind !== HISTORY_KIND) {
    return "not_history";
  }
  if (value.v !== HISTORY_VERSION) return "other_version";
  const parsed = historyLineSchema.safeParse(value);
  return parsed.success ? parsed.data : "invalid_fields";
}
async function readHistory(path) {
  const runs = [];
  const skipped = [];
  let line = 0;
  try {
    const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
    for await (const text of lines) {
      line++;
      if (text.trim() === "") continue;
      const parsed = parseLine(text);
      if (typeof parsed === "string") skipped.push({ subject: `line ${line}`, reason: parsed });
      else runs.push({ ...parsed, line, time: Date.parse(parsed.at) });
    }
  } catch (error) {
    if (error.code === "ENOENT") {
      throw new ToolError(
        `there is no history at ${path}`,
        "each verify run appends a line to it: run verify first, or pass --history <path>"
      );
    }
    throw new ToolError(`could not read the history ${path}: ${fileErrorReason(error)}`);
  }
  runs.sort((a, b) => a.time - b.time || a.line - b.line);
  return { path, runs, skipped };
}
var SKIPPED_SHOWN = 5;
function skippedSummary(skipped) {
  const named = skipped.slice(0, SKIPPED_SHOWN).map((problem) => `${problem.subject} (${UNREADABLE_LINE_REASONS[problem.reason]})`);
  const more = skipped.length > SKIPPED_SHOWN ? `, and ${skipped.length - SKIPPED_SHOWN} more` : "";
  return `${named.join(", ")}${more}`;
}

// src/tools/report/switch-off-estimate.ts
var DAY_MS = 24 * 60 * 60 * 1e3;
var RECENT_DAYS = 28;
var MIN_RECENT_RUNS = 3;
var MIN_SPAN_DAYS = 1;
var HORIZON_DAYS = 3650;
var SHORT_HISTORY_REASONS = {
  too_few_runs: `a trend needs at least ${MIN_RECENT_RUNS} verify runs of the latest run's scope within the last ${RECENT_DAYS} days`,
  too_short_span: `a trend needs verify runs spread over at least ${MIN_SPAN_DAYS} day within the last ${RECENT_DAYS} days`
};
function outstandingUsers(run) {
  const { not_migrated, missing_metadata, unrepairable } = run.categories;
  return not_migrated + missing_metadata + unrepairable;
}
var scopeOf = (run) => `${[...run.connections].sort().join(",")}#${run.repair_version}`;
function leastSquaresSlope(points) {
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return covariance / variance;
}
function switchOffEstimate(runs) {
  const latest = runs.at(-1);
  if (latest === void 0) return void 0;
  if (latest.can_switch_off) return { kind: "finished", at: latest.time };
  const since = latest.time - RECENT_DAYS * DAY_MS;
  const recentRuns = runs.filter((run) => run.time >= since);
  const recent = recentRuns.filter((run) => scopeOf(run) === scopeOf(latest));
  const first = recent[0];
  if (first === void 0 || recent.length < MIN_RECENT_RUNS) {
    return { kind: "not_enough_history", reason: "too_few_runs", runs: recent.length };
  }
  if (latest.time - first.time < MIN_SPAN_DAYS * DAY_MS) {
    return { kind: "not_enough_history", reason: "too_short_span", runs: recent.length };
  }
  const perDay = leastSquaresSlope(
    recent.map((run) => ({ x: (run.time - latest.time) / DAY_MS, y: outstandingUsers(run) }))
  );
  const outstanding = outstandingUsers(latest);
  const trend = {
    runs: recent.length,
    from: first.time,
    to: latest.time,
    firstOutstanding: outstandingUsers(first),
    lastOutstanding: outstanding,
    perDay,
    otherScope: recentRuns.length - recent.length
  };
  const days = perDay < 0 ? outstanding / -perDay : Number.POSITIVE_INFINITY;
  if (days > HORIZON_DAYS) return { kind: "stalled", outstanding, trend };
  const wholeDays = Math.ceil(days);
  return { kind: "date", outstanding, trend, days: wholeDays, date: latest.time + wholeDays * DAY_MS };
}

// src/tools/report/chart-scale.ts
var MAX_STEPS = 5;
var MIN_STEP = 1;
var TIME_TICKS = 4;
function valueTicks(max) {
  const top = Math.max(max, MIN_STEP);
  const rough = top / MAX_STEPS;
  const power = 10 ** Math.floor(Math.log10(rough));
  const round2 = [1, 2, 5, 10].map((multiple) => multiple * power).find((candidate) => candidate >= rough);
  const step = Math.max(MIN_STEP, round2 ?? 10 * power);
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}
function timeTicks(from, to) {
  if (to <= from) return [from];
  return Array.from({ length: TIME_TICKS }, (_, i) => from + (to - from) * i / (TIME_TICKS - 1));
}
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function timeLabel(time, spanMs) {
  const date = new Date(time);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  if (spanMs > 365 * DAY_MS) return `${day} ${date.getUTCFullYear()}`;
  if (spanMs < 3 * DAY_MS) return `${day} ${date.toISOString().slice(11, 16)}`;
  return day;
}
function runTime(time) {
  return new Date(time).toISOString().slice(0, 16).replace("T", " ");
}
function runDate(time) {
  return new Date(time).toISOString().slice(0, 10);
}

// src/tools/report/number-format.ts
var NO_VALUE = "–";
function formatCount(value) {
  return value.toLocaleString("en-US");
}
function formatShare(share) {
  return share === void 0 ? NO_VALUE : `${(share * 100).toFixed(1)}%`;
}

// src/tools/report/estimate-words.ts
var users = (count) => `${formatCount(count)} user${count === 1 ? "" : "s"}`;
function pace(perDay) {
  const magnitude = Math.abs(perDay);
  const shown = magnitude < 10 ? magnitude.toFixed(1) : formatCount(Math.round(magnitude));
  return `${shown} user${shown === "1.0" ? "" : "s"} a day`;
}
function basis(trend) {
  const left = trend.otherScope > 0 ? ` (${trend.otherScope} run${trend.otherScope === 1 ? "" : "s"} of other connections or another REPAIR_VERSION in that time left out)` : "";
  return `Based on ${trend.runs} verify runs from ${runDate(trend.from)} to ${runDate(trend.to)}${left}: the users the verdict waits for went from ${formatCount(trend.firstOutstanding)} to ${formatCount(trend.lastOutstanding)}.`;
}
var ASSUMPTIONS = [
  `The pace of the last ${RECENT_DAYS} days holds: a straight line fitted through those runs' counts, extended from the latest run down to zero.`,
  "Users who have not migrated keep logging in at that pace. Logins usually slow down once the active users are in, and some users never log in again, so the date is more likely early than late: bulk-import the rest rather than wait for them.",
  "Users missing metadata are repaired by their next login or by backfill, and users who cannot log in are fixed by hand.",
  "The verdict waits for users not yet migrated, users missing metadata and users who cannot log in. Users not found in the store, and Auth0 users the store does not list, do not hold it up."
];
function estimateWords(estimate) {
  switch (estimate.kind) {
    case "finished":
      return {
        headline: "Now",
        sentences: [
          `The latest verify run (${runTime(estimate.at)} UTC) found every legacy user in Auth0 and none missing metadata.`,
          "As Auth0's guide says, replace the connection's login and get_user scripts with no-ops; then the legacy store can be switched off."
        ],
        assumptions: []
      };
    case "not_enough_history":
      return {
        headline: "Not enough history",
        sentences: [
          `No estimate yet: ${SHORT_HISTORY_REASONS[estimate.reason]}, and the history has ${estimate.runs} such run${estimate.runs === 1 ? "" : "s"}.`,
          "Run verify regularly (daily or weekly, from a scheduled job): each run adds a line to the history."
        ],
        assumptions: []
      };
    case "stalled":
      return {
        headline: estimate.trend.perDay >= 0 ? "No date: the migration is not moving" : "No date: far too slow",
        sentences: [
          estimate.trend.perDay >= 0 ? `${users(estimate.outstanding)} still hold up the switch-off, and that number is not falling.` : `${users(estimate.outstanding)} still hold up the switch-off; at about ${pace(estimate.trend.perDay)}, the last of them would take more than ${HORIZON_DAYS / 365} years.`,
          basis(estimate.trend),
          "It falls when users who have not migrated are bulk-imported (or log in), when backfill repairs users missing metadata, and when users who cannot log in are fixed by hand."
        ],
        assumptions: ASSUMPTIONS
      };
    case "date":
      return {
        headline: `Around ${runDate(estimate.date)}`,
        sentences: [
          `${users(estimate.outstanding)} still hold up the switch-off. At the recent pace of about ${pace(estimate.trend.perDay)}, the last of them would be done ${estimate.days} day${estimate.days === 1 ? "" : "s"} after the latest run.`,
          basis(estimate.trend)
        ],
        assumptions: ASSUMPTIONS
      };
  }
}

// src/tools/report/report-page.ts
import { createHash } from "node:crypto";

// src/tools/report/html-escape.ts
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
var UNSAFE = /[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
function escapeHtml(text) {
  return text.replace(UNSAFE, (character) => ENTITIES[character] ?? "�");
}

// src/tools/report/series-styles.ts
var SERIES_STYLES = [
  { colour: "#0072b2", marker: "circle" },
  { colour: "#c24e00", dash: "7 4", marker: "square" },
  { colour: "#00785a", dash: "2 3", marker: "triangle" },
  { colour: "#a8447e", dash: "9 3 2 3", marker: "diamond" }
];
var MUTED_INK = "#555555";
var GRID = "#d9d9d9";

// src/tools/report/line-chart.ts
var WIDTH = 560;
var HEIGHT = 280;
var FONT = 14;
var LARGE_FONT = 22;
var TOP = 14;
var BOTTOM = HEIGHT - LARGE_FONT - 16;
var RIGHT = WIDTH - 14;
var MARKERS_UP_TO = 40;
var MARKER_SIZE = 5;
var round = (value) => Math.round(value * 10) / 10;
function markerSvg(shape, x, y, colour) {
  const r = MARKER_SIZE;
  const paint = `fill="${colour}" stroke="#ffffff" stroke-width="1"`;
  switch (shape) {
    case "circle":
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${r}" ${paint}/>`;
    case "square":
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${2 * r}" height="${2 * r}" ${paint}/>`;
    case "triangle":
      return `<path d="M${round(x)} ${round(y - r - 1)}L${round(x + r + 1)} ${round(y + r)}L${round(x - r - 1)} ${round(y + r)}Z" ${paint}/>`;
    case "diamond":
      return `<path d="M${round(x)} ${round(y - r - 1)}L${round(x + r + 1)} ${round(y)}L${round(x)} ${round(y + r + 1)}L${round(x - r - 1)} ${round(y)}Z" ${paint}/>`;
  }
}
function linePath(points) {
  let path = "";
  let drawing = false;
  for (const point of points) {
    if (point === void 0) {
      drawing = false;
      continue;
    }
    path += `${drawing ? "L" : "M"}${round(point.x)} ${round(point.y)}`;
    drawing = true;
  }
  return path;
}
function seriesSvg(series, xs, yOf) {
  const { colour, dash, marker } = series.style;
  const points = series.values.map((value, i) => {
    const x = xs[i];
    return value === void 0 || x === void 0 ? void 0 : { x, y: yOf(value) };
  });
  const dashed = dash ? ` stroke-dasharray="${dash}"` : "";
  const line = `<path class="line" d="${linePath(points)}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round"${dashed}/>`;
  const marked = points.length <= MARKERS_UP_TO ? points : points.slice(-1);
  const markers = marked.map((point) => point ? markerSvg(marker, point.x, point.y, colour) : "").join("");
  return `<g><title>${escapeHtml(series.name)}</title>${line}${markers}</g>`;
}
function lineChartSvg(chart) {
  const { times, valueTicks: valueTicks2 } = chart;
  const labels = valueTicks2.map((value) => chart.valueLabel(value));
  const left = Math.max(...labels.map((label) => label.length)) * LARGE_FONT * 0.7 + 10;
  const top = valueTicks2.at(-1) ?? 1;
  const yOf = (value) => BOTTOM - (BOTTOM - TOP) * value / (top || 1);
  const from = times[0] ?? 0;
  const to = times.at(-1) ?? from;
  const inset = 8;
  const xOf = (time) => to > from ? left + inset + (RIGHT - left - 2 * inset) * (time - from) / (to - from) : (left + RIGHT) / 2;
  const grid = valueTicks2.map((value, i) => {
    const y = round(yOf(value));
    return `<line x1="${round(left)}" x2="${RIGHT}" y1="${y}" y2="${y}" stroke="${GRID}" stroke-width="1"/><text x="${round(left - 6)}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeHtml(labels[i] ?? "")}</text>`;
  }).join("");
  const ticks = timeTicks(from, to);
  const xLabels = ticks.map((time, i) => {
    const anchor = ticks.length === 1 ? "middle" : i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle";
    const x = ticks.length === 1 ? xOf(time) : i === 0 ? left : i === ticks.length - 1 ? RIGHT : xOf(time);
    return `<text x="${round(x)}" y="${HEIGHT - 8}" text-anchor="${anchor}">${escapeHtml(timeLabel(time, to - from))}</text>`;
  }).join("");
  const xs = times.map(xOf);
  const lines = chart.series.map((series) => seriesSvg(series, xs, yOf)).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" font-family="system-ui, sans-serif" font-size="${FONT}" fill="${MUTED_INK}"><title id="${chart.id}-title">${escapeHtml(chart.title)}</title><desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc><g aria-hidden="true">${grid}${xLabels}</g>${lines}</svg>`;
}
function legendSwatchSvg(style) {
  const dashed = style.dash ? ` stroke-dasharray="${style.dash}"` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 36 14" width="36" height="14" aria-hidden="true"><path d="M1 7H35" stroke="${style.colour}" stroke-width="2.5"${dashed}/>${markerSvg(style.marker, 18, 7, style.colour)}</svg>`;
}

// src/tools/report/report-charts.ts
function migratedShare(run) {
  if (run.legacy_users === 0) return void 0;
  return (run.legacy_users - run.categories.not_migrated) / run.legacy_users;
}
function span(runs) {
  const first = runs[0];
  const last = runs.at(-1);
  if (first === void 0 || last === void 0) return "no run";
  const count = `${formatCount(runs.length)} verify run${runs.length === 1 ? "" : "s"}`;
  return first === last ? `${count} on ${runDate(first.time)}` : `${count} from ${runDate(first.time)} to ${runDate(last.time)}`;
}
var countTicks = (series) => valueTicks(Math.max(0, ...series.flatMap((s) => s.values.filter((v) => v !== void 0))));
function latestWords(series, format) {
  return series.map((s) => `${s.name} ${s.values.at(-1) === void 0 ? "no value" : format(s.values.at(-1) ?? 0)}`).join(", ");
}
function migratedSection(runs) {
  const shares = runs.map(migratedShare);
  const series = [
    {
      name: "share migrated",
      values: shares.map((s) => s === void 0 ? void 0 : s * 100),
      style: SERIES_STYLES[0]
    }
  ];
  const first = shares[0];
  const last = shares.at(-1);
  return {
    id: "migrated",
    heading: "Legacy users migrated",
    intro: "The share of the users the legacy store lists who are in Auth0.",
    chart: {
      id: "migrated-chart",
      title: "Share of legacy users migrated",
      description: `Share of legacy users migrated over ${span(runs)}: from ${formatShare(first)} to ${formatShare(last)}.`,
      times: runs.map((run) => run.time),
      series,
      valueTicks: [0, 25, 50, 75, 100],
      valueLabel: (value) => `${value}%`
    },
    table: {
      caption: "Legacy users migrated, at each run",
      columns: ["run (UTC)", "legacy users", "not yet migrated", "share migrated"],
      timeRows: true,
      rows: runs.map((run, i) => [
        runTime(run.time),
        formatCount(run.legacy_users),
        formatCount(run.categories.not_migrated),
        formatShare(shares[i])
      ])
    }
  };
}
var CANNOT_LOG_IN = "cannot log in";
function missingSection(runs) {
  const series = [
    ...MISSING_PARTS.map((part, i) => ({
      name: MISSING_PART_LABELS[part],
      values: runs.map((run) => run.missing_metadata_by_part[part]),
      style: SERIES_STYLES[i] ?? SERIES_STYLES[0]
    })),
    { name: CANNOT_LOG_IN, values: runs.map((run) => run.categories.unrepairable), style: SERIES_STYLES[3] }
  ];
  return {
    id: "missing",
    heading: "Users still missing metadata",
    intro: "Migrated users whose metadata has not arrived, by what they lack (the Action or backfill repairs them), and users whose metadata is not an object, who cannot log in until their profile is fixed by hand.",
    chart: {
      id: "missing-chart",
      title: "Users still missing metadata, by what is missing",
      description: `Users still missing metadata over ${span(runs)}; at the latest run: ${latestWords(series, formatCount)}.`,
      times: runs.map((run) => run.time),
      series,
      valueTicks: countTicks(series),
      valueLabel: formatCount
    },
    table: {
      caption: "Users still missing metadata, at each run",
      columns: ["run (UTC)", ...MISSING_PARTS.map((part) => MISSING_PART_LABELS[part]), CANNOT_LOG_IN],
      timeRows: true,
      rows: runs.map((run) => [
        runTime(run.time),
        ...MISSING_PARTS.map((part) => formatCount(run.missing_metadata_by_part[part])),
        formatCount(run.categories.unrepairable)
      ])
    }
  };
}
function repairedSection(runs) {
  const series = [
    { name: "repaired", values: runs.map((run) => run.categories.repaired), style: SERIES_STYLES[0] },
    {
      name: "unknown to the store",
      values: runs.map((run) => run.categories.unknown_to_store),
      style: SERIES_STYLES[1]
    }
  ];
  return {
    id: "repaired",
    heading: "Repaired, and unknown to the store",
    intro: "Users the Action or backfill has marked: repaired from the legacy store, or not found there (marker not_found: the store answered 404, so there is nothing to wait for).",
    chart: {
      id: "repaired-chart",
      title: "Users repaired, and users unknown to the legacy store",
      description: `Users repaired and unknown to the store over ${span(runs)}; at the latest run: ${latestWords(series, formatCount)}.`,
      times: runs.map((run) => run.time),
      series,
      valueTicks: countTicks(series),
      valueLabel: formatCount
    },
    table: {
      caption: "Users repaired, and unknown to the store, at each run",
      columns: ["run (UTC)", "repaired", "unknown to the store"],
      timeRows: true,
      rows: runs.map((run) => [
        runTime(run.time),
        formatCount(run.categories.repaired),
        formatCount(run.categories.unknown_to_store)
      ])
    }
  };
}
function chartSections(runs) {
  return [migratedSection(runs), missingSection(runs), repairedSection(runs)];
}

// src/tools/report/report-style.ts
var REPORT_STYLE = `
:root { color-scheme: light; --ink: #1f1f1f; --muted: #555555; --rule: #d9d9d9; --yes: #00785a; --no: #c24e00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #ffffff; color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 2.25rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p { margin: 0.5rem 0; }
.meta { color: var(--muted); }
.notes { color: var(--muted); font-size: 0.95rem; padding-left: 1.25rem; }
.panel { border: 1px solid var(--rule); border-left: 0.5rem solid var(--muted); border-radius: 0.375rem; padding: 0.25rem 1rem 0.75rem; margin-top: 1.25rem; }
.panel h2 { margin-top: 0.75rem; }
.panel.yes { border-left-color: var(--yes); background: #eef8f4; }
.panel.not-yet { border-left-color: var(--no); background: #fdf3ec; }
.answer { font-size: 1.6rem; font-weight: 700; line-height: 1.2; margin: 0.25rem 0 0.5rem; }
.assumptions { padding-left: 1.25rem; margin: 0.25rem 0; }
.assumptions li { margin: 0.25rem 0; }
figure { margin: 0.75rem 0 0.5rem; }
svg.chart { display: block; width: 100%; height: auto; font-size: 14px; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; margin: 0 0 0.5rem; font-size: 0.95rem; }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
.legend svg { flex: none; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; font-weight: 600; }
th:first-child, td:first-child { text-align: left; padding-left: 0; }
tbody th { font-weight: 400; }
td, .nowrap { white-space: nowrap; }
footer { color: var(--muted); font-size: 0.9rem; margin-top: 2.5rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); padding-top: 0.75rem; }
@media (max-width: 40rem) {
  svg.chart { font-size: ${LARGE_FONT}px; }
  svg.chart .line { stroke-width: 3.5px; }
  table { font-size: 0.85rem; }
  th, td { padding: 0.3rem 0.3rem; }
}
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding-left: 0; padding-right: 0; }
  .panel { background: none; }
  .table-wrap { overflow: visible; }
  h2, h3, caption { break-after: avoid; }
  figure, .panel, tr, #latest { break-inside: avoid; }
  section.chart-section { break-before: page; }
}
`;

// src/tools/report/shown-runs.ts
var MAX_SHOWN_RUNS = 120;
var LONGEST_PERIOD_DAYS = 365;
var PERIOD_DAYS = [1, 7, 28, 91, LONGEST_PERIOD_DAYS];
function latestOfEach(runs, periodMs) {
  const kept = /* @__PURE__ */ new Map();
  for (const run of runs) kept.set(Math.floor(run.time / periodMs), run);
  return [...kept.values()];
}
function shownRuns(runs) {
  if (runs.length <= MAX_SHOWN_RUNS) return { runs: [...runs] };
  for (const days of PERIOD_DAYS) {
    const kept = latestOfEach(runs, days * DAY_MS);
    if (kept.length <= MAX_SHOWN_RUNS) return { runs: kept, periodDays: days };
  }
  return {
    runs: latestOfEach(runs, LONGEST_PERIOD_DAYS * DAY_MS).slice(-MAX_SHOWN_RUNS),
    periodDays: LONGEST_PERIOD_DAYS
  };
}

// src/tools/report/report-page.ts
var connectionWords = (run) => `connection${run.connections.length === 1 ? "" : "s"} ${run.connections.join(", ")}`;
var scopeWords = (run) => `${connectionWords(run)}, REPAIR_VERSION ${run.repair_version}`;
var breakable = (text) => escapeHtml(text).replaceAll("_", "_<wbr/>");
var timeCell = (text) => text.split(" ").map((part) => `<span class="nowrap">${escapeHtml(part)}</span>`).join(" ");
function tableHtml(id, table) {
  const head = table.columns.map((column) => `<th scope="col">${breakable(column)}</th>`).join("");
  const body = table.rows.map(([first = "", ...rest]) => {
    const name = table.timeRows ? timeCell(first) : escapeHtml(first);
    return `<tr><th scope="row">${name}</th>${rest.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`;
  }).join("\n");
  return `<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0"><table id="${id}"><caption id="${id}-caption">${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}
function chartSectionHtml(section) {
  const legend = section.chart.series.map((series) => `<li>${legendSwatchSvg(series.style)}<span>${escapeHtml(series.name)}</span></li>`).join("");
  return `<section class="chart-section" id="${section.id}" aria-labelledby="${section.id}-heading"><h2 id="${section.id}-heading">${escapeHtml(section.heading)}</h2><p>${escapeHtml(section.intro)}</p><figure><ul class="legend" aria-label="series">${legend}</ul>${lineChartSvg(section.chart)}</figure>
${tableHtml(`${section.id}-table`, section.table)}</section>`;
}
function verdictHtml(latest) {
  const words = latest.verdict.replace(/^(YES|NOT YET):\s*/, "");
  return `<section class="panel ${latest.can_switch_off ? "yes" : "not-yet"}" id="verdict" aria-labelledby="verdict-heading"><h2 id="verdict-heading">Can the legacy store be switched off?</h2><p class="answer">${latest.can_switch_off ? "Yes" : "Not yet"}</p><p>${escapeHtml(words)}</p><p class="meta">As of the latest verify run, ${runTime(latest.time)} UTC.</p></section>`;
}
function estimateHtml(runs) {
  const estimate = switchOffEstimate(runs);
  if (estimate === void 0) return "";
  const words = estimateWords(estimate);
  const assumptions = words.assumptions.length > 0 ? `<h3>Assumptions</h3><ul class="assumptions">${words.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join("")}</ul>` : "";
  return `<section class="panel" id="estimate" aria-labelledby="estimate-heading"><h2 id="estimate-heading">When could it be switched off?</h2><p class="answer">${escapeHtml(words.headline)}</p>${words.sentences.map((s) => `<p>${escapeHtml(s)}</p>`).join("")}${assumptions}</section>`;
}
function latestHtml(latest) {
  const rows = [
    ["legacy users the store lists", formatCount(latest.legacy_users)],
    ["Auth0 users on the migration connection(s)", formatCount(latest.tenant_users)],
    ...CATEGORIES.flatMap((category) => {
      const row = [CATEGORY_LABELS[category], formatCount(latest.categories[category])];
      if (category !== "missing_metadata") return [row];
      return [
        row,
        ...MISSING_PARTS.map((part) => [
          `of which ${MISSING_PART_LABELS[part]}`,
          formatCount(latest.missing_metadata_by_part[part])
        ])
      ];
    })
  ];
  const table = {
    caption: `Every count of the run of ${runTime(latest.time)} UTC`,
    columns: ["category", "users"],
    rows
  };
  return `<section id="latest" aria-labelledby="latest-heading"><h2 id="latest-heading">The latest run, in full</h2>${tableHtml("latest-table", table)}</section>`;
}
function notesHtml(history, shown) {
  const notes = [];
  if (history.skipped.length > 0) {
    notes.push(
      `${history.skipped.length} line${history.skipped.length === 1 ? "" : "s"} of the history could not be read and ${history.skipped.length === 1 ? "is" : "are"} left out: ${skippedSummary(history.skipped)}.`
    );
  }
  if (shown.periodDays !== void 0) {
    const period = shown.periodDays === 1 ? "day" : `${shown.periodDays}-day period`;
    notes.push(
      `The history holds ${formatCount(history.runs.length)} runs; the charts and tables show the latest run of each ${period} (${formatCount(shown.runs.length)}). The estimate uses every run.`
    );
  }
  let previous;
  for (const run of history.runs) {
    if (previous !== void 0 && scopeWords(run) !== scopeWords(previous)) {
      notes.push(
        `From ${runTime(run.time)} UTC the runs are for ${scopeWords(run)} (before: ${scopeWords(previous)}).`
      );
    }
    previous = run;
  }
  return notes.length > 0 ? `<ul class="notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>` : "";
}
function reportPage(history, options) {
  const latest = history.runs.at(-1);
  if (latest === void 0) throw new Error("a report needs at least one run");
  const shown = shownRuns(history.runs);
  const styleHash = createHash("sha256").update(REPORT_STYLE).digest("base64");
  const policy = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${policy}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light" />
<title>Migration progress: ${escapeHtml(latest.connections.join(", "))}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>Migration progress</h1>
<p class="meta">${escapeHtml(connectionWords(latest))} · REPAIR_VERSION ${latest.repair_version} · ${span(history.runs)} · times in UTC</p>
${notesHtml(history, shown)}
</header>
<main>
${verdictHtml(latest)}
${estimateHtml(history.runs)}
${chartSections(shown.runs).map(chartSectionHtml).join("\n")}
${latestHtml(latest)}
</main>
<footer>
<p>Written by <code>repair-migrated-metadata report</code> on ${runTime(options.generatedAt.getTime())} UTC from the history <code>${escapeHtml(history.path)}</code>, which holds counts only: no user's id, email or name. This page loads nothing from anywhere.</p>
</footer>
</body>
</html>
`;
}

// src/tools/commands/report-command.ts
function writePage(path, text) {
  try {
    writeFileAtomically(path, text);
  } catch (error) {
    throw new ToolError(
      `could not write the report to ${path}: ${fileErrorReason(error)}`,
      "pass --out <path> to a writable place"
    );
  }
}
async function runReportCommand(args, _common, io) {
  const history = await readHistory(args.history);
  if (history.skipped.length > 0) {
    io.stderr.write(
      `${args.history}: skipped ${history.skipped.length} line(s) that could not be read: ${skippedSummary(history.skipped)}
`
    );
  }
  const latest = history.runs.at(-1);
  const first = history.runs[0];
  if (latest === void 0 || first === void 0) {
    throw new ToolError(
      `the history ${args.history} holds no verify run`,
      "each verify run appends a line to it: run verify first"
    );
  }
  writePage(args.out, reportPage(history, { generatedAt: /* @__PURE__ */ new Date() }));
  const estimate = switchOffEstimate(history.runs);
  io.stdout(
    `wrote ${resolve(args.out)}: ${history.runs.length} verify run(s) from ${runDate(first.time)} to ${runDate(latest.time)}
latest verdict: ${latest.can_switch_off ? "YES" : "NOT YET"}; switch-off estimate: ${estimate ? estimateWords(estimate).headline : "none"}
`
  );
  return 0;
}
export {
  runReportCommand
};
