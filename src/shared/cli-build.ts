// How the operator CLI is built: `npm run build` writes it, the freshness test compares
// against it. The CLI ships as JavaScript so that it starts at once and runs after
// `npm ci --omit=dev`: its libraries stay outside the bundle, as `dependencies`, and each
// command is its own chunk, loaded only when that command runs.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { type BuildOptions, build } from "esbuild";
import { PROJECT_ROOT } from "./project-root";

export const CLI_ENTRY = resolve(PROJECT_ROOT, "src/tools/cli.ts");
export const CLI_DIR = resolve(PROJECT_ROOT, "dist/cli");

export const CLI_BUILD_OPTIONS: BuildOptions & { write: false } = {
  entryPoints: [CLI_ENTRY],
  outdir: CLI_DIR,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  // Readable, so that a --debug stack trace points somewhere a person can follow.
  minify: false,
  legalComments: "none",
  charset: "utf8",
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  write: false,
  logLevel: "silent",
  banner: { js: "// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit." },
};

/** Every file of the CLI, relative to dist/cli, with its text. Built in memory. */
export async function cliFiles(): Promise<Map<string, string>> {
  const result = await build(CLI_BUILD_OPTIONS);
  return new Map(result.outputFiles.map((file) => [relative(CLI_DIR, file.path), file.text]));
}

/** The files now in dist/cli, relative to it. */
export async function committedCliFiles(): Promise<string[]> {
  const entries = await readdir(CLI_DIR, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(CLI_DIR, resolve(entry.parentPath, entry.name)))
    .sort();
}

/** Replaces dist/cli with a fresh build (old chunks, named by hash, must not linger). */
export async function buildCli(): Promise<{ files: number; bytes: number }> {
  const files = await cliFiles();
  await rm(CLI_DIR, { recursive: true, force: true });
  let bytes = 0;
  for (const [name, text] of files) {
    const path = resolve(CLI_DIR, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes };
}
