/** What every case receives: the run's plan, the bundles to measure, and where figures go. */
import type { FigureSet } from "../figure-set";
import type { Plan } from "../options";
import type { Variant } from "../variants";

export interface CaseContext {
  plan: Plan;
  variants: readonly Variant[];
  figures: FigureSet;
  /** Observations worth printing beside the figures (what a variant did, not how fast). */
  notes: string[];
  /**
   * Work a case left running that only waits on timers. Its process reports itself idle
   * meanwhile, so that only a quiet case (one using almost no CPU) runs beside it.
   */
  background: Array<Promise<void>>;
}
