/** One reason to refuse a deploy: what is wrong (a variable name, the bundle) and why, never a value. */
export interface Problem {
  subject: string;
  reason: string;
}
