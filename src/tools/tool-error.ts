/**
 * A problem the operator can fix (a missing variable, an unreachable store, a failed
 * export job): the command prints its message alone, without a stack trace.
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
