/** The cases of a run, in the order they run, and how each may share the machine with another. */

import { measureBundleSize } from "./cases/bundle-size";
import type { CaseContext } from "./cases/case-context";
import { measureColdStart } from "./cases/cold-start";
import { measureCommonLogin } from "./cases/common-login";
import { measureDeadline } from "./cases/deadline";
import { measureHandlerAlone } from "./cases/handler-alone";
import { measureOutage } from "./cases/outage";
import { measurePopulation } from "./cases/population";
import { measureRepairOverhead } from "./cases/repair-overhead";

export interface Case {
  name: string;
  measure: (context: CaseContext) => Promise<void>;
  /** Uses almost no CPU of its own (it waits on child processes), so it may run beside idle work. */
  quiet?: boolean;
}

// The deadline case goes early: what it leaves waiting (a variant held until Auth0's 20 s
// limit) overlaps the cold-start spawns instead of adding 20 s to the run.
export const CASES: readonly Case[] = [
  { name: "bundle size", measure: measureBundleSize, quiet: true },
  { name: "deadline", measure: measureDeadline },
  { name: "cold start", measure: measureColdStart, quiet: true },
  { name: "common login", measure: measureCommonLogin },
  { name: "common login, handler alone", measure: measureHandlerAlone },
  { name: "repair overhead", measure: measureRepairOverhead },
  { name: "outage", measure: measureOutage },
  { name: "population", measure: measurePopulation },
];
