/**
 * Writes users as an export job's file holds them (gzip NDJSON), for runs without a
 * tenant: the sample try, the tests and the benchmark. Streamed, so a million users are
 * never held at once.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { TenantUser } from "../tenant-user";

export async function writeExportFile(path: string, users: Iterable<TenantUser>): Promise<void> {
  function* lines() {
    for (const user of users) yield `${JSON.stringify(user)}\n`;
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(path));
}
