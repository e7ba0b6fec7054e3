/** The command line of `npm start`: which cache model the runtime uses. */
import { parseArgs } from "node:util";
import { CACHE_MODELS, type CacheModel, DEFAULT_CACHE_MODEL, isCacheModel } from "../runtime/cache-model";

export const DEMO_USAGE = `usage: npm start [-- --cache ${CACHE_MODELS.join("|")}]`;

/** The cache model asked for, or the problem with the command line. */
export function parseDemoArgs(
  argv: readonly string[],
): { ok: true; cache: CacheModel } | { ok: false; problem: string } {
  try {
    const { values } = parseArgs({ args: [...argv], options: { cache: { type: "string" } }, strict: true });
    const cache = values.cache ?? DEFAULT_CACHE_MODEL;
    if (isCacheModel(cache)) return { ok: true, cache };
    return { ok: false, problem: `--cache must be one of ${CACHE_MODELS.join(", ")}` };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
