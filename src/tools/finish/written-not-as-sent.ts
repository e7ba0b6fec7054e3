/**
 * A write the tenant accepted but answered with something else than was sent: the
 * connection changed, just not exactly as planned. Said as such (exit 3), with the way back.
 */
import { PROGRAM } from "../commands/tool-command";
import type { ToolIo } from "../commands/tool-io";

const WRITTEN_NOT_AS_SENT = 3;

export function writtenNotAsSent(io: ToolIo, differences: readonly string[], backupPath: string): number {
  io.stderr.write(
    `${PROGRAM} finish: the connection was written, but the tenant's answer differs from what was sent in: ${differences.join(", ")}\n` +
      `  read the connection in the dashboard before going on; the backup is ${backupPath}, and\n` +
      `  ${PROGRAM} finish --rollback ${backupPath} restores its scripts\n`,
  );
  return WRITTEN_NOT_AS_SENT;
}
