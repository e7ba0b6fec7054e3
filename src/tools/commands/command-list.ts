/** The commands of the operator CLI, in the order the general help lists them: the migration's. */
import { backfillCommand } from "./backfill-command-line";
import { finishCommand } from "./finish-command-line";
import { reportCommand } from "./report-command-line";
import { smokeCommand } from "./smoke-command-line";
import type { ToolCommand } from "./tool-command";
import { verifyCommand } from "./verify-command-line";

export const COMMANDS: readonly ToolCommand[] = [
  smokeCommand,
  verifyCommand,
  backfillCommand,
  reportCommand,
  finishCommand,
];
