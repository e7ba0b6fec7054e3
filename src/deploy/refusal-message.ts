/** The one message a refused deploy prints: every problem, what to set, no values. */
import type { Problem } from "../action/problem";
import { helpFor } from "../shared/variable-help";

export function refusalMessage(problems: readonly Problem[]): string {
  const lines = problems.map(({ subject, reason }) => {
    const help = helpFor(subject, reason);
    return `  - ${subject}: ${reason}${help ? `\n      ${help}` : ""}`;
  });
  return [
    "Not deploying; nothing was sent to Auth0. Fix the following, then run `npm run deploy` again:",
    ...lines,
    "Set variables in the environment or in .env in this directory; .env.example documents every one.",
  ].join("\n");
}
