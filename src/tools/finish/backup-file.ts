/**
 * The copy of a connection taken before `finish` (or its rollback) writes to it: every
 * field as the tenant returned it, the scripts included. It may hold secrets (scripts
 * sometimes embed credentials; the configuration is encrypted), so the file is created
 * with mode 0600 and never overwrites another. It is synced to disk before the write it
 * guards is sent, and removed if it could not be written whole. `finish --rollback <file>`
 * reads it back.
 */
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import * as z from "zod/mini";
import { fileErrorReason } from "../file-error-reason";
import { ToolError } from "../tool-error";
import { asConnectionCopy, type ConnectionCopy } from "./connection-copy";

const KIND = "repair-migrated-metadata/connection-backup";

export type BackupMoment = "finish" | "rollback";

export interface ConnectionBackup {
  takenAt: string;
  takenBefore: BackupMoment;
  /** The tenant's host, as AUTH0_DOMAIN named it. */
  tenant: string;
  connection: ConnectionCopy;
}

const fileSchema = z.object({
  kind: z.literal(KIND),
  taken_at: z.string(),
  taken_before: z.enum(["finish", "rollback"]),
  tenant: z.string(),
  connection: z.unknown(),
});

/** `connection-backup-<name>-<UTC time>.json`: sorted by time in a listing, safe in any file system. */
function backupFileName(connection: string, at: Date): string {
  const safeName = connection.replace(/[^A-Za-z0-9._-]/g, "_");
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(".", "-");
  return `connection-backup-${safeName}-${stamp}.json`;
}

/** The directory entry of a new file is on disk only once its directory is synced; not every platform can. */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, "r");
    fsyncSync(fd);
  } catch {
    // Windows cannot open a directory for this; the file's own content is synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A new file (never over another), mode 0600, on disk when this returns; nothing left behind when it throws. */
function writeDurably(path: string, text: string): void {
  const fd = openSync(path, "wx", 0o600);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    try {
      closeSync(fd);
    } finally {
      rmSync(path, { force: true });
    }
    throw error;
  }
  closeSync(fd);
  syncDirectory(dirname(path));
}

/**
 * Checked before anything else is done: otherwise a folder that cannot take the backup is
 * found only after the token, a whole verify and the connection read.
 */
export function checkBackupDir(directory: string): void {
  let reason: string | undefined;
  try {
    if (!statSync(directory).isDirectory()) reason = "it is not a folder";
    else accessSync(directory, constants.W_OK);
  } catch (error) {
    reason = fileErrorReason(error);
  }
  if (reason !== undefined) {
    throw new ToolError(
      `cannot write the backup in ${directory}: ${reason}; nothing was changed in the tenant`,
      "pass --backup-dir <a folder this user can write to>",
    );
  }
}

export function writeBackup(directory: string, backup: ConnectionBackup): string {
  const path = join(directory, backupFileName(backup.connection.name, new Date(backup.takenAt)));
  const text = JSON.stringify(
    {
      kind: KIND,
      taken_at: backup.takenAt,
      taken_before: backup.takenBefore,
      tenant: backup.tenant,
      connection: backup.connection.raw,
    },
    null,
    2,
  );
  try {
    writeDurably(path, `${text}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new ToolError(
      `cannot write the backup ${path} (${code}); nothing was changed in the tenant`,
      "pass --backup-dir <a folder this user can write to>",
    );
  }
  return path;
}

export function readBackup(path: string): ConnectionBackup {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ToolError(`cannot read the backup ${path}: ${fileErrorReason(error)}`);
  }
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch {
    throw new ToolError(`${path} is not a connection backup written by finish`);
  }
  const connection = asConnectionCopy(parsed.connection);
  if (!connection) throw new ToolError(`${path} holds no connection (an id and a name)`);
  return { takenAt: parsed.taken_at, takenBefore: parsed.taken_before, tenant: parsed.tenant, connection };
}
