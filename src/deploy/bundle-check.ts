/**
 * The committed bundle is what gets deployed, so it must be exactly what the sources
 * build to, within budget, and free of anything the Deploy CLI's keyword replacement
 * (which also runs over the code file) could rewrite.
 */

import type { Problem } from "../action/problem";
import { ACTION_CODE_PATH } from "../shared/action-identity";
import { BUNDLE_BUDGET_BYTES } from "../shared/build-config";

export interface BundleTexts {
  /** The committed file, or `undefined` when it does not exist. */
  committed: string | undefined;
  /** What the sources build to now. */
  fresh: string;
}

export function checkBundle({ committed, fresh }: BundleTexts): Problem[] {
  const subject = ACTION_CODE_PATH;
  if (committed === undefined) return [{ subject, reason: "missing: run `npm run build`" }];
  const problems: Problem[] = [];
  if (committed !== fresh) {
    problems.push({ subject, reason: "stale: src/action changed since the last build; run `npm run build`" });
  }
  const bytes = Buffer.byteLength(committed);
  if (bytes > BUNDLE_BUDGET_BYTES) {
    problems.push({ subject, reason: `over budget: ${bytes} bytes, at most ${BUNDLE_BUDGET_BYTES}` });
  }
  if (committed.includes("@@") || committed.includes("##")) {
    problems.push({ subject, reason: "contains @@ or ##, which the Deploy CLI's keyword replacement may rewrite" });
  }
  return problems;
}
