/**
 * The figures of one run as the cases produce them: each summarised from its samples and
 * checked against the catalog, so a misspelt or duplicated figure fails at once.
 */
import { expectedFigureIds, figureId, METRICS, type MetricSpec } from "./figure-catalog";
import { type Summary, summarize } from "./stats";
import type { VariantId } from "./variant-ids";

export interface Figure extends Summary {
  group: number;
  label: string;
  unit: MetricSpec["unit"];
  variant?: VariantId;
}

/** The raw samples of one figure, as a case process hands them to the run. */
export interface RecordedSamples {
  metric: string;
  variant?: VariantId;
  samples: number[];
}

export class FigureSet {
  private readonly figures = new Map<string, Figure>();
  private readonly recorded: RecordedSamples[] = [];

  add(metric: string, variant: VariantId | undefined, samples: readonly number[]): void {
    const spec = METRICS.find((candidate) => candidate.metric === metric);
    if (!spec) throw new Error(`figure ${metric} is not in the catalog`);
    if (spec.perVariant !== (variant !== undefined)) throw new Error(`figure ${metric}: variant mismatch`);
    const id = figureId(metric, variant);
    if (this.figures.has(id)) throw new Error(`figure ${id} measured twice`);
    this.figures.set(id, { group: spec.group, label: spec.label, unit: spec.unit, variant, ...summarize(samples) });
    this.recorded.push({ metric, variant, samples: [...samples] });
  }

  recordedSamples(): readonly RecordedSamples[] {
    return this.recorded;
  }

  get(id: string): Figure | undefined {
    return this.figures.get(id);
  }

  missing(): string[] {
    return expectedFigureIds().filter((id) => !this.figures.has(id));
  }

  toJSON(): Record<string, Figure> {
    return Object.fromEntries(this.figures);
  }
}
