/**
 * A problem the operator can fix that is not a failed call (a missing variable, a
 * checkpoint of another run, an export that holds fewer users than the tenant reports):
 * the command prints its message alone, without a stack trace. A call that failed is a
 * StepFailure (src/shared/step-failure.ts).
 */
export class ToolError extends Error {
  constructor(
    message: string,
    /** What to do about it, printed on the next line. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = "ToolError";
  }
}
