/**
 * Bundles the two baselines at bench time, with the shipped Action's own build options,
 * into bench/baselines/dist/ (git-ignored), never into actions/.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type BuildOptions, build, type Plugin } from "esbuild";
import { BUILD_OPTIONS } from "../../src/shared/build-config";

export const BASELINE_DIST = join(import.meta.dirname, "dist");

/**
 * Baseline (b) reads the legacy record and the token answer through the legacy API
 * contract (zod) instead of the Action's hand-written readers: the Action's own imports
 * of those two modules are pointed at zod-readers/.
 */
const zodReaders: Plugin = {
  name: "zod-readers",
  setup(builder) {
    builder.onResolve({ filter: /^\.\/(legacy-record|token-answer)$/ }, (args) =>
      args.importer.includes(`${join("src", "action")}`)
        ? { path: join(import.meta.dirname, "zod-readers", `${args.path.slice(2)}.ts`) }
        : undefined,
    );
  },
};

export interface BuiltBaselines {
  article: string;
  fullDeps: string;
}

async function bundleTo(file: string, options: BuildOptions, label: string): Promise<string> {
  const result = await build({
    ...BUILD_OPTIONS,
    ...options,
    banner: { js: `// ${label}: a benchmark baseline built by bench/baselines/build-baselines.ts; never shipped.` },
  });
  const text = result.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error(`esbuild produced no output for ${label}`);
  const path = join(BASELINE_DIST, file);
  await writeFile(path, text);
  return path;
}

export async function buildBaselines(): Promise<BuiltBaselines> {
  await mkdir(BASELINE_DIST, { recursive: true });
  // The root package is ESM; this folder's bundles are CommonJS, as Auth0 runs them.
  await writeFile(join(BASELINE_DIST, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  const article = await bundleTo(
    "support-article.js",
    { entryPoints: [join(import.meta.dirname, "support-article-action.ts")] },
    "BASELINE (a) support-article style",
  );
  const fullDeps = await bundleTo(
    "full-deps.js",
    { entryPoints: [join(import.meta.dirname, "full-deps-action.ts")], plugins: [zodReaders] },
    "BASELINE (b) zod + undici",
  );
  return { article, fullDeps };
}
