/**
 * The backfill's memory between runs: the users already finished (repaired, marked
 * not_found, or found repaired by a login meanwhile), so an interrupted run resumes where
 * it stopped. The file is replaced atomically (temp file, then rename): a crash leaves
 * either the old or the new checkpoint, never half of one.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as z from "zod/mini";
import { temporaryPathFor, writeFileAtomically } from "../atomic-write";
import { fileErrorReason } from "../file-error-reason";
import { ToolError } from "../tool-error";

const KIND = "repair-migrated-metadata/backfill-checkpoint";
const WRITE_HINT = "pass --checkpoint <path> in a folder this user can write";

const cannotWrite = (path: string, error: unknown) =>
  new ToolError(`cannot write the checkpoint ${path}: ${fileErrorReason(error)}`, WRITE_HINT);

const fileSchema = z.object({
  kind: z.literal(KIND),
  repair_version: z.number(),
  connections: z.array(z.string()),
  done: z.array(z.string()),
});

export interface CheckpointScope {
  repairVersion: number;
  connections: readonly string[];
}

export class Checkpoint {
  private dirty = false;

  private constructor(
    readonly path: string,
    private readonly scope: CheckpointScope,
    private readonly done: Set<string>,
  ) {}

  /**
   * A checkpoint written for another REPAIR_VERSION or other connections would skip users
   * this run must check, so it is refused rather than silently used.
   */
  static open(path: string, scope: CheckpointScope): Checkpoint {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Checkpoint(path, scope, new Set());
      throw new ToolError(
        `cannot read the checkpoint ${path}: ${fileErrorReason(error)}`,
        "pass another --checkpoint path",
      );
    }
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch {
      throw new ToolError(`the checkpoint ${path} is not a backfill checkpoint`, "pass another --checkpoint path");
    }
    const sameConnections = [...parsed.connections].sort().join(",") === [...scope.connections].sort().join(",");
    if (parsed.repair_version !== scope.repairVersion || !sameConnections) {
      throw new ToolError(
        `the checkpoint ${path} was written for REPAIR_VERSION ${parsed.repair_version} and connection(s) ${parsed.connections.join(", ")}`,
        "delete it (or pass another --checkpoint path) to start a new backfill",
      );
    }
    return new Checkpoint(path, scope, new Set(parsed.done));
  }

  get size(): number {
    return this.done.size;
  }

  has(userId: string): boolean {
    return this.done.has(userId);
  }

  markDone(userId: string): void {
    this.done.add(userId);
    this.dirty = true;
  }

  /**
   * Tried before a run writes anything: a checkpoint that cannot be written would only fail once
   * users had been updated, leaving the run unable to say where it stopped.
   */
  ensureWritable(): void {
    // The very file a save writes first, so the probe tests what the save will need.
    const probe = temporaryPathFor(this.path);
    try {
      writeFileSync(probe, "");
      rmSync(probe, { force: true });
    } catch (error) {
      throw cannotWrite(this.path, error);
    }
  }

  /** Synchronous, so that it can run in a signal handler just before the process exits. */
  save(): void {
    if (!this.dirty) return;
    const body = {
      kind: KIND,
      repair_version: this.scope.repairVersion,
      connections: [...this.scope.connections],
      done: [...this.done],
    };
    try {
      writeFileAtomically(this.path, `${JSON.stringify(body)}\n`);
    } catch (error) {
      throw cannotWrite(this.path, error);
    }
    this.dirty = false;
  }
}
