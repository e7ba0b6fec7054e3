// The one definition of how the bundle is built, shared by `npm run build` and the
// freshness test, so that "rebuilding gives the same bytes" compares like with like.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ENTRY = resolve(root, "src/action/index.ts");
export const BUNDLE = resolve(root, "actions/repair-migrated-metadata/code.js");

export const BUILD_OPTIONS = {
  entryPoints: [ENTRY],
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  write: false,
  banner: { js: "// repair-migrated-metadata: built from src/action by `npm run build`; do not edit." },
};

/** Builds in memory and returns the bytes, without touching the committed file. */
export async function bundleText() {
  const result = await build(BUILD_OPTIONS);
  const [output] = result.outputFiles;
  return output.text;
}

export async function buildAction() {
  const text = await bundleText();
  await mkdir(dirname(BUNDLE), { recursive: true });
  await writeFile(BUNDLE, text);
  return { path: BUNDLE, bytes: Buffer.byteLength(text) };
}
