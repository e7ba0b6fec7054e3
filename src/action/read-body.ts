/**
 * Reads a response body as UTF-8 text, at most `cap` bytes after content decoding, so a
 * huge body or a decompression bomb costs at most `cap` bytes of memory.
 */
import { discardBody } from "./discard-body";

export type BodyText = { ok: true; text: string } | { ok: false; reason: "body_too_large" | "body_not_utf8" };

export async function readCappedText(response: Response, cap: number): Promise<BodyText> {
  const declared = Number(response.headers.get("content-length"));
  // Content-Length counts encoded bytes; a compressed body is still checked while read.
  if (!response.headers.has("content-encoding") && declared > cap) {
    discardBody(response.body);
    return { ok: false, reason: "body_too_large" };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        discardBody(reader);
        return { ok: false, reason: "body_too_large" };
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "body_not_utf8" };
  }
}
