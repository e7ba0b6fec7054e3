/**
 * How a figure is summarised: the median, and the spread as p10–p90 plus min/max, over
 * the repeated runs that produced it. Percentiles interpolate between ranks, so a
 * handful of samples still gives a meaningful spread.
 */
export interface Summary {
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  /** How many runs the figure summarises. */
  n: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  const rank = (sorted.length - 1) * fraction;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (rank - below);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("cannot summarise an empty sample");
  if (!samples.every(Number.isFinite)) throw new Error("a sample is not a finite number");
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 0.5),
    p10: percentile(sorted, 0.1),
    p90: percentile(sorted, 0.9),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}

export function median(samples: readonly number[]): number {
  return summarize(samples).median;
}
