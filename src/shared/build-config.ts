// The one definition of how the bundle is built, shared by `npm run build`, the deploy
// preflight and the freshness test, so "rebuilding gives the same bytes" compares like with like.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type BuildOptions, build } from "esbuild";
import { PROJECT_ROOT } from "./project-root";

/** The module Auth0 loads; the handler itself is src/action/index.ts. */
export const ENTRY = resolve(PROJECT_ROOT, "src/action/auth0-entry.ts");
export const BUNDLE = resolve(PROJECT_ROOT, "actions/repair-migrated-metadata/code.js");
/**
 * The performance budget (docs/performance.md): the bundle aims at 22 kB and must stay within 24 kB (Auth0 allows 100 kB
 * per Action); what it adds to every cold start grows with it.
 */
export const BUNDLE_BUDGET_BYTES = 24 * 1024;

export const BUILD_OPTIONS: BuildOptions & { write: false } = {
  entryPoints: [ENTRY],
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  write: false,
  logLevel: "silent",
  banner: { js: "// Built from src/action by npm run build; do not edit." },
};

/** Builds in memory and returns the text, without touching the committed file. */
export async function bundleText(): Promise<string> {
  const result = await build(BUILD_OPTIONS);
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no output");
  return output.text;
}

export async function buildAction(): Promise<{ path: string; bytes: number }> {
  const text = await bundleText();
  await mkdir(dirname(BUNDLE), { recursive: true });
  await writeFile(BUNDLE, text);
  return { path: BUNDLE, bytes: Buffer.byteLength(text) };
}
