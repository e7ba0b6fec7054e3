/** `finish` and `finish --rollback`: a refusal is one message and exit 1, with the tenant untouched. */
import { FinishRefusal, REFUSAL_HINTS } from "../finish/finish-refusal";
import { runFinish } from "../finish/run-finish";
import { runRollback } from "../finish/run-rollback";
import type { FinishArgs } from "./finish-command-line";
import { type CommonArgs, PROGRAM } from "./tool-command";
import type { ToolIo } from "./tool-io";

const REFUSED = 1;

export async function runFinishCommand(args: FinishArgs, common: CommonArgs, io: ToolIo): Promise<number> {
  try {
    return args.rollback === undefined
      ? await runFinish(args, common, io)
      : await runRollback(args.rollback, args, common, io);
  } catch (error) {
    if (!(error instanceof FinishRefusal)) throw error;
    io.stderr.write(
      `${PROGRAM} finish: refusing: ${error.message}\n  nothing was changed in the tenant\n  ${REFUSAL_HINTS[error.reason]}\n`,
    );
    return REFUSED;
  }
}
