/**
 * `npm run report:screenshot -- <page.html> [folder]`: the report page as a phone and a
 * desktop show it (phone.png at 390 CSS pixels, desktop.png at 1280) and as it prints
 * (print.pdf, A4), through headless Chromium. Needs Debian's `chromium` package.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { chromiumCandidate, chromiumPath, visitPage } from "./page-screenshot";

const [page, folder] = process.argv.slice(2);

async function screenshots(): Promise<number> {
  if (page === undefined) {
    process.stderr.write("usage: npm run report:screenshot -- <page.html> [folder (default: the page's folder)]\n");
    return 2;
  }
  if (!existsSync(page)) {
    process.stderr.write(`report:screenshot: no such page: ${page}\n`);
    return 2;
  }
  if (chromiumPath() === undefined) {
    process.stderr.write(
      `report:screenshot: no Chromium at ${chromiumCandidate()}: apt-get install -y chromium (or set CHROMIUM_PATH)\n`,
    );
    return 2;
  }
  const out = resolve(folder ?? dirname(page));
  mkdirSync(out, { recursive: true });
  const visit = await visitPage(
    resolve(page),
    [
      { path: join(out, "phone.png"), width: 390 },
      { path: join(out, "desktop.png"), width: 1280 },
    ],
    join(out, "print.pdf"),
  );
  for (const shot of visit.shots) process.stdout.write(`${shot.path}: ${shot.width} × ${shot.height} CSS pixels\n`);
  process.stdout.write(`${join(out, "print.pdf")}: A4, as it prints\n`);
  const external = visit.requests.filter((url) => !url.startsWith("file:"));
  if (external.length > 0) process.stdout.write(`the page requested: ${external.join(", ")}\n`);
  for (const message of visit.console) process.stdout.write(`console ${message}\n`);
  return 0;
}

screenshots().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`report:screenshot failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
