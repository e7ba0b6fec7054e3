// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  EXIT
} from "./chunks/chunk-WA2RMS7B.js";
import {
  COMMON_USAGE,
  PROGRAM,
  defineCommand,
  givenText,
  wholeNumber
} from "./chunks/chunk-BYETZ7LP.js";
import {
  StepFailure,
  stepFailureLines
} from "./chunks/chunk-QTCBT552.js";
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
  load: async () => (await import("./chunks/backfill-command-I45EX2UU.js")).runBackfillCommand
});

// src/tools/commands/finish-command-line.ts
var USAGE2 = `usage: ${PROGRAM} finish [flags]
       ${PROGRAM} finish --rollback <backup file> [flags]

Switches the legacy store off the way Auth0's automatic-migration guide describes: the
connection's login and get_user scripts become no-operation functions, "Import Users to
Auth0" stays on, every other option is kept as it is. Only when that is safe: verify runs
first and must say that every legacy user is in Auth0 and none still misses metadata;
the connection must be a custom database importing users; it is backed up to a file
(mode 0600) before the write, and the write is refused if it changed in the meantime.

flags:
  --dry-run              run verify and print the change to the scripts; write nothing
  --force                go on although verify says NOT YET (finish), or although the
                         scripts were edited after finish (--rollback); says what it overrides
  --connection <name>    which MIGRATION_CONNECTIONS connection (needed when there are several)
  --configuration-file <path>
                         JSON {"KEY": "value"} with the plain value of every key of the
                         connection's configuration (needed when it has any; see docs/tools.md)
  --backup-dir <path>    where the backup file is written (default: the current folder)
  --rollback <backup file>
                         put back the login and get_user scripts the backup holds
${COMMON_USAGE}

variables: as for verify (AUTH0_DOMAIN, the tenant's credentials, the Action's secrets,
LEGACY_API_LIST_URL); the application needs read:users, read:connections,
read:connections_options, update:connections and update:connections_options.
exit codes: 0 done, nothing to do, or a dry run; 1 refused (nothing was changed);
2 bad input or configuration, or a service that could not be reached or refused;
3 written, but the tenant's answer differs from what was sent; 70 an unexpected error.
See docs/tools.md.`;
var finishCommand = defineCommand({
  name: "finish",
  summary: "switch the legacy store off once verify says so: the connection's login and get_user\n             scripts become no-ops (backed up first; --rollback puts them back)",
  usage: USAGE2,
  flags: {
    "dry-run": { type: "boolean" },
    force: { type: "boolean" },
    connection: { type: "string" },
    "configuration-file": { type: "string" },
    "backup-dir": { type: "string" },
    rollback: { type: "string" }
  },
  read(values) {
    return {
      dryRun: values["dry-run"] === true,
      force: values.force === true,
      connection: values.connection,
      configurationFile: values["configuration-file"],
      backupDir: values["backup-dir"] ?? ".",
      rollback: values.rollback
    };
  },
  load: async () => (await import("./chunks/finish-command-4UKCNZ5J.js")).runFinishCommand
});

// src/tools/history/history-path.ts
var DEFAULT_HISTORY_PATH = ".verify-history.jsonl";
var HISTORY_FLAG_USAGE = `  --history <path>       the migration's history, one line per verify run (default: ${DEFAULT_HISTORY_PATH})`;

// src/tools/commands/report-command-line.ts
var DEFAULT_OUT = "migration-report.html";
var USAGE3 = `usage: ${PROGRAM} report [flags]

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
  usage: USAGE3,
  flags: {
    history: { type: "string" },
    out: { type: "string" }
  },
  read(values) {
    return { history: values.history ?? DEFAULT_HISTORY_PATH, out: values.out ?? DEFAULT_OUT };
  },
  load: async () => (await import("./chunks/report-command-PP2UBEND.js")).runReportCommand
});

// src/tools/commands/smoke-command-line.ts
var USAGE4 = `usage: ${PROGRAM} smoke --email <email> [--legacy-id <id>] [--username <name>] [flags]

Runs the deployed Action once inside Auth0's own runtime (the Management API's "Test an
Action" endpoint), for a synthetic first login of a migrated user with empty metadata
through the first MIGRATION_CONNECTIONS connection. Prints the Action's log line as
Auth0 returned it, what it would have written, and whether the legacy store was reached
from Auth0, failed (and how), or the configuration is wrong (naming the secret). It
writes nothing to any user: the synthetic user's id cannot exist in the tenant.

flags:
  --email <email>        the email of a user the legacy store knows (required)
  --legacy-id <id>       their id in the legacy store (needed when LEGACY_API_URL uses {legacy_id})
  --username <name>      their username (needed when LEGACY_API_URL uses {username})
  --json                 print the event sent, Auth0's whole answer and the verdict as JSON
${COMMON_USAGE}

variables: AUTH0_DOMAIN and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET (or AUTH0_ACCESS_TOKEN),
with read:actions and create:actions; the Action's LEGACY_API_URL, MIGRATION_CONNECTIONS
and legacy credentials, as for the deploy.
exit codes: 0 the legacy store was reached from Auth0 and answered; 1 it failed, the
configuration is wrong, the Action failed, or Auth0's answer could not be read; 2 bad
input or configuration, or a service that could not be reached or refused; 70 an
unexpected error. See docs/tools.md.`;
var smokeCommand = defineCommand({
  name: "smoke",
  summary: "run the deployed Action once inside Auth0's runtime for a synthetic migrated user:\n             does it reach the legacy store from there? (writes nothing)",
  usage: USAGE4,
  flags: {
    email: { type: "string" },
    "legacy-id": { type: "string" },
    username: { type: "string" },
    json: { type: "boolean" }
  },
  read(values) {
    const email = givenText(values.email);
    if (email === void 0) return { problem: "--email is required: the email of a user the legacy store knows" };
    return {
      email,
      legacyId: givenText(values["legacy-id"]),
      username: givenText(values.username),
      json: values.json === true
    };
  },
  load: async () => (await import("./chunks/smoke-command-F7DDEZ52.js")).runSmokeCommand
});

// src/tools/commands/verify-command-line.ts
var USAGE5 = `usage: ${PROGRAM} verify [flags]

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
  usage: USAGE5,
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
  load: async () => (await import("./chunks/verify-command-RVUOSX4I.js")).runVerifyCommand
});

// src/tools/commands/command-list.ts
var COMMANDS = [
  smokeCommand,
  verifyCommand,
  backfillCommand,
  reportCommand,
  finishCommand
];

// src/tools/cli-args.ts
var USAGE6 = `usage: ${PROGRAM} <command> [flags]

Finish an automatic migration into Auth0: test the deployed Action inside Auth0, see where
the migration stands, repair the users who do not log in, and switch the legacy store off.
Reads the same variables as the deploy (the environment, over .env).

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
  if (first === void 0 || first === "-h" || first === "--help") return { kind: "help", text: USAGE6 };
  if (first === "help") {
    if (rest[0] === void 0) return { kind: "help", text: USAGE6 };
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
