/**
 * Releases a body we will not read. Not awaited: a cancellation can wait on the peer,
 * and nothing here should spend the login's time budget on a body it does not want.
 */
export function discardBody(body: ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array> | null): void {
  body?.cancel().catch(() => undefined);
}
