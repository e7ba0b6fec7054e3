/**
 * How a command runs one Management API call: bounded in time, and failing as one
 * StepFailure naming the step. The tools pace theirs with the rate governor; the deploy,
 * which makes only a few, bounds each one alone. Shared code takes either.
 */
import { boundedCall, type CallPlace } from "./bounded-call";

/** A call's data with its answer's headers (the rate governor reads the limits in them). */
export interface RawAnswer<T> {
  data: T;
  rawResponse: { headers: Headers };
}

/** One request, bounded by `signal`, e.g. `(signal) => client.users.get(id, {}, {abortSignal: signal}).withRawResponse()`. */
export type RawCall<T> = (signal: AbortSignal) => Promise<RawAnswer<T>>;

export type ManagementCall = <T>(step: string, request: RawCall<T>) => Promise<T>;

/** Each call bounded once, without retries. */
export function boundedManagementCall(place: Omit<CallPlace, "step">): ManagementCall {
  return (step, request) => boundedCall({ ...place, step }, async (signal) => (await request(signal)).data);
}
