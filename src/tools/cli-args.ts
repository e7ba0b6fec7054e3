/** The command line of `repair-migrated-metadata`: which command, and its flags. */
import { parseArgs } from "node:util";

export const USAGE = `usage: repair-migrated-metadata <command> [flags]

Finish an automatic migration into Auth0: see where it stands, and repair the users who
do not log in. Reads the same variables as the deploy (the environment, over .env).

commands:
  verify     compare the legacy store's user list with the tenant's users and report
             where the migration stands, ending with whether the store can be switched off
  backfill   repair migrated users still missing metadata through the Management API,
             with the Action's rules (fill only what is missing, then the marker)

flags (both commands):
  --env-file <path>      variables file (default: .env; the environment wins over it)
  --export-file <path>   read the tenant's users from an export file already downloaded
                         (gzip or plain NDJSON) instead of running an export job
  -h, --help             this help

verify:
  --json                 print the report as JSON
  --examples <n>         example ids shown per category (default 5)

backfill:
  --dry-run              fetch the legacy records and print what would be written; write nothing
  --concurrency <n>      users repaired at once, 1 to 64 (default 4)
  --checkpoint <path>    progress file for resuming (default: .backfill-checkpoint.json)

variables: AUTH0_DOMAIN and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET (or AUTH0_ACCESS_TOKEN),
the Action's LEGACY_API_URL, MIGRATION_CONNECTIONS, legacy credentials and options, and
for verify LEGACY_API_LIST_URL. See docs/tools.md.`;

export interface CommonArgs {
  envFile: string;
  exportFile?: string;
}

export interface VerifyArgs extends CommonArgs {
  command: "verify";
  json: boolean;
  examples: number;
}

export interface BackfillArgs extends CommonArgs {
  command: "backfill";
  dryRun: boolean;
  concurrency: number;
  checkpoint: string;
}

export type CliArgs = VerifyArgs | BackfillArgs | { command: "help" };

export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; problem: string };

const MAX_CONCURRENCY = 64;

function integer(text: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { ok: true, args: { command: "help" } };
  const [command, ...extra] = positionals;
  if (extra.length > 0) return { ok: false, problem: `unexpected argument: ${extra[0]}` };
  const common = { envFile: values["env-file"] ?? ".env", exportFile: values["export-file"] };
  if (command === "verify") {
    const examples = integer(values.examples, 5, 0, 1000);
    if (examples === undefined) return { ok: false, problem: "--examples takes a whole number from 0 to 1000" };
    if (values["dry-run"] || values.concurrency || values.checkpoint) {
      return { ok: false, problem: "--dry-run, --concurrency and --checkpoint belong to backfill" };
    }
    return { ok: true, args: { command, json: values.json === true, examples, ...common } };
  }
  if (command === "backfill") {
    const concurrency = integer(values.concurrency, 4, 1, MAX_CONCURRENCY);
    if (concurrency === undefined)
      return { ok: false, problem: `--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}` };
    if (values.json || values.examples) return { ok: false, problem: "--json and --examples belong to verify" };
    const checkpoint = values.checkpoint ?? ".backfill-checkpoint.json";
    return { ok: true, args: { command, dryRun: values["dry-run"] === true, concurrency, checkpoint, ...common } };
  }
  return { ok: false, problem: `unknown command "${command}" (expected verify or backfill)` };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      "env-file": { type: "string" },
      "export-file": { type: "string" },
      json: { type: "boolean" },
      examples: { type: "string" },
      "dry-run": { type: "boolean" },
      concurrency: { type: "string" },
      checkpoint: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
}
