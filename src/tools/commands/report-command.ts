/** `report`: the history of verify runs as one HTML page, written atomically. */
import { resolve } from "node:path";
import { writeFileAtomically } from "../atomic-write";
import { fileErrorReason } from "../file-error-reason";
import { readHistory, skippedSummary } from "../history/read-history";
import { runDate } from "../report/chart-scale";
import { estimateWords } from "../report/estimate-words";
import { reportPage } from "../report/report-page";
import { switchOffEstimate } from "../report/switch-off-estimate";
import { ToolError } from "../tool-error";
import type { ReportArgs } from "./report-command-line";
import type { CommonArgs } from "./tool-command";
import type { ToolIo } from "./tool-io";

/** A reader opening the page while it is written sees the old page or the new one, never half of one. */
function writePage(path: string, text: string): void {
  try {
    writeFileAtomically(path, text);
  } catch (error) {
    throw new ToolError(
      `could not write the report to ${path}: ${fileErrorReason(error)}`,
      "pass --out <path> to a writable place",
    );
  }
}

export async function runReportCommand(args: ReportArgs, _common: CommonArgs, io: ToolIo): Promise<number> {
  const history = await readHistory(args.history);
  if (history.skipped.length > 0) {
    io.stderr.write(
      `${args.history}: skipped ${history.skipped.length} line(s) that could not be read: ${skippedSummary(history.skipped)}\n`,
    );
  }
  const latest = history.runs.at(-1);
  const first = history.runs[0];
  if (latest === undefined || first === undefined) {
    throw new ToolError(
      `the history ${args.history} holds no verify run`,
      "each verify run appends a line to it: run verify first",
    );
  }
  writePage(args.out, reportPage(history, { generatedAt: new Date() }));
  const estimate = switchOffEstimate(history.runs);
  io.stdout(
    `wrote ${resolve(args.out)}: ${history.runs.length} verify run(s) from ${runDate(first.time)} to ${runDate(latest.time)}\n` +
      `latest verdict: ${latest.can_switch_off ? "YES" : "NOT YET"}; switch-off estimate: ${estimate ? estimateWords(estimate).headline : "none"}\n`,
  );
  return 0;
}
