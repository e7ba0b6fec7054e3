/** The operator CLI's exit codes, as docs/tools.md lists them. */
export const EXIT = { done: 0, someFailed: 1, failed: 2, bug: 70, interrupted: 130 } as const;
