/**
 * Joins two id lists of any length in bounded memory: each id goes to one of a fixed
 * number of bucket files on disk by its hash, so the join later holds one bucket of each
 * side at a time (about n/64 ids) instead of every id.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fnv1a } from "../../action/fnv-hash";

export const BUCKETS = 64;
const FLUSH_LINES = 1000;

export type Side = "legacy" | "tenant";

/** A tenant entry pairs the legacy id with the Auth0 user id, for the report's examples. */
export interface Entry {
  legacyId: string;
  userId: string;
}

export class IdPartitions {
  private readonly dir = mkdtempSync(join(tmpdir(), "rmm-verify-"));
  /** Pending lines per bucket file, written out together: one small write per 1,000 ids, not per id. */
  private readonly pending = new Map<string, string[]>();

  add(side: Side, entry: Entry): void {
    const file = this.file(side, Number.parseInt(fnv1a(entry.legacyId), 16) % BUCKETS);
    let lines = this.pending.get(file);
    if (lines === undefined) {
      lines = [];
      this.pending.set(file, lines);
    }
    lines.push(JSON.stringify([entry.legacyId, entry.userId]));
    if (lines.length >= FLUSH_LINES) this.write(file, lines);
  }

  flush(): void {
    for (const [file, lines] of this.pending) this.write(file, lines);
  }

  private write(file: string, lines: string[]): void {
    if (lines.length === 0) return;
    appendFileSync(file, `${lines.join("\n")}\n`);
    lines.length = 0;
  }

  /** One bucket of one side; call after `flush()`. */
  read(side: Side, bucket: number): Entry[] {
    let text: string;
    try {
      text = readFileSync(this.file(side, bucket), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const entries: Entry[] = [];
    for (const line of text.split("\n")) {
      if (line === "") continue;
      const [legacyId, userId] = JSON.parse(line) as [string, string];
      entries.push({ legacyId, userId });
    }
    return entries;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private file(side: Side, bucket: number): string {
    return join(this.dir, `${side}-${bucket}.ndjson`);
  }
}
