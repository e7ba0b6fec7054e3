/**
 * One reason something cannot be used: what (a secret, a variable, the bundle; several
 * names joined with `+` when they conflict) and why, as a code or a short phrase. Never
 * a value: the subject is usually a secret. The Action, the deploy, `try` and the tools
 * all speak this one shape.
 */
export interface Problem<Reason extends string = string> {
  subject: string;
  reason: Reason;
}
