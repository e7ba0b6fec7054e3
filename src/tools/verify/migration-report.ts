/**
 * Where the migration stands: every category the operator asked about, with a count and
 * a few example ids (never emails), and the verdict on switching the legacy store off.
 */
import type { TenantState } from "../tenant-user";

export const CATEGORIES = [
  "not_migrated",
  "missing_metadata",
  "unrepairable",
  "repaired",
  "unknown_to_store",
  "not_listed",
  "complete",
] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  not_migrated: "legacy users not yet migrated",
  missing_metadata: "migrated users still missing metadata",
  unrepairable: "cannot log in until their profile is fixed",
  repaired: "repaired (marker: repaired)",
  unknown_to_store: "unknown to the store (marker: not_found)",
  not_listed: "tenant users the store does not list",
  complete: "complete without repair",
};

export const STATE_CATEGORY: Readonly<Record<TenantState, Category>> = {
  needs_repair: "missing_metadata",
  unrepairable: "unrepairable",
  repaired: "repaired",
  unknown_to_store: "unknown_to_store",
  complete: "complete",
};

/**
 * What a user counted in "missing metadata" lacks. Users who cannot log in are counted
 * apart (`unrepairable`): their metadata is not missing but unusable.
 */
export const MISSING_PARTS = ["user_metadata_only", "app_metadata_only", "both"] as const;

export type MissingPart = (typeof MISSING_PARTS)[number];

export const MISSING_PART_LABELS: Readonly<Record<MissingPart, string>> = {
  user_metadata_only: "user_metadata only",
  app_metadata_only: "app_metadata only",
  both: "both",
};

export interface CategoryTally {
  count: number;
  examples: string[];
}

export interface Verdict {
  canSwitchOff: boolean;
  summary: string;
}

export interface MigrationReport {
  connections: string[];
  repairVersion: number;
  legacyUsers: number;
  tenantUsers: number;
  categories: Record<Category, CategoryTally>;
  /** The users of `missing_metadata`, by what they lack. */
  missingParts: Record<MissingPart, number>;
  verdict: Verdict;
}

export class Tallies {
  readonly categories = Object.fromEntries(
    CATEGORIES.map((category) => [category, { count: 0, examples: [] }]),
  ) as unknown as Record<Category, CategoryTally>;

  readonly missingParts = Object.fromEntries(MISSING_PARTS.map((part) => [part, 0])) as Record<MissingPart, number>;

  constructor(private readonly examples: number) {}

  add(category: Category, id: string): void {
    const tally = this.categories[category];
    tally.count++;
    if (tally.examples.length < this.examples) tally.examples.push(id);
  }

  addMissing(part: MissingPart, id: string): void {
    this.add("missing_metadata", id);
    this.missingParts[part]++;
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The store can go once every legacy user it lists is in Auth0 (and it listed some) and no
 * migrated user still depends on it for metadata; then Auth0's guide has the connection's
 * scripts replaced by no-ops.
 */
export function verdictFor(categories: Record<Category, CategoryTally>, legacyUsers: number): Verdict {
  const blockers: string[] = [];
  // "Every legacy user is in Auth0" proves nothing of a list that held nobody: a wrong URL or
  // filter would otherwise let finish switch off a store whose users have not migrated.
  if (legacyUsers === 0) {
    blockers.push(
      "the legacy store listed no user, which proves nothing (check LEGACY_API_LIST_URL; if the store really is empty, finish --force says so)",
    );
  }
  const { not_migrated, missing_metadata, unrepairable } = categories;
  if (not_migrated.count > 0) {
    blockers.push(
      `${plural(not_migrated.count, "legacy user has", "legacy users have")} not migrated (bulk-import them or wait for their first login)`,
    );
  }
  if (missing_metadata.count > 0) {
    blockers.push(
      `${plural(missing_metadata.count, "migrated user still misses", "migrated users still miss")} metadata (run backfill)`,
    );
  }
  if (unrepairable.count > 0) {
    blockers.push(
      `${plural(unrepairable.count, "user cannot", "users cannot")} log in until their profile is fixed (metadata that is not an object: fix by hand, then run backfill)`,
    );
  }
  if (blockers.length > 0) return { canSwitchOff: false, summary: `NOT YET: ${blockers.join("; ")}.` };
  return {
    canSwitchOff: true,
    summary:
      "YES: every legacy user is in Auth0 and none is missing metadata; replace the connection's login and get_user scripts with no-ops, then switch the legacy store off.",
  };
}
