/** The command line of `npm start`: which cache model the runtime uses, or the help. */
import { readCommandLine } from "../../shared/command-line";
import { CACHE_MODELS, type CacheModel, DEFAULT_CACHE_MODEL, isCacheModel } from "../runtime/cache-model";

export const DEMO_USAGE = `usage: npm start [-- --cache ${CACHE_MODELS.join("|")}]

Runs the built Action end to end on this machine: the sample legacy store on 127.0.0.1,
a scripted series of logins in the local Actions runtime, and what each one did.

  --cache MODEL   how api.cache and the instances behave (default ${DEFAULT_CACHE_MODEL}; see docs/local-run.md)
  --help          show this help`;

export type DemoArgs = { ok: true; help: boolean; cache: CacheModel } | { ok: false; problem: string };

export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const read = readCommandLine(argv, { cache: { type: "string" }, help: { type: "boolean", short: "h" } });
  if (!read.ok) return read;
  const cache = read.values.cache ?? DEFAULT_CACHE_MODEL;
  if (!isCacheModel(cache)) return { ok: false, problem: `--cache must be one of ${CACHE_MODELS.join(", ")}` };
  return { ok: true, help: read.values.help === true, cache };
}
