/**
 * Bytes of a string once encoded as UTF-8, without allocating the encoding: Node's own
 * count (Auth0's Actions run on Node, where `Buffer` is a global, as in the local runtime).
 * A lone surrogate counts 3 bytes, as its replacement character would.
 */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** UTF-8 size of a value's JSON text; callers pass only values already checked for depth. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}
