// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  DOTENV_FLAG,
  digitsValue,
  dotenvChoice
} from "./chunk-QTCBT552.js";

// src/shared/command-line.ts
import { parseArgs } from "node:util";
var INSTEAD = {
  "env-file": `name the variables file with --${DOTENV_FLAG} <path> (Node takes --env-file for itself)`
};
function unknownFlag(raw, name) {
  const instead = INSTEAD[name];
  return instead ? `unknown flag ${raw}: ${instead}` : `unknown flag ${raw}`;
}
function readCommandLine(argv, flags, options = {}) {
  const { tokens } = parseArgs({
    args: [...argv],
    options: flags,
    strict: false,
    allowPositionals: true,
    tokens: true
  });
  const values = {};
  const positionals = [];
  for (const token of tokens) {
    if (token.kind === "positional") {
      if (positionals.length >= (options.positionals ?? 0))
        return { ok: false, problem: `unexpected argument "${token.value}"` };
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue;
    const spec = flags[token.name];
    if (spec === void 0) return { ok: false, problem: unknownFlag(token.rawName, token.name) };
    if (spec.type === "boolean") {
      if (token.inlineValue) return { ok: false, problem: `${token.rawName} takes no value` };
      values[token.name] = true;
      continue;
    }
    if (token.value === void 0 || !token.inlineValue && token.value.startsWith("--")) {
      return { ok: false, problem: `${token.rawName} needs a value` };
    }
    values[token.name] = token.value;
  }
  return { ok: true, values, positionals };
}
var givenText = (value) => value !== void 0 && value.trim() !== "" ? value.trim() : void 0;
var TIMEOUT_FLAG = "timeout";
var DEFAULT_TIMEOUT_S = 30;
var MIN_TIMEOUT_S = 0.1;
var MAX_TIMEOUT_S = 600;
function readTimeoutMs(text) {
  if (text === void 0) return { ok: true, ms: DEFAULT_TIMEOUT_S * 1e3 };
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= MIN_TIMEOUT_S && seconds <= MAX_TIMEOUT_S)) {
    return {
      ok: false,
      problem: `--${TIMEOUT_FLAG} takes a number of seconds from ${MIN_TIMEOUT_S} to ${MAX_TIMEOUT_S}`
    };
  }
  return { ok: true, ms: Math.round(seconds * 1e3) };
}
var COMMON_FLAGS = {
  [DOTENV_FLAG]: { type: "string" },
  [TIMEOUT_FLAG]: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
function commonUsage(timeoutScope = "") {
  return `  --${DOTENV_FLAG} <path>        variables file (default: .env, when it exists; the environment wins over it)
  --${TIMEOUT_FLAG} <seconds>    bound of each network call${timeoutScope} (default ${DEFAULT_TIMEOUT_S})
  --debug                on failure, also print the stack trace
  -h, --help             this help`;
}
function readCommonArgs(values) {
  const timeout = readTimeoutMs(values[TIMEOUT_FLAG]);
  const common = {
    dotenv: dotenvChoice(values[DOTENV_FLAG]),
    timeoutMs: timeout.ok ? timeout.ms : DEFAULT_TIMEOUT_S * 1e3,
    debug: values.debug === true
  };
  return timeout.ok ? { common } : { common, problem: timeout.problem };
}

// src/tools/commands/tool-command.ts
var PROGRAM = "repair-migrated-metadata";
var COMMON_USAGE = commonUsage();
var isProblem = (value) => typeof value === "object" && value !== null && "problem" in value;
function defineCommand(definition) {
  const flags = { ...COMMON_FLAGS, ...definition.flags };
  return {
    name: definition.name,
    summary: definition.summary,
    usage: definition.usage,
    invocation(argv) {
      const line = readCommandLine(argv, flags);
      if (!line.ok) return { kind: "problem", problem: line.problem };
      const values = line.values;
      if (values.help) return { kind: "help", text: definition.usage };
      const { common, problem } = readCommonArgs(values);
      if (problem !== void 0) return { kind: "problem", problem };
      const args = definition.read(values);
      if (isProblem(args)) return { kind: "problem", problem: args.problem };
      return { kind: "run", common, args, run: async (io) => (await definition.load())(args, common, io) };
    }
  };
}
function wholeNumber(text, fallback, min, max) {
  if (text === void 0) return fallback;
  const value = digitsValue(text);
  if (value === void 0) return void 0;
  return value >= min && value <= max ? value : void 0;
}

export {
  givenText,
  PROGRAM,
  COMMON_USAGE,
  defineCommand,
  wholeNumber
};
