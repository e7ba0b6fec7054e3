/**
 * The command, start to end: parse the flags, run `verify` or `backfill`, and turn every
 * problem the operator can fix into one message. Exit codes: 0 done, 1 some users
 * failed, 2 bad input or configuration, 130 interrupted.
 */
import { parseCliArgs, USAGE } from "./cli-args";
import { backfillCommand } from "./commands/backfill-command";
import type { ToolIo } from "./commands/tool-io";
import { verifyCommand } from "./commands/verify-command";
import { asTenantError } from "./tenant-error";
import { ToolError } from "./tool-error";

export async function main(argv: readonly string[], io: ToolIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`repair-migrated-metadata: ${parsed.problem}\nRun with --help for usage.\n`);
    return 2;
  }
  const { args } = parsed;
  try {
    if (args.command === "help") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    return args.command === "verify" ? await verifyCommand(args, io) : await backfillCommand(args, io);
  } catch (thrown) {
    const error = thrown instanceof ToolError ? thrown : asTenantError(thrown);
    if (!error) throw thrown;
    const hint = error.hint ? `\n  ${error.hint}` : "";
    io.stderr.write(`repair-migrated-metadata: ${error.message}${hint}\n`);
    return 2;
  }
}
