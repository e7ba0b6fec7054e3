/**
 * How an execution ended, and what that does to the login: one log line, and a denial
 * only where ON_LEGACY_ERROR=deny asks for it and the legacy store is to blame.
 */
import { formatLogLine } from "./log-line";
import type { PostLoginApi } from "./types";

export type OutcomeName =
  | "repaired"
  | "not_found"
  | "legacy_error"
  | "legacy_down"
  | "invalid_response"
  | "config_error"
  | "unrepairable"
  | "internal_error";

export interface Outcome {
  outcome: OutcomeName;
  reason?: string;
  secret?: string;
  status?: number;
  problems?: number;
  user_keys?: number;
  app_keys?: number;
  skipped_keys?: number;
  attempts?: number;
}

/** Shown to the user; says nothing about the legacy store or the configuration. */
export const DENY_MESSAGE = "We could not complete your sign-in right now. Please try again in a few minutes.";

const DENIABLE: ReadonlySet<OutcomeName> = new Set(["legacy_error", "legacy_down", "invalid_response"]);

/** `startedAt` is undefined when the execution ended before it timed anything (`ms=0`). */
export function conclude(
  api: PostLoginApi,
  result: Outcome,
  denyOnLegacyError: boolean,
  startedAt: number | undefined,
): void {
  const ms = startedAt === undefined ? 0 : Date.now() - startedAt;
  // Every call site builds its outcome in the documented field order (outcome first, ms last).
  console.log(formatLogLine({ ...result, ms }));
  if (denyOnLegacyError && DENIABLE.has(result.outcome)) api.access.deny(DENY_MESSAGE);
}
