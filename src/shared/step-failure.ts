/**
 * A call to another service that failed for good (retries, if any, spent): which step
 * of the command, which host, and why. Commands print it as one message, followed by
 * what they had changed by then and what to check, and never as a stack trace.
 */
import { describeCause, type FailureCause, type NetworkCause } from "./failure-cause";

export interface StepFailureDetails {
  /** The bound the call had, named in a timeout's message. */
  timeoutMs?: number;
  /** The variable that names the host, e.g. AUTH0_DOMAIN: what to check when it cannot be reached. */
  source?: string;
  /** What to check when the service answers with a refusal (a 4xx) or something unusable. */
  hint?: string;
  /** The original error, shown by `--debug`. */
  cause?: unknown;
}

const NETWORK_HINTS: Record<NetworkCause, (source: string) => string> = {
  dns: (source) => `check ${source}: this machine cannot resolve that name`,
  refused: (source) => `check ${source} (host and port), and that the service is running`,
  tls: () => "the certificate must be valid for the host; a private CA can be trusted with NODE_EXTRA_CA_CERTS",
  timeout: () => "check the network between this machine and the host; if the service is only slow, raise --timeout",
  reset: (source) => `check ${source} and the network between this machine and the host`,
  network: (source) => `check ${source} and the network between this machine and the host`,
};

function hintFor(cause: FailureCause, details: StepFailureDetails): string | undefined {
  switch (cause.kind) {
    case "status":
      if (cause.status === 429 || cause.status >= 500) return "the service is failing or overloaded: try again later";
      return details.hint;
    case "answer":
      return details.hint;
    default:
      return NETWORK_HINTS[cause.kind](details.source ?? "the host");
  }
}

export class StepFailure extends Error {
  /** What the command had changed when it stopped, filled in by the command (`noteChanges`). */
  changed?: string;
  readonly hint?: string;

  constructor(
    /** What the command was doing, e.g. "requesting a Management API token". */
    readonly step: string,
    /** host or host:port. */
    readonly host: string,
    readonly failure: FailureCause,
    details: StepFailureDetails = {},
  ) {
    super(`${step} failed at ${host}: ${describeCause(failure, details.timeoutMs)}`, { cause: details.cause });
    this.name = "StepFailure";
    this.hint = hintFor(failure, details);
  }
}

/** Runs `work`; a step failure escaping it learns what had been changed by then. */
export async function noteChanges<T>(work: () => Promise<T>, changed: () => string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StepFailure && error.changed === undefined) error.changed = changed();
    throw error;
  }
}

/** The message's lines: what failed, what had changed (or `unchanged`), what to check. */
export function stepFailureLines(failure: StepFailure, unchanged: string): string[] {
  const lines = [failure.message, `  ${failure.changed ?? unchanged}`];
  if (failure.hint) lines.push(`  ${failure.hint}`);
  return lines;
}
