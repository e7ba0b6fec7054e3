/**
 * `report`: the history as one self-contained HTML page. Read by a conformant XML parser
 * (the page is well-formed XML as well as HTML), so the tests check its tables cell by
 * cell against the history, its SVG charts, that it can load nothing, and that text
 * from the file cannot become markup. Then, where Chromium is installed, a real
 * headless browser renders it at phone and desktop widths.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chromiumPath, visitPage } from "../scripts/page-screenshot";
import { SAMPLE_RUN_DAYS, writeSampleHistory } from "../scripts/sample-history";
import { startSampleStore } from "../src/local/sample-store/server";
import { PROJECT_ROOT } from "../src/shared/project-root";
import type { HistoryLine } from "../src/tools/history/history-line";
import { main } from "../src/tools/main";
import { runTime } from "../src/tools/report/chart-scale";
import { estimateWords } from "../src/tools/report/estimate-words";
import { INK, MUTED_INK, SERIES_STYLES } from "../src/tools/report/series-styles";
import { DAY_MS, switchOffEstimate } from "../src/tools/report/switch-off-estimate";
import { readToolSettings } from "../src/tools/tool-settings";
import { historyLineOf, historyRuns, jsonLines } from "./support/history-lines";
import { EMPTY_DOTENV, toolsEnv } from "./support/tools-env";
import { captureIo } from "./support/tools-tenant";
import { byId, elements, parseXml, tableRows, textOf, type XmlElement } from "./support/xml-tree";

let dir: string;
let history: string;
let out: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rmm-report-test-"));
  history = join(dir, "history.jsonl");
  out = join(dir, "report.html");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function report(argv: string[] = []) {
  const io = captureIo();
  const code = await main(["report", "--dotenv", EMPTY_DOTENV, "--history", history, "--out", out, ...argv], {
    env: {},
    ...io,
  });
  return { code, ...io, page: () => readFileSync(out, "utf8") };
}

const START = Date.parse("2026-03-02T07:30:00Z");
const at = (day: number, hours = 0) => new Date(START + day * DAY_MS + hours * 3_600_000);

/** Six runs of a migration with different numbers in every column, some in the thousands. */
function sixRuns(): HistoryLine[] {
  return [0, 3, 7, 10, 14, 17].map((day, i) =>
    historyLineOf({
      at: at(day, i),
      legacy: 48_000,
      notMigrated: 30_000 - 4_100 * i,
      userOnly: 1_200 - 150 * i,
      appOnly: 340 - 31 * i,
      both: 2_500 - 300 * i,
      unrepairable: 9 - i,
      repaired: 3_000 + 2_222 * i,
      unknown: 17 + 5 * i,
      notListed: 4 + i,
      complete: 11_000 + 3_000 * i,
    }),
  );
}

const numbers = (cells: string[]) =>
  cells.map((cell) => (/^[\d,]+$/.test(cell) ? Number(cell.replaceAll(",", "")) : cell));

function page(text: string): XmlElement {
  return parseXml(text);
}

describe("report", () => {
  it("writes one page whose every count equals the history's, run by run", async () => {
    const lines = sixRuns();
    // The file's order is not the runs' order: two verify runs can finish out of order.
    writeFileSync(history, jsonLines([lines[2], lines[0], lines[1], lines[5], lines[3], lines[4]] as HistoryLine[]));
    const { code, text, errors } = await report();
    expect(errors()).toBe("");
    expect(code).toBe(0);
    const estimate = switchOffEstimate(historyRuns(lines));
    expect(estimate?.kind).toBe("date");
    const headline = estimateWords(estimate ?? { kind: "finished", at: 0 }).headline;
    expect(text()).toBe(
      `wrote ${resolve(out)}: 6 verify run(s) from 2026-03-02 to 2026-03-19\n` +
        `latest verdict: NOT YET; switch-off estimate: ${headline}\n`,
    );
    const doc = page(readFileSync(out, "utf8"));
    const times = lines.map((line) => runTime(Date.parse(line.at)));

    expect(tableRows(byId(doc, "migrated-table")).map(numbers)).toEqual(
      lines.map((line, i) => [
        times[i],
        line.legacy_users,
        line.categories.not_migrated,
        `${(((line.legacy_users - line.categories.not_migrated) / line.legacy_users) * 100).toFixed(1)}%`,
      ]),
    );
    expect(tableRows(byId(doc, "missing-table")).map(numbers)).toEqual(
      lines.map((line, i) => [
        times[i],
        line.missing_metadata_by_part.user_metadata_only,
        line.missing_metadata_by_part.app_metadata_only,
        line.missing_metadata_by_part.both,
        line.categories.unrepairable,
      ]),
    );
    expect(tableRows(byId(doc, "repaired-table")).map(numbers)).toEqual(
      lines.map((line, i) => [times[i], line.categories.repaired, line.categories.unknown_to_store]),
    );
    const latest = lines.at(-1) as HistoryLine;
    expect(Object.fromEntries(tableRows(byId(doc, "latest-table")).map(numbers))).toEqual({
      "legacy users the store lists": latest.legacy_users,
      "Auth0 users on the migration connection(s)": latest.tenant_users,
      "legacy users not yet migrated": latest.categories.not_migrated,
      "migrated users still missing metadata": latest.categories.missing_metadata,
      "of which user_metadata only": latest.missing_metadata_by_part.user_metadata_only,
      "of which app_metadata only": latest.missing_metadata_by_part.app_metadata_only,
      "of which both": latest.missing_metadata_by_part.both,
      "cannot log in until their profile is fixed": latest.categories.unrepairable,
      "repaired (marker: repaired)": latest.categories.repaired,
      "unknown to the store (marker: not_found)": latest.categories.unknown_to_store,
      "tenant users the store does not list": latest.categories.not_listed,
      "complete without repair": latest.categories.complete,
    });
    // The verdict, in words, and the estimate.
    const verdict = textOf(byId(doc, "verdict"));
    expect(verdict).toContain("Not yet");
    expect(verdict).toContain(latest.verdict.replace("NOT YET: ", ""));
    expect(textOf(byId(doc, "estimate"))).toContain(headline);
    expect(headline).toMatch(/^Around 2026-\d\d-\d\d$/);
  });

  it("is well-formed, its charts are well-formed SVG that name themselves, and it can load nothing", async () => {
    writeFileSync(history, jsonLines(sixRuns()));
    const { page: text } = await report();
    const html = text();
    const doc = page(html);
    const charts = elements(doc, "svg").filter((svg) => svg.attributes.class === "chart");
    expect(charts.map((svg) => svg.attributes["aria-labelledby"])).toEqual([
      "migrated-chart-title migrated-chart-desc",
      "missing-chart-title missing-chart-desc",
      "repaired-chart-title repaired-chart-desc",
    ]);
    for (const svg of charts) {
      expect(svg.attributes.role).toBe("img");
      for (const id of (svg.attributes["aria-labelledby"] ?? "").split(" ")) expect(textOf(byId(svg, id))).not.toBe("");
      // Each chart on its own is a well-formed SVG document.
      const source = html.slice(html.indexOf(`aria-labelledby="${svg.attributes["aria-labelledby"]}"`));
      const standalone = `<svg ${source.slice(0, source.indexOf("</svg>") + "</svg>".length)}`;
      expect(parseXml(standalone).children[0]).toMatchObject({ name: "svg" });
      const [, , width, height] = (svg.attributes.viewBox ?? "").split(" ").map(Number);
      for (const element of elements(svg)) {
        for (const name of ["x", "y", "cx", "cy", "x1", "x2", "y1", "y2"]) {
          const value = element.attributes[name];
          if (value === undefined) continue;
          expect(Number(value)).toBeGreaterThanOrEqual(0);
          expect(Number(value)).toBeLessThanOrEqual(
            name.startsWith("y") || name === "cy" ? (height ?? 0) : (width ?? 0),
          );
        }
      }
    }
    // One path per series, each with its own colour, dash and marker shape.
    const missingLines = elements(byId(doc, "missing"), "path").filter((p) => p.attributes.class === "line");
    expect(missingLines).toHaveLength(4);
    expect(new Set(missingLines.map((p) => `${p.attributes.stroke} ${p.attributes["stroke-dasharray"]}`)).size).toBe(4);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);

    // Nothing to load: no element or attribute that fetches, no URL but the SVG namespace.
    const all = elements(doc);
    expect(
      all.filter((e) => ["script", "link", "img", "iframe", "object", "embed", "image", "use"].includes(e.name)),
    ).toEqual([]);
    expect(
      all.flatMap((e) => Object.keys(e.attributes)).filter((name) => /(^|:)(src|href|srcset)$/.test(name)),
    ).toEqual([]);
    expect(html.match(/https?:\/\/[^"]*/g)?.every((url) => url === "http://www.w3.org/2000/svg")).toBe(true);
    const style = textOf(elements(doc, "style")[0] ?? { name: "", attributes: {}, children: [] });
    expect(style).not.toMatch(/url\(|@import|@font-face/);
    // The policy lets the browser load nothing, and applies only this stylesheet.
    const policy = elements(doc, "meta").find((m) => m.attributes["http-equiv"] === "Content-Security-Policy");
    const hash = createHash("sha256").update(style).digest("base64");
    expect(policy?.attributes.content).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`,
    );
    expect(elements(doc, "html")[0]?.attributes.lang).toBe("en");
    expect(elements(doc, "meta").some((m) => m.attributes.name === "viewport")).toBe(true);
  });

  it("turns text from the file into text, never markup", async () => {
    const hostile = {
      ...historyLineOf({ at: at(0), notMigrated: 2 }),
      connections: ["<script>alert(1)</script>", `a&b"c'd`],
      verdict: "NOT YET: </style><img src=x onerror=alert(1)> ]]> \u0001\u0008 done",
    };
    history = join(dir, "history <&> 'x'.jsonl");
    writeFileSync(history, jsonLines([hostile]));
    const { code, page: text } = await report();
    expect(code).toBe(0);
    const doc = page(text());
    expect(elements(doc).filter((e) => ["script", "img"].includes(e.name))).toEqual([]);
    expect(textOf(elements(doc, "title")[0] as XmlElement)).toBe(
      `Migration progress: <script>alert(1)</script>, a&b"c'd`,
    );
    expect(textOf(byId(doc, "verdict"))).toContain("</style><img src=x onerror=alert(1)> ]]> \ufffd\ufffd done");
    expect(textOf(elements(doc, "footer")[0] as XmlElement)).toContain(history);
  });

  it("says what it can of a short, a stalled and a finished migration", async () => {
    const cases = [
      { runs: [0, 1].map((d) => historyLineOf({ at: at(d), notMigrated: 100 - d })), estimate: "Not enough history" },
      {
        runs: [0, 2, 4, 6].map((d) => historyLineOf({ at: at(d), notMigrated: 80 })),
        estimate: "No date: the migration is not moving",
      },
      {
        runs: [0, 2, 4].map((d) => historyLineOf({ at: at(d), notMigrated: 40 - 20 * (d / 2), repaired: 5 })),
        estimate: "Now",
        verdict: "Yes",
      },
    ];
    for (const { runs, estimate, verdict } of cases) {
      writeFileSync(history, jsonLines(runs));
      const { code, page: text } = await report();
      expect(code).toBe(0);
      const doc = page(text());
      expect(textOf(byId(doc, "estimate"))).toContain(estimate);
      expect(textOf(byId(doc, "verdict"))).toContain(verdict ?? "Not yet");
    }
  });

  it("draws a first run, and a store that lists nobody, without a broken chart", async () => {
    for (const runs of [
      [historyLineOf({ at: at(0), notMigrated: 3, both: 2 })],
      [0, 1, 2].map((d) => historyLineOf({ at: at(d), legacy: 0, both: 4 - d })),
    ]) {
      writeFileSync(history, jsonLines(runs));
      const { code, page: text } = await report();
      expect(code).toBe(0);
      const html = text();
      expect(html).not.toMatch(/NaN|Infinity|undefined/);
      const doc = page(html);
      expect(elements(doc, "svg").filter((svg) => svg.attributes.class === "chart")).toHaveLength(3);
      expect(tableRows(byId(doc, "migrated-table"))).toHaveLength(runs.length);
    }
    // Nobody listed: no share to give, in the table or the chart.
    const doc = page(readFileSync(out, "utf8"));
    expect(tableRows(byId(doc, "migrated-table")).map((row) => row.at(-1))).toEqual(["–", "–", "–"]);
    const chart = elements(byId(doc, "migrated"), "svg").find((svg) => svg.attributes.class === "chart");
    expect(chart && elements(chart, "circle")).toEqual([]);
  });

  it("skips a damaged line, names it, and keeps every other run", async () => {
    const lines = sixRuns().map((line) => JSON.stringify(line));
    const cut = (lines[3] ?? "").slice(0, 80);
    writeFileSync(history, [lines[0], lines[1], lines[2], cut, "", lines[4], "garbage", lines[5], ""].join("\n"));
    const { code, errors, page: text } = await report();
    expect(code).toBe(0);
    expect(errors()).toBe(
      `${history}: skipped 2 line(s) that could not be read: line 4 (not JSON (cut short or damaged)), line 7 (not JSON (cut short or damaged))\n`,
    );
    const doc = page(text());
    expect(tableRows(byId(doc, "migrated-table"))).toHaveLength(5);
    expect(textOf(elements(doc, "header")[0] as XmlElement)).toContain(
      "2 lines of the history could not be read and are left out: line 4",
    );
  });

  it("fails in one message when there is no history, no run in it, or nowhere to write", async () => {
    const none = await report();
    expect(none.code).toBe(2);
    expect(none.errors()).toBe(
      `repair-migrated-metadata report: there is no history at ${history}\n` +
        "  each verify run appends a line to it: run verify first, or pass --history <path>\n",
    );
    writeFileSync(history, "\n");
    const empty = await report();
    expect(empty.code).toBe(2);
    expect(empty.errors()).toContain(`the history ${history} holds no verify run`);

    writeFileSync(history, jsonLines(sixRuns()));
    out = join(dir, "missing-folder", "report.html");
    const nowhere = await report();
    expect(nowhere.code).toBe(2);
    expect(nowhere.errors()).toBe(
      `repair-migrated-metadata report: could not write the report to ${out}: no such file or folder\n` +
        "  pass --out <path> to a writable place\n",
    );
    expect(existsSync(join(dir, "missing-folder"))).toBe(false);
  });

  it("reads the history verify writes by default, and writes migration-report.html by default", async () => {
    const { parseCliArgs } = await import("../src/tools/cli-args");
    expect(parseCliArgs(["report"])).toMatchObject({
      kind: "run",
      args: { history: ".verify-history.jsonl", out: "migration-report.html" },
    });
    expect(parseCliArgs(["verify"])).toMatchObject({ kind: "run", args: { history: ".verify-history.jsonl" } });
  });

  it("replaces an earlier page whole, leaving no temporary file", async () => {
    writeFileSync(out, "an older page");
    writeFileSync(history, jsonLines(sixRuns()));
    expect((await report()).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(dir).sort()).toEqual(["history.jsonl", "report.html"]);
  });

  it("shows a long history one run a day, and still estimates from every run", async () => {
    // Hourly for 30 days: 720 runs, 10 fewer users each hour.
    const hourly = Array.from({ length: 720 }, (_, hour) =>
      historyLineOf({ at: at(0, hour), legacy: 9000, notMigrated: 8000 - 10 * hour }),
    );
    writeFileSync(history, jsonLines(hourly));
    const { code, page: text } = await report();
    expect(code).toBe(0);
    const doc = page(text());
    const rows = tableRows(byId(doc, "migrated-table"));
    // From 07:30 on the first day to 06:30 thirty days later: 31 UTC days, each shown by its last run.
    expect(rows).toHaveLength(31);
    expect(rows[0]?.[0]).toBe(runTime(at(0, 16).getTime()));
    expect(rows[1]?.[0]).toBe(runTime(at(0, 40).getTime()));
    expect(rows[30]?.[0]).toBe(runTime(at(0, 719).getTime()));
    expect(textOf(elements(doc, "header")[0] as XmlElement)).toContain(
      "The history holds 720 runs; the charts and tables show the latest run of each day (31)",
    );
    const estimate = switchOffEstimate(historyRuns(hourly));
    expect(estimate?.kind).toBe("date");
    if (estimate?.kind === "date")
      expect(textOf(byId(doc, "estimate"))).toContain(`${estimate.days} days after the latest run`);
  });
});

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
};

describe("the charts' colours", () => {
  it("each reach 4.5:1 against the white page, and no two series differ by colour alone", () => {
    for (const colour of [...SERIES_STYLES.map((style) => style.colour), INK, MUTED_INK]) {
      expect(contrast(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(SERIES_STYLES.map((style) => style.marker)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((style) => style.dash ?? "solid")).size).toBe(SERIES_STYLES.length);
  });
});

describe("npm run tools:sample's history", () => {
  it("is verify's own counting of the sample store, four weeks long, ending on a date estimate", async () => {
    const store = await startSampleStore();
    try {
      const env = toolsEnv(store, { LEGACY_API_LIST_URL: `${store.origin}/users` });
      const { config, listUrl } = readToolSettings(
        env,
        { path: EMPTY_DOTENV, required: true },
        { tenant: false, listUrl: true },
      );
      const end = new Date("2026-04-01T12:00:00Z");
      await writeSampleHistory(config, listUrl ?? "", history, end);
      const lines = readFileSync(history, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as HistoryLine);
      expect(lines).toHaveLength(SAMPLE_RUN_DAYS.length);
      expect(lines.at(-1)?.at).toBe(end.toISOString());
      expect(lines[0]).toMatchObject({
        legacy_users: 12,
        tenant_users: 8,
        categories: { not_migrated: 5, unrepairable: 1 },
      });
      expect(lines.at(-1)).toMatchObject({ can_switch_off: false, categories: { not_migrated: 1 } });
      expect(switchOffEstimate(historyRuns(lines))?.kind).toBe("date");
    } finally {
      await store.close();
    }
  });
});

describe("the built CLI", () => {
  it("writes the page with plain Node, from dist/cli", async () => {
    writeFileSync(history, jsonLines(sixRuns()));
    const bin = resolve(PROJECT_ROOT, "bin/repair-migrated-metadata.mjs");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [bin, "report", "--history", history, "--out", out],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? "" },
      },
    );
    expect(stdout.split("\n")[0]).toBe(`wrote ${out}: 6 verify run(s) from 2026-03-02 to 2026-03-19`);
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });
});

const chromium = chromiumPath();
// A skipped test is easy to miss in a summary: say it where the run's output shows it.
if (chromium === undefined) {
  console.warn(
    `the report's browser test is skipped: no Chromium at ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"} (apt-get install -y chromium; see docs/tools.md)`,
  );
}

describe("in a real browser", () => {
  it.skipIf(chromium === undefined)(
    `renders at phone and desktop widths, loading nothing and breaking no policy${chromium ? "" : " (skipped: no Chromium at /usr/bin/chromium; apt-get install -y chromium, see docs/tools.md)"}`,
    async () => {
      writeFileSync(history, jsonLines(sixRuns()));
      expect((await report()).code).toBe(0);
      // The screenshots go into the test's own folder, removed after each test.
      const visit = await visitPage(out, [
        { path: join(dir, "phone.png"), width: 390 },
        { path: join(dir, "desktop.png"), width: 1280 },
      ]);
      expect(visit.requests).toEqual([`file://${out}`, `file://${out}`]);
      // A Content-Security-Policy violation (the stylesheet's hash, anything loaded) is a console error.
      expect(visit.console).toEqual([]);
      expect(visit.svgErrors.every((error) => error === "")).toBe(true);
      for (const shot of visit.shots) {
        const png = readFileSync(shot.path);
        expect(png.subarray(1, 4).toString()).toBe("PNG");
        // IHDR: the image is as wide as the viewport (nothing overflows sideways) and as tall as the page.
        expect(png.readUInt32BE(16)).toBe(shot.width);
        expect(png.readUInt32BE(20)).toBe(shot.height);
        expect(shot.height).toBeGreaterThan(1500);
        expect(shot.height).toBeLessThan(12_000);
        expect(png.length).toBeGreaterThan(50_000);
      }
      const [phone, desktop] = visit.shots;
      expect(phone?.height ?? 0).toBeGreaterThan(desktop?.height ?? 0);
    },
    60_000,
  );
});
