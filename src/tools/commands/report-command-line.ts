/** `report` on the command line: its help and its flags. */
import { DEFAULT_HISTORY_PATH, HISTORY_FLAG_USAGE } from "../history/history-path";
import { COMMON_USAGE, defineCommand, PROGRAM } from "./tool-command";

const DEFAULT_OUT = "migration-report.html";

const USAGE = `usage: ${PROGRAM} report [flags]

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

export interface ReportArgs {
  history: string;
  out: string;
}

export const reportCommand = defineCommand({
  name: "report",
  summary:
    "render the history of verify runs as one self-contained HTML page: charts, the\n" +
    "             verdict, and when the legacy store could be switched off",
  usage: USAGE,
  flags: {
    history: { type: "string" },
    out: { type: "string" },
  },
  read(values): ReportArgs {
    return { history: values.history ?? DEFAULT_HISTORY_PATH, out: values.out ?? DEFAULT_OUT };
  },
  load: async () => (await import("./report-command")).runReportCommand,
});
