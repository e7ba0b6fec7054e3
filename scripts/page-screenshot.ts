/**
 * A page as a person sees it: Debian's Chromium, driven headless by playwright-core,
 * loads an HTML file and takes full-page screenshots at the widths asked for, and a PDF
 * as it prints. It records every request the page makes and every console message, so a
 * caller can tell that a page loaded nothing and broke no Content-Security-Policy.
 * Chromium is not an npm package: where it is not installed, `chromiumPath()` says so.
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Where Debian's `chromium` package puts it; `CHROMIUM_PATH` names another. */
export function chromiumCandidate(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** The Chromium to drive, when it is there. */
export function chromiumPath(): string | undefined {
  const path = chromiumCandidate();
  return existsSync(path) ? path : undefined;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Shot {
  path: string;
  width: number;
  /** The page's whole height at that width, in CSS pixels. */
  height: number;
}

export interface PageVisit {
  shots: Shot[];
  /** Every URL the page requested, the page itself included. */
  requests: string[];
  console: string[];
  /** What the browser's own XML parser says of each inline SVG: "" when it is well-formed. */
  svgErrors: string[];
}

export async function visitPage(
  htmlFile: string,
  screenshots: ReadonlyArray<{ path: string; width: number }>,
  pdfPath?: string,
): Promise<PageVisit> {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error("no Chromium: apt-get install chromium, or set CHROMIUM_PATH");
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const requests: string[] = [];
    const messages: string[] = [];
    const shots: Shot[] = [];
    let svgErrors: string[] = [];
    for (const [index, { path, width }] of screenshots.entries()) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      page.on("request", (request) => requests.push(request.url()));
      page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load" });
      await page.screenshot({ path, fullPage: true });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      shots.push({ path, width, height });
      if (index === 0) {
        svgErrors = await page.evaluate(() =>
          Array.from(document.querySelectorAll("svg")).map((svg) => {
            const parsed = new DOMParser().parseFromString(svg.outerHTML, "image/svg+xml");
            return parsed.querySelector("parsererror")?.textContent ?? "";
          }),
        );
      }
      if (index === 0 && pdfPath !== undefined) await page.pdf({ path: pdfPath, format: "A4" });
      await page.close();
    }
    return { shots, requests, console: messages, svgErrors };
  } finally {
    await browser.close();
  }
}
