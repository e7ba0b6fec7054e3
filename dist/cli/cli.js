// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  DOTENV_FLAG,
  StepFailure,
  dotenvChoice,
  stepFailureLines
} from "./chunks/chunk-LFOA4Z65.js";
import {
  ToolError
} from "./chunks/chunk-SGK6UJTW.js";

// src/shared/process-exit.ts
var GRACE_MS = 200;
function endWith(code) {
  process.exitCode = code;
  if (code !== 0) setTimeout(() => process.exit(code), GRACE_MS).unref();
}

// src/tools/main.ts
import { inspect } from "node:util";

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

// src/tools/commands/tool-command.ts
var PROGRAM = "repair-migrated-metadata";
var COMMON_FLAGS = {
  [DOTENV_FLAG]: { type: "string" },
  [TIMEOUT_FLAG]: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
var COMMON_USAGE = `  --${DOTENV_FLAG} <path>        variables file (default: .env, when it exists; the environment wins over it)
  --${TIMEOUT_FLAG} <seconds>    bound of each network call (default ${DEFAULT_TIMEOUT_S})
  --debug                on failure, also print the stack trace
  -h, --help             this help`;
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
      const timeout = readTimeoutMs(values[TIMEOUT_FLAG]);
      if (!timeout.ok) return { kind: "problem", problem: timeout.problem };
      const args = definition.read(values);
      if (isProblem(args)) return { kind: "problem", problem: args.problem };
      const common = { dotenv: dotenvChoice(values[DOTENV_FLAG]), timeoutMs: timeout.ms, debug: values.debug === true };
      return { kind: "run", common, args, run: async (io) => (await definition.load())(args, common, io) };
    }
  };
}
function wholeNumber(text, fallback, min, max) {
  if (text === void 0) return fallback;
  if (!/^\d+$/.test(text)) return void 0;
  const value = Number(text);
  return value >= min && value <= max ? value : void 0;
}

// src/tools/commands/backfill-command-line.ts
var MAX_CONCURRENCY = 64;
var DEFAULT_CHECKPOINT = ".backfill-checkpoint.json";
var USAGE = `usage: ${PROGRAM} backfill [flags]

Repairs migrated users still missing metadata through the Management API, with the
Action's rules: fill only what is missing, re-read each user just before writing, then
write the marker. Paced on the tenant's rate limit; resumable after Ctrl-C.

flags:
  --dry-run              fetch the legacy records and print what would be written; write nothing
  --concurrency <n>      users repaired at once, 1 to ${MAX_CONCURRENCY} (default 4)
  --checkpoint <path>    progress file for resuming (default: ${DEFAULT_CHECKPOINT})
  --export-file <path>   read the tenant's users from an export file already downloaded
                         (gzip or plain NDJSON) instead of running an export job
${COMMON_USAGE}

variables: AUTH0_DOMAIN and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET (or AUTH0_ACCESS_TOKEN),
and the Action's LEGACY_API_URL, MIGRATION_CONNECTIONS, legacy credentials and options.
exit codes: 0 done; 1 some users failed (run again to retry them); 2 bad input or
configuration, or a service that could not be reached or refused; 70 an unexpected
error; 130 interrupted. See docs/tools.md.`;
var backfillCommand = defineCommand({
  name: "backfill",
  summary: "repair migrated users still missing metadata through the Management API, with\n             the Action's rules (fill only what is missing, then the marker)",
  usage: USAGE,
  flags: {
    "export-file": { type: "string" },
    "dry-run": { type: "boolean" },
    concurrency: { type: "string" },
    checkpoint: { type: "string" }
  },
  read(values) {
    const concurrency = wholeNumber(values.concurrency, 4, 1, MAX_CONCURRENCY);
    if (concurrency === void 0)
      return { problem: `--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}` };
    return {
      exportFile: values["export-file"],
      dryRun: values["dry-run"] === true,
      concurrency,
      checkpoint: values.checkpoint ?? DEFAULT_CHECKPOINT
    };
  },
  load: async () => (await import("./chunks/backfill-command-OAWBS4D7.js")).runBackfillCommand
});

// src/tools/history/history-path.ts
var DEFAULT_HISTORY_PATH = ".verify-history.jsonl";
var HISTORY_FLAG_USAGE = `  --history <path>       the migration's history, one line per verify run (default: ${DEFAULT_HISTORY_PATH})`;

// src/tools/commands/report-command-line.ts
var DEFAULT_OUT = "migration-report.html";
var USAGE2 = `usage: ${PROGRAM} report [flags]

Turns the history that each verify run appends to into one HTML page to show people:
the share of legacy users migrated, the users still missing metadata, the users
repaired, the latest verdict, and an estimate of when the legacy store could be
switched off. The page is self-contained: it loads nothing from anywhere. Reads no
variables and calls no service.

flags:
${HISTORY_FLAG_USAGE}
  --out <path>           where the page is written (default: ${DEFAULT_OUT}; replaced if it exists)
${COMMON_USAGE}

exit codes: 0 the page was written; 2 no history, or the page could not be written;
70 an unexpected error. See docs/tools.md.`;
var reportCommand = defineCommand({
  name: "report",
  summary: "render the history of verify runs as one self-contained HTML page: charts, the\n             verdict, and when the legacy store could be switched off",
  usage: USAGE2,
  flags: {
    history: { type: "string" },
    out: { type: "string" }
  },
  read(values) {
    return { history: values.history ?? DEFAULT_HISTORY_PATH, out: values.out ?? DEFAULT_OUT };
  },
  load: async () => (await import("./chunks/report-command-2WZW5NDX.js")).runReportCommand
});

// src/tools/commands/verify-command-line.ts
var USAGE3 = `usage: ${PROGRAM} verify [flags]

Compares the legacy store's user list with the tenant's users of the migration
connection(s), reports where the migration stands, and ends with whether the legacy store
can be switched off. It only reads: nothing is written to the tenant or the store.
Each run that completes appends its counts (never a user's id) to the history, which
\`${PROGRAM} report\` turns into a page of charts.

flags:
  --export-file <path>   read the tenant's users from an export file already downloaded
                         (gzip or plain NDJSON) instead of running an export job
  --json                 print the report as JSON
  --examples <n>         example ids shown per category, 0 to 1000 (default 5)
${HISTORY_FLAG_USAGE}
${COMMON_USAGE}

variables: AUTH0_DOMAIN and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET (or AUTH0_ACCESS_TOKEN),
the Action's LEGACY_API_URL, MIGRATION_CONNECTIONS and legacy credentials, and
LEGACY_API_LIST_URL.
exit codes: 0 the report was printed; 2 bad input or configuration, or a service that
could not be reached or refused; 70 an unexpected error. See docs/tools.md.`;
var verifyCommand = defineCommand({
  name: "verify",
  summary: "compare the legacy store's user list with the tenant's users and report where the\n             migration stands, ending with whether the store can be switched off",
  usage: USAGE3,
  flags: {
    "export-file": { type: "string" },
    json: { type: "boolean" },
    examples: { type: "string" },
    history: { type: "string" }
  },
  read(values) {
    const examples = wholeNumber(values.examples, 5, 0, 1e3);
    if (examples === void 0) return { problem: "--examples takes a whole number from 0 to 1000" };
    return {
      exportFile: values["export-file"],
      json: values.json === true,
      examples,
      history: values.history ?? DEFAULT_HISTORY_PATH
    };
  },
  load: async () => (await import("./chunks/verify-command-E56KMHAY.js")).runVerifyCommand
});

// src/tools/commands/command-list.ts
var COMMANDS = [verifyCommand, backfillCommand, reportCommand];

// src/tools/cli-args.ts
var USAGE4 = `usage: ${PROGRAM} <command> [flags]

Finish an automatic migration into Auth0: see where it stands, and repair the users who
do not log in. Reads the same variables as the deploy (the environment, over .env).

commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Run \`${PROGRAM} <command> --help\` for a command's flags. Every command takes:
${COMMON_USAGE}

See docs/tools.md.`;
var names = () => COMMANDS.map((command) => command.name).join(", ");
function find(name) {
  return COMMANDS.find((command) => command.name === name);
}
function parseCliArgs(argv) {
  const [first, ...rest] = argv;
  if (first === void 0 || first === "-h" || first === "--help") return { kind: "help", text: USAGE4 };
  if (first === "help") {
    if (rest[0] === void 0) return { kind: "help", text: USAGE4 };
    const command2 = find(rest[0]);
    return command2 ? { kind: "help", text: command2.usage } : { kind: "problem", problem: `unknown command "${rest[0]}" (commands: ${names()})` };
  }
  if (first.startsWith("-")) {
    return { kind: "problem", problem: `the command comes first: ${PROGRAM} <command> [flags] (commands: ${names()})` };
  }
  const command = find(first);
  if (!command) return { kind: "problem", problem: `unknown command "${first}" (commands: ${names()})` };
  return { ...command.invocation(rest), command };
}

// src/tools/main.ts
var EXIT = { done: 0, someFailed: 1, failed: 2, bug: 70, interrupted: 130 };
var UNCHANGED = "nothing was changed in the tenant";
function failureLines(error) {
  if (error instanceof StepFailure) return { lines: stepFailureLines(error, UNCHANGED), code: EXIT.failed };
  if (error instanceof ToolError) {
    return { lines: [error.message, ...error.hint ? [`  ${error.hint}`] : []], code: EXIT.failed };
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return {
    lines: [`unexpected error: ${message}`, "  run again with --debug to see where it happened"],
    code: EXIT.bug
  };
}
async function main(argv, io) {
  const call = parseCliArgs(argv);
  const name = call.command ? `${PROGRAM} ${call.command.name}` : PROGRAM;
  if (call.kind === "help") {
    io.stdout(`${call.text}
`);
    return EXIT.done;
  }
  if (call.kind === "problem") {
    io.stderr.write(`${name}: ${call.problem}
Run \`${name} --help\` for usage.
`);
    return EXIT.failed;
  }
  try {
    return await call.run(io);
  } catch (error) {
    const { lines, code } = failureLines(error);
    const [first, ...rest] = lines;
    io.stderr.write(`${name}: ${first}
${rest.map((line) => `${line}
`).join("")}`);
    if (call.common.debug) io.stderr.write(`${inspect(error, { depth: 6 })}
`);
    return code;
  }
}

// src/tools/cli.ts
var interrupt = new AbortController();
var exitActions = [];
process.on("SIGINT", () => {
  if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
  process.stderr.write("\nstopping: finishing the users in flight (Ctrl-C again to quit now)\n");
  interrupt.abort();
});
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.on("exit", () => {
  for (const action of exitActions) action();
});
main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: process.stderr,
  signal: interrupt.signal,
  atExit: (action) => exitActions.push(action)
}).then(
  (code) => endWith(code),
  (error) => {
    process.stderr.write(
      `repair-migrated-metadata: unexpected error: ${error instanceof Error ? error.message : String(error)}
`
    );
    endWith(EXIT.bug);
  }
);
