/** What a command needs from the process; tests pass their own. */
import type { ProgressOutput } from "../backfill/progress";

export interface ToolIo {
  env: Readonly<Record<string, string | undefined>>;
  /** Results: the report, the dry run's plan. */
  stdout(text: string): void;
  /** Progress and messages; `isTTY` chooses the bar or plain lines. */
  stderr: ProgressOutput;
  /** Aborted on Ctrl-C: stop taking users, finish the ones in flight, save the checkpoint. */
  signal?: AbortSignal;
  /** Runs even on a forced exit (a second Ctrl-C); must be synchronous. */
  atExit?(action: () => void): void;
  /** How often an export job is polled (tests make it short). */
  exportPollMs?: number;
  /** How often an Action that is still building is looked at again (tests make it short). */
  buildPollMs?: number;
}
