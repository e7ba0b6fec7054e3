/**
 * Group 8: each baseline's median over the shipped Action's, per figure. A ratio over a
 * zero or negative median would mislead, so it is left out (null) with the reason.
 */
import { expectedRatioIds, figureId, METRICS } from "./figure-catalog";
import type { FigureSet } from "./figure-set";
import { VARIANT_IDS } from "./variant-ids";

export interface Ratio {
  /** Baseline median / Action median; null when the Action's median is not positive. */
  ratio: number | null;
  note?: string;
}

export function computeRatios(figures: FigureSet): Record<string, Ratio> {
  const ratios: Record<string, Ratio> = {};
  for (const spec of METRICS.filter((candidate) => candidate.perVariant)) {
    const action = figures.get(figureId(spec.metric, "action"));
    for (const variant of VARIANT_IDS.filter((candidate) => candidate !== "action")) {
      const baseline = figures.get(figureId(spec.metric, variant));
      if (!action || !baseline) continue;
      const id = figureId(spec.metric, variant);
      if (action.median > 0) ratios[id] = { ratio: baseline.median / action.median };
      else if (action.median === 0 && baseline.median === 0) ratios[id] = { ratio: 1, note: "both zero" };
      else ratios[id] = { ratio: null, note: `Action median is ${action.median}` };
    }
  }
  return ratios;
}

export function missingRatios(ratios: Record<string, Ratio>): string[] {
  return expectedRatioIds().filter((id) => !(id in ratios));
}
