/** `backfill` on the command line: its help and its flags. */
import { COMMON_USAGE, defineCommand, PROGRAM, wholeNumber } from "./tool-command";

const MAX_CONCURRENCY = 64;
const DEFAULT_CHECKPOINT = ".backfill-checkpoint.json";

const USAGE = `usage: ${PROGRAM} backfill [flags]

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

export interface BackfillArgs {
  exportFile?: string;
  dryRun: boolean;
  concurrency: number;
  checkpoint: string;
}

export const backfillCommand = defineCommand({
  name: "backfill",
  summary:
    "repair migrated users still missing metadata through the Management API, with\n" +
    "             the Action's rules (fill only what is missing, then the marker)",
  usage: USAGE,
  flags: {
    "export-file": { type: "string" },
    "dry-run": { type: "boolean" },
    concurrency: { type: "string" },
    checkpoint: { type: "string" },
  },
  read(values): BackfillArgs | { problem: string } {
    const concurrency = wholeNumber(values.concurrency, 4, 1, MAX_CONCURRENCY);
    if (concurrency === undefined)
      return { problem: `--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}` };
    return {
      exportFile: values["export-file"],
      dryRun: values["dry-run"] === true,
      concurrency,
      checkpoint: values.checkpoint ?? DEFAULT_CHECKPOINT,
    };
  },
  load: async () => (await import("./backfill-command")).runBackfillCommand,
});
