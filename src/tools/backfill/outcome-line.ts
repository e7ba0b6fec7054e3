/** One user's result as a line of the run's output: ids, key names and reason codes, never values. */
import type { RepairResult } from "./repair-user";

function keyList(label: string, keys: string[]): string | undefined {
  return keys.length > 0 ? `${label}: ${keys.join(", ")}` : undefined;
}

export function outcomeLine(userId: string, result: RepairResult, dryRun: boolean): string {
  const verb = dryRun ? "would write" : "wrote";
  switch (result.outcome) {
    case "repaired": {
      const parts = [keyList("user_metadata", result.userKeys), keyList("app_metadata", result.appKeys)].filter(
        (part) => part !== undefined,
      );
      const keys = parts.length > 0 ? parts.join("; ") : "no keys (the legacy record adds nothing)";
      const skipped =
        result.skipped.length > 0
          ? `; skipped ${result.skipped.length} (${[...new Set(result.skipped)].join(", ")})`
          : "";
      return `${userId}  ${verb} ${keys}${skipped}; marker repaired`;
    }
    case "not_found":
      return `${userId}  not in the legacy store: ${verb} marker not_found`;
    case "already_repaired":
      return `${userId}  nothing missing any more (repaired by a login since the export): left untouched`;
    case "deleted":
      return `${userId}  no longer in the tenant: skipped`;
    case "unrepairable":
      return `${userId}  cannot log in until their profile is fixed (${result.reason}): fix it by hand, nothing written`;
    case "failed":
      return `${userId}  FAILED ${result.reason} (retried on the next run)`;
  }
}
