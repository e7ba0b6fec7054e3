/**
 * Runs `work` over a stream of items with at most `concurrency` at once, pulling the next
 * item only when a worker is free (the stream is never read ahead into memory). Once
 * `signal` aborts, no new item starts; the ones in flight finish.
 */
export async function runPool<T>(
  items: AsyncIterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  let exhausted = false;
  const worker = async () => {
    while (!exhausted && !signal?.aborted) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      // An item taken as the run was stopped is left for the next run.
      if (signal?.aborted) return;
      await work(next.value);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
