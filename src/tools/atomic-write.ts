/**
 * Replaces a file whole: the text goes to a temporary file beside it, which is then
 * renamed over it, so a reader (or a crash) finds the old file or the new one, never
 * half of one. Beside it, not in the system's temp folder: a rename only replaces
 * atomically within one file system. The backfill's checkpoint and the report page
 * are written this way.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";

/** Where `writeFileAtomically` puts the text first; one per process, so two runs never share it. */
export function temporaryPathFor(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

/** Throws the file system's own error; a write that failed leaves no temporary file behind. */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = temporaryPathFor(path);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
