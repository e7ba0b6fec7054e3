import { describe, expect, it } from "vitest";
import { CATEGORIES, type Category, type CategoryTally, verdictFor } from "../src/tools/verify/migration-report";

function tallies(counts: Partial<Record<Category, number>>): Record<Category, CategoryTally> {
  return Object.fromEntries(
    CATEGORIES.map((category) => [category, { count: counts[category] ?? 0, examples: [] as string[] }]),
  ) as Record<Category, CategoryTally>;
}

describe("the switch-off verdict", () => {
  it("says YES when every listed legacy user is in Auth0 with their metadata", () => {
    expect(verdictFor(tallies({ complete: 3, repaired: 2 }), 5)).toMatchObject({ canSwitchOff: true });
  });

  it("says NOT YET when the legacy store listed nobody: an empty or filtered list proves nothing", () => {
    const verdict = verdictFor(tallies({ complete: 3, not_listed: 3 }), 0);
    expect(verdict.canSwitchOff).toBe(false);
    expect(verdict.summary).toMatch(/^NOT YET: the legacy store listed no user/);
    expect(verdict.summary).toContain("LEGACY_API_LIST_URL");
  });

  it("names every blocker at once", () => {
    const verdict = verdictFor(tallies({ not_migrated: 2, missing_metadata: 1, unrepairable: 1 }), 4);
    expect(verdict.summary).toBe(
      "NOT YET: 2 legacy users have not migrated (bulk-import them or wait for their first login); 1 migrated user still misses metadata (run backfill); 1 user cannot log in until their profile is fixed (metadata that is not an object: fix by hand, then run backfill).",
    );
  });
});
