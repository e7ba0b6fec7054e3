/** What the run and a case process say to each other: the case's input file, its result file, one message. */
import type { RecordedSamples } from "./figure-set";
import type { Plan } from "./options";
import type { Variant } from "./variants";

export interface CaseInput {
  name: string;
  plan: Plan;
  variants: Array<Omit<Variant, "code">>;
  resultPath: string;
}

export interface CaseOutput {
  samples: readonly RecordedSamples[];
  notes: string[];
}

/** Sent once the case has measured everything that needs the CPU; only waiting is left. */
export const IDLE_MESSAGE = "idle";
