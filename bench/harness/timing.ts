/** Clocks for the cases: one duration, or the mean cost of a call over batches of many. */

export async function elapsedMs(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export interface Subject {
  key: string;
  run: () => Promise<unknown>;
}

/**
 * Microseconds per call for each subject, one sample per batch: a single call is too
 * short for the clock, and the median over batches keeps a garbage collection from
 * skewing the figure. Batches of all subjects alternate, so a slower spell of the
 * machine (or code the JIT warmed for the first) does not favour one over another.
 */
export async function interleavedMicrosPerCall(
  subjects: readonly Subject[],
  batches: number,
  perBatch: number,
  warmup: number,
): Promise<Map<string, number[]>> {
  for (const subject of subjects) for (let i = 0; i < warmup; i++) await subject.run();
  const samples = new Map(subjects.map((subject) => [subject.key, [] as number[]]));
  for (let batch = 0; batch < batches; batch++) {
    for (const subject of rotate(subjects, batch)) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < perBatch; i++) await subject.run();
      samples.get(subject.key)?.push(Number(process.hrtime.bigint() - started) / 1e3 / perBatch);
    }
  }
  return samples;
}

/** The items starting at a different one each round, so no item always goes first. */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const start = items.length === 0 ? 0 : round % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}
