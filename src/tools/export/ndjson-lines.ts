/**
 * Lines of a (possibly gzip-compressed) NDJSON byte stream, one at a time: memory holds
 * one chunk and one line, never the file. Gzip is recognised by its magic bytes, so an
 * export saved with or without compression reads the same.
 */
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";

/** Longer than any user Auth0 can hold; a longer line means the file is not NDJSON. */
const MAX_LINE_CHARS = 8 * 1024 * 1024;

export class NdjsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NdjsonError";
  }
}

function isZlibError(error: unknown): error is Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === "string" && code.startsWith("Z_");
}

async function* gunzipIfNeeded(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    if (first.done) return;
    async function* all() {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    }
    if (first.value[0] !== 0x1f || first.value[1] !== 0x8b) {
      yield* all();
      return;
    }
    // Piping keeps backpressure: gunzip pulls only as fast as lines are consumed.
    const gunzip = createGunzip();
    const input = Readable.from(all(), { objectMode: false });
    input.on("error", (error) => gunzip.destroy(error));
    try {
      yield* input.pipe(gunzip) as AsyncIterable<Uint8Array>;
    } catch (error) {
      // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR for a file cut short) are about the bytes, not a
      // bug: said as such. The source's errors (a download that failed) go on as they are.
      if (isZlibError(error)) throw new NdjsonError(`the gzip stream is damaged (${error.message})`);
      throw error;
    }
  } finally {
    // Stopping early (an error, Ctrl-C) must release the download or the file.
    await iterator.return?.();
  }
}

export async function* ndjsonLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  for await (const chunk of gunzipIfNeeded(source)) {
    pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let start = 0;
    for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n", start)) {
      const line = pending.slice(start, end).trim();
      if (line !== "") yield line;
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS) throw new NdjsonError(`a line is longer than ${MAX_LINE_CHARS} characters`);
  }
  const last = (pending + decoder.end()).trim();
  if (last !== "") yield last;
}
