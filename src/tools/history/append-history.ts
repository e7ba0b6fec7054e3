/**
 * Adds one line to the end of the history, and only there: the file is opened for
 * appending (O_APPEND), so no earlier byte is ever rewritten, and the line goes out in a
 * single write, which the kernel appends whole even when two `verify` runs finish at
 * once. A last line left without its newline (a run killed mid-write, a full disk) is
 * closed first, so the damage stays on that line and the new one is intact.
 */
import { accessSync, closeSync, constants, fstatSync, openSync, readSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { fileErrorReason } from "../file-error-reason";
import { ToolError } from "../tool-error";
import { HISTORY_KIND, type HistoryLine } from "./history-line";

/** How much of the file's start is read to tell whether it is a history at all. */
const SNIFF_BYTES = 16 * 1024;
const NEWLINE = 0x0a;

function byteAt(fd: number, position: number): number | undefined {
  const buffer = Buffer.alloc(1);
  return readSync(fd, buffer, 0, 1, position) === 1 ? buffer[0] : undefined;
}

/**
 * Another file named by mistake (the checkpoint, a report) must not get a line appended
 * to it: a history names its kind on every line, so one of its first lines says so.
 */
function isHistory(fd: number, size: number): boolean {
  if (size === 0) return true;
  const buffer = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  return buffer.subarray(0, read).toString("utf8").includes(`"kind":"${HISTORY_KIND}"`);
}

const notHistory = (path: string) => `${path} is not a verify history (none of its first lines is one)`;

/**
 * Before a long run, that its line will have somewhere to go: an existing history this
 * process may write, or a folder where one can be created. Creates nothing.
 */
export function checkHistoryWritable(path: string): void {
  const hint = "pass --history <path> to name another history file";
  let fd: number | undefined;
  try {
    if (!statSync(path, { throwIfNoEntry: false })) {
      accessSync(dirname(path), constants.W_OK);
      return;
    }
    fd = openSync(path, "r+");
    if (!isHistory(fd, fstatSync(fd).size)) throw new ToolError(notHistory(path), hint);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`cannot append to the history ${path}: ${fileErrorReason(error)}`, hint);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function appendHistoryLine(path: string, line: HistoryLine): void {
  const hint = "the report above is complete; pass --history <path> to name a writable history file";
  let fd: number | undefined;
  try {
    // "a+": created when absent, every write at the end, and readable for the checks.
    fd = openSync(path, "a+");
    const { size } = fstatSync(fd);
    if (!isHistory(fd, size)) throw new ToolError(`${notHistory(path)}: nothing was appended`, hint);
    const opening = size > 0 && byteAt(fd, size - 1) !== NEWLINE ? "\n" : "";
    const bytes = Buffer.from(`${opening}${JSON.stringify(line)}\n`, "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`could not append to the history ${path}: ${fileErrorReason(error)}`, hint);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
