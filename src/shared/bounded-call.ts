/**
 * One network call with a bound on its time: `run` gets a signal that aborts when the
 * bound is reached, and the call also ends then even if `run` ignores the signal. A
 * failure of the call (its bound, a status, the network) comes out as a StepFailure naming
 * the step, the host and the cause; any other error goes on unchanged.
 */
import { causeOf } from "./failure-cause";
import { StepFailure } from "./step-failure";

export interface CallPlace {
  /** What the command is doing, e.g. "reading user auth0|1001". */
  step: string;
  /** host or host:port. */
  host: string;
  timeoutMs: number;
  /** The variable that names the host (see StepFailureDetails). */
  source?: string;
  /** What to check when the service refuses (see StepFailureDetails). */
  hint?: string;
}

class CallTimedOut extends Error {
  constructor() {
    super("the call's time bound was reached");
    this.name = "CallTimedOut";
  }
}

export async function boundedCall<T>(place: CallPlace, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new CallTimedOut());
      reject(new CallTimedOut());
    }, place.timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), timedOut]);
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    const cause = causeOf(error, controller.signal.aborted);
    if (cause === undefined) throw error;
    throw new StepFailure(place.step, place.host, cause, {
      timeoutMs: place.timeoutMs,
      source: place.source,
      hint: place.hint,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
