/**
 * The report as one self-contained HTML page: the verdict, the switch-off estimate, three
 * charts with their tables, and the latest run's every count. It loads nothing: no
 * script, font, image or stylesheet from anywhere, and its Content-Security-Policy lets
 * the browser load nothing either (only its own stylesheet, named by its hash, applies).
 * Every string from the history is escaped. The markup is also well-formed XML.
 */
import { createHash } from "node:crypto";
import type { History, HistoryRun } from "../history/read-history";
import { skippedSummary } from "../history/read-history";
import { CATEGORIES, CATEGORY_LABELS, MISSING_PART_LABELS, MISSING_PARTS } from "../verify/migration-report";
import { runTime } from "./chart-scale";
import { estimateWords } from "./estimate-words";
import { escapeHtml } from "./html-escape";
import { legendSwatchSvg, lineChartSvg } from "./line-chart";
import { formatCount } from "./number-format";
import { type ChartSection, type ChartTable, chartSections, span } from "./report-charts";
import { REPORT_STYLE } from "./report-style";
import { type ShownRuns, shownRuns } from "./shown-runs";
import { switchOffEstimate } from "./switch-off-estimate";

export interface ReportPageOptions {
  /** When the page was written, for its footer. */
  generatedAt: Date;
}

const connectionWords = (run: HistoryRun) =>
  `connection${run.connections.length === 1 ? "" : "s"} ${run.connections.join(", ")}`;
const scopeWords = (run: HistoryRun) => `${connectionWords(run)}, REPAIR_VERSION ${run.repair_version}`;

/** A long name such as user_metadata may break after its underscore in a narrow column. */
const breakable = (text: string) => escapeHtml(text).replaceAll("_", "_<wbr/>");

/** "2026-03-14 09:30" wraps between date and time, never inside either. */
const timeCell = (text: string) =>
  text
    .split(" ")
    .map((part) => `<span class="nowrap">${escapeHtml(part)}</span>`)
    .join(" ");

function tableHtml(id: string, table: ChartTable): string {
  const head = table.columns.map((column) => `<th scope="col">${breakable(column)}</th>`).join("");
  const body = table.rows
    .map(([first = "", ...rest]) => {
      const name = table.timeRows ? timeCell(first) : escapeHtml(first);
      return `<tr><th scope="row">${name}</th>${rest.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`;
    })
    .join("\n");
  return (
    `<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0"><table id="${id}">` +
    `<caption id="${id}-caption">${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`
  );
}

function chartSectionHtml(section: ChartSection): string {
  const legend = section.chart.series
    .map((series) => `<li>${legendSwatchSvg(series.style)}<span>${escapeHtml(series.name)}</span></li>`)
    .join("");
  return (
    `<section class="chart-section" id="${section.id}" aria-labelledby="${section.id}-heading">` +
    `<h2 id="${section.id}-heading">${escapeHtml(section.heading)}</h2><p>${escapeHtml(section.intro)}</p>` +
    `<figure><ul class="legend" aria-label="series">${legend}</ul>${lineChartSvg(section.chart)}</figure>\n` +
    `${tableHtml(`${section.id}-table`, section.table)}</section>`
  );
}

function verdictHtml(latest: HistoryRun): string {
  const words = latest.verdict.replace(/^(YES|NOT YET):\s*/, "");
  return (
    `<section class="panel ${latest.can_switch_off ? "yes" : "not-yet"}" id="verdict" aria-labelledby="verdict-heading">` +
    `<h2 id="verdict-heading">Can the legacy store be switched off?</h2>` +
    `<p class="answer">${latest.can_switch_off ? "Yes" : "Not yet"}</p><p>${escapeHtml(words)}</p>` +
    `<p class="meta">As of the latest verify run, ${runTime(latest.time)} UTC.</p></section>`
  );
}

function estimateHtml(runs: readonly HistoryRun[]): string {
  const estimate = switchOffEstimate(runs);
  if (estimate === undefined) return "";
  const words = estimateWords(estimate);
  const assumptions =
    words.assumptions.length > 0
      ? `<h3>Assumptions</h3><ul class="assumptions">${words.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join("")}</ul>`
      : "";
  return (
    `<section class="panel" id="estimate" aria-labelledby="estimate-heading"><h2 id="estimate-heading">When could it be switched off?</h2>` +
    `<p class="answer">${escapeHtml(words.headline)}</p>${words.sentences.map((s) => `<p>${escapeHtml(s)}</p>`).join("")}${assumptions}</section>`
  );
}

function latestHtml(latest: HistoryRun): string {
  const rows: string[][] = [
    ["legacy users the store lists", formatCount(latest.legacy_users)],
    ["Auth0 users on the migration connection(s)", formatCount(latest.tenant_users)],
    ...CATEGORIES.flatMap((category) => {
      const row = [CATEGORY_LABELS[category], formatCount(latest.categories[category])];
      if (category !== "missing_metadata") return [row];
      return [
        row,
        ...MISSING_PARTS.map((part) => [
          `of which ${MISSING_PART_LABELS[part]}`,
          formatCount(latest.missing_metadata_by_part[part]),
        ]),
      ];
    }),
  ];
  const table = {
    caption: `Every count of the run of ${runTime(latest.time)} UTC`,
    columns: ["category", "users"],
    rows,
  };
  return (
    `<section id="latest" aria-labelledby="latest-heading"><h2 id="latest-heading">The latest run, in full</h2>` +
    `${tableHtml("latest-table", table)}</section>`
  );
}

/** What a reader should know about the runs shown: lines left out, thinning, changes of scope. */
function notesHtml(history: History, shown: ShownRuns): string {
  const notes: string[] = [];
  if (history.skipped.length > 0) {
    notes.push(
      `${history.skipped.length} line${history.skipped.length === 1 ? "" : "s"} of the history could not be read and ${history.skipped.length === 1 ? "is" : "are"} left out: ${skippedSummary(history.skipped)}.`,
    );
  }
  if (shown.periodDays !== undefined) {
    const period = shown.periodDays === 1 ? "day" : `${shown.periodDays}-day period`;
    notes.push(
      `The history holds ${formatCount(history.runs.length)} runs; the charts and tables show the latest run of each ${period} (${formatCount(shown.runs.length)}). The estimate uses every run.`,
    );
  }
  let previous: HistoryRun | undefined;
  for (const run of history.runs) {
    if (previous !== undefined && scopeWords(run) !== scopeWords(previous)) {
      notes.push(
        `From ${runTime(run.time)} UTC the runs are for ${scopeWords(run)} (before: ${scopeWords(previous)}).`,
      );
    }
    previous = run;
  }
  return notes.length > 0
    ? `<ul class="notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`
    : "";
}

/** `history.runs` must hold at least one run. */
export function reportPage(history: History, options: ReportPageOptions): string {
  const latest = history.runs.at(-1);
  if (latest === undefined) throw new Error("a report needs at least one run");
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
