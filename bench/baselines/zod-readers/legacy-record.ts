/**
 * BASELINE (b) only: the Action's record reader replaced by the legacy API contract's zod
 * schema (full zod 4), as the backfill reads records. Swapped in by build-baselines.ts.
 */
export type { LegacyRecord, RecordReason } from "../../../src/action/legacy-record";
export { readContractRecord as readLegacyRecord } from "../../../src/tools/legacy/contract-record";
