// The arrows between the source folders point one way: action at the bottom, the shared
// layer above it, then local, deploy and tools, which never import each other; nothing
// in src imports scripts, bench or test; and the code that runs inside Auth0 imports no
// package at all (plain functions: nothing in the bundle but our own code).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/shared/project-root";

const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  "src/action": [],
  "src/shared": ["src/action"],
  "src/local": ["src/shared", "src/action"],
  "src/deploy": ["src/shared", "src/action"],
  "src/tools": ["src/shared", "src/action"],
};

const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The layer ("src/tools") or top folder ("scripts") a repository path belongs to. */
function layerOf(path: string): string {
  const parts = relative(PROJECT_ROOT, path).split("/");
  return parts[0] === "src" ? `src/${parts[1]}` : (parts[0] ?? "");
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? "");
}

function crossings(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(PROJECT_ROOT, "src"))) {
    const from = layerOf(file);
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith(".")) continue;
      const to = layerOf(resolve(dirname(file), specifier));
      if (to === from) continue;
      if (!(MAY_IMPORT[from] ?? []).includes(to)) found.push(`${relative(PROJECT_ROOT, file)} imports ${specifier}`);
    }
  }
  return found;
}

describe("layers", () => {
  it("every folder under src is a known layer", () => {
    const layers = readdirSync(join(PROJECT_ROOT, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}`);
    expect(layers.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it("imports point down only: action ← shared ← local, deploy, tools; nothing in src imports scripts", () => {
    expect(crossings()).toEqual([]);
  });

  it("src/action imports no package and no Node module: only its own files", () => {
    const packages = sourceFiles(join(PROJECT_ROOT, "src/action")).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith("./"))
        .map((specifier) => `${relative(PROJECT_ROOT, file)} imports ${specifier}`),
    );
    expect(packages).toEqual([]);
  });
});
