/** `verify` on the command line: its help and its flags. */
import { DEFAULT_HISTORY_PATH, HISTORY_FLAG_USAGE } from "../history/history-path";
import { COMMON_USAGE, defineCommand, PROGRAM, wholeNumber } from "./tool-command";

const USAGE = `usage: ${PROGRAM} verify [flags]

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

export interface VerifyArgs {
  exportFile?: string;
  json: boolean;
  examples: number;
  history: string;
}

export const verifyCommand = defineCommand({
  name: "verify",
  summary:
    "compare the legacy store's user list with the tenant's users and report where the\n" +
    "             migration stands, ending with whether the store can be switched off",
  usage: USAGE,
  flags: {
    "export-file": { type: "string" },
    json: { type: "boolean" },
    examples: { type: "string" },
    history: { type: "string" },
  },
  read(values): VerifyArgs | { problem: string } {
    const examples = wholeNumber(values.examples, 5, 0, 1000);
    if (examples === undefined) return { problem: "--examples takes a whole number from 0 to 1000" };
    return {
      exportFile: values["export-file"],
      json: values.json === true,
      examples,
      history: values.history ?? DEFAULT_HISTORY_PATH,
    };
  },
  load: async () => (await import("./verify-command")).runVerifyCommand,
});
