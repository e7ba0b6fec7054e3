/**
 * How long to wait before the next attempt: doubling from `firstMs`, with "equal jitter"
 * (half of the step fixed, half random) so that callers failing together do not all come
 * back at one instant, while the wait never drops below half the step. Every retry loop
 * in the project takes its waits from here; the Action's loop passes its own random
 * source only in tests.
 */
export function backoffMs(attempt: number, firstMs: number, random: () => number = Math.random): number {
  const step = firstMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(step / 2 + random() * (step / 2));
}
