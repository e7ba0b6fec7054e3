// Every relative link in the project's Markdown points at a file that exists and, with an
// anchor, at a heading that exists there (anchors as GitHub makes them from headings).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/shared/project-root";

const SKIPPED_FOLDERS = new Set(["node_modules", ".git", "dist"]);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : markdownFiles(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

/** Code spans and fenced blocks hold examples, not links. */
function withoutCode(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of markdown.replace(/^```[\s\S]*?^```/gm, "").split("\n")) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading.replace(/`/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

function brokenLinks(): string[] {
  const broken: string[] = [];
  for (const file of markdownFiles(PROJECT_ROOT)) {
    const text = readFileSync(file, "utf8");
    const where = relative(PROJECT_ROOT, file);
    for (const match of withoutCode(text).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = match[1] ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path = "", anchor] = target.split("#", 2);
      const resolved = path === "" ? file : resolve(dirname(file), decodeURIComponent(path));
      if (!existsSync(resolved)) {
        broken.push(`${where}: ${target} (no such file)`);
        continue;
      }
      if (anchor === undefined || anchor === "" || statSync(resolved).isDirectory()) continue;
      if (!resolved.endsWith(".md")) continue;
      if (!headingAnchors(readFileSync(resolved, "utf8")).has(anchor.toLowerCase())) {
        broken.push(`${where}: ${target} (no such heading)`);
      }
    }
  }
  return broken;
}

/** The README is the contract a newcomer reads first: short, with one page per task behind it. */
const README_MAX_LINES = 250;

describe("Markdown links", () => {
  it("makes anchors the way GitHub does", () => {
    const anchors = headingAnchors(
      "# Finish the migration: verify and backfill\n## `npm run try`\n## Notes\n## Notes\n",
    );
    expect([...anchors]).toEqual(["finish-the-migration-verify-and-backfill", "npm-run-try", "notes", "notes-1"]);
  });

  it(`keeps the README within ${README_MAX_LINES} lines`, () => {
    const lines = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8").trimEnd().split("\n").length;
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it("every relative link and anchor in the Markdown files resolves", () => {
    expect(brokenLinks()).toEqual([]);
  });
});
