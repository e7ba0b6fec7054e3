/**
 * The command, start to end: read the command line, run the command, and turn every
 * failure into one message: what failed, where and why, what had been changed, and what
 * to check. A stack trace only with `--debug`. Exit codes: 0 done, 1 some users failed,
 * 2 bad input or configuration, or a service that could not be reached or refused,
 * 70 an unexpected error (a bug), 130 interrupted.
 */
import { inspect } from "node:util";
import { StepFailure, stepFailureLines } from "../shared/step-failure";
import { parseCliArgs } from "./cli-args";
import { PROGRAM } from "./commands/tool-command";
import type { ToolIo } from "./commands/tool-io";
import { EXIT } from "./exit-codes";
import { ToolError } from "./tool-error";

/** Unless the command said otherwise, a failed step left the tenant as it was. */
const UNCHANGED = "nothing was changed in the tenant";

function failureLines(error: unknown): { lines: string[]; code: number } {
  if (error instanceof StepFailure) return { lines: stepFailureLines(error, UNCHANGED), code: EXIT.failed };
  if (error instanceof ToolError) {
    return { lines: [error.message, ...(error.hint ? [`  ${error.hint}`] : [])], code: EXIT.failed };
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return {
    lines: [`unexpected error: ${message}`, "  run again with --debug to see where it happened"],
    code: EXIT.bug,
  };
}

export async function main(argv: readonly string[], io: ToolIo): Promise<number> {
  const call = parseCliArgs(argv);
  const name = call.command ? `${PROGRAM} ${call.command.name}` : PROGRAM;
  if (call.kind === "help") {
    io.stdout(`${call.text}\n`);
    return EXIT.done;
  }
  if (call.kind === "problem") {
    io.stderr.write(`${name}: ${call.problem}\nRun \`${name} --help\` for usage.\n`);
    return EXIT.failed;
  }
  try {
    return await call.run(io);
  } catch (error) {
    const { lines, code } = failureLines(error);
    const [first, ...rest] = lines;
    io.stderr.write(`${name}: ${first}\n${rest.map((line) => `${line}\n`).join("")}`);
    if (call.common.debug) io.stderr.write(`${inspect(error, { depth: 6 })}\n`);
    return code;
  }
}
