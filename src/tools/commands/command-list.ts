/** The commands of the operator CLI, in the order the general help lists them. */
import { backfillCommand } from "./backfill-command-line";
import { reportCommand } from "./report-command-line";
import type { ToolCommand } from "./tool-command";
import { verifyCommand } from "./verify-command-line";

export const COMMANDS: readonly ToolCommand[] = [verifyCommand, backfillCommand, reportCommand];
