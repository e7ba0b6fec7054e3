/**
 * Flags as every command reads them (`try`, `deploy` and the tools): Node's `parseArgs`
 * tokens, checked here so that a mistake gets one plain sentence naming the flag,
 * instead of the parser's own text. One positional at most (the tools' command name).
 */
import { parseArgs } from "node:util";
import { DOTENV_FLAG, type DotenvChoice, dotenvChoice } from "./variables";

export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export type FlagValues<S extends FlagSpecs> = {
  [K in keyof S]?: S[K]["type"] extends "string" ? string : boolean;
};

export type CommandLine<S extends FlagSpecs> =
  | { ok: true; values: FlagValues<S>; positionals: string[] }
  | { ok: false; problem: string };

export interface CommandLineOptions {
  /** How many positional arguments are allowed (default none). */
  positionals?: number;
}

/** Flags people bring from elsewhere, and what to use instead. */
const INSTEAD: Readonly<Record<string, string>> = {
  "env-file": `name the variables file with --${DOTENV_FLAG} <path> (Node takes --env-file for itself)`,
};

function unknownFlag(raw: string, name: string): string {
  const instead = INSTEAD[name];
  return instead ? `unknown flag ${raw}: ${instead}` : `unknown flag ${raw}`;
}

export function readCommandLine<S extends FlagSpecs>(
  argv: readonly string[],
  flags: S,
  options: CommandLineOptions = {},
): CommandLine<S> {
  const { tokens } = parseArgs({
    args: [...argv],
    options: flags as Record<string, FlagSpec>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") {
      if (positionals.length >= (options.positionals ?? 0))
        return { ok: false, problem: `unexpected argument "${token.value}"` };
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue;
    const spec = flags[token.name];
    if (spec === undefined) return { ok: false, problem: unknownFlag(token.rawName, token.name) };
    if (spec.type === "boolean") {
      if (token.inlineValue) return { ok: false, problem: `${token.rawName} takes no value` };
      values[token.name] = true;
      continue;
    }
    // A flag's value never starts with "--": that is the next flag, and the value is missing.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) {
      return { ok: false, problem: `${token.rawName} needs a value` };
    }
    values[token.name] = token.value;
  }
  return { ok: true, values: values as FlagValues<S>, positionals };
}

/** A string flag's value, trimmed: a blank one (an unset shell variable) counts as not given. */
export const givenText = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== "" ? value.trim() : undefined;

export const TIMEOUT_FLAG = "timeout";
export const DEFAULT_TIMEOUT_S = 30;
const MIN_TIMEOUT_S = 0.1;
const MAX_TIMEOUT_S = 600;

/** `--timeout <seconds>`, the bound of every network call, in milliseconds. */
function readTimeoutMs(text: string | undefined): { ok: true; ms: number } | { ok: false; problem: string } {
  if (text === undefined) return { ok: true, ms: DEFAULT_TIMEOUT_S * 1000 };
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= MIN_TIMEOUT_S && seconds <= MAX_TIMEOUT_S)) {
    return {
      ok: false,
      problem: `--${TIMEOUT_FLAG} takes a number of seconds from ${MIN_TIMEOUT_S} to ${MAX_TIMEOUT_S}`,
    };
  }
  return { ok: true, ms: Math.round(seconds * 1000) };
}

/** The flags `deploy` and every tools command take, read and explained once for all of them. */
export const COMMON_FLAGS = {
  [DOTENV_FLAG]: { type: "string" },
  [TIMEOUT_FLAG]: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies FlagSpecs;

/** Their help lines; `timeoutScope` names calls the bound covers beyond the command's own. */
export function commonUsage(timeoutScope = ""): string {
  return `  --${DOTENV_FLAG} <path>        variables file (default: .env, when it exists; the environment wins over it)
  --${TIMEOUT_FLAG} <seconds>    bound of each network call${timeoutScope} (default ${DEFAULT_TIMEOUT_S})
  --debug                on failure, also print the stack trace
  -h, --help             this help`;
}

export interface CommonArgs {
  dotenv: DotenvChoice;
  timeoutMs: number;
  debug: boolean;
}

/**
 * The common flags' values, and what is wrong with them: a command that collects every
 * problem before refusing goes on with the default bound in place of a bad `--timeout`.
 */
export function readCommonArgs(values: FlagValues<typeof COMMON_FLAGS>): { common: CommonArgs; problem?: string } {
  const timeout = readTimeoutMs(values[TIMEOUT_FLAG]);
  const common = {
    dotenv: dotenvChoice(values[DOTENV_FLAG]),
    timeoutMs: timeout.ok ? timeout.ms : DEFAULT_TIMEOUT_S * 1000,
    debug: values.debug === true,
  };
  return timeout.ok ? { common } : { common, problem: timeout.problem };
}
