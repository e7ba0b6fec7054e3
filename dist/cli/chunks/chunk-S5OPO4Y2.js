// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.

// src/tools/verify/migration-report.ts
var CATEGORIES = [
  "not_migrated",
  "missing_metadata",
  "unrepairable",
  "repaired",
  "unknown_to_store",
  "not_listed",
  "complete"
];
var CATEGORY_LABELS = {
  not_migrated: "legacy users not yet migrated",
  missing_metadata: "migrated users still missing metadata",
  unrepairable: "cannot log in until their profile is fixed",
  repaired: "repaired (marker: repaired)",
  unknown_to_store: "unknown to the store (marker: not_found)",
  not_listed: "tenant users the store does not list",
  complete: "complete without repair"
};
var STATE_CATEGORY = {
  needs_repair: "missing_metadata",
  unrepairable: "unrepairable",
  repaired: "repaired",
  unknown_to_store: "unknown_to_store",
  complete: "complete"
};
var MISSING_PARTS = ["user_metadata_only", "app_metadata_only", "both"];
var MISSING_PART_LABELS = {
  user_metadata_only: "user_metadata only",
  app_metadata_only: "app_metadata only",
  both: "both"
};
var Tallies = class {
  constructor(examples) {
    this.examples = examples;
  }
  examples;
  categories = Object.fromEntries(
    CATEGORIES.map((category) => [category, { count: 0, examples: [] }])
  );
  missingParts = Object.fromEntries(MISSING_PARTS.map((part) => [part, 0]));
  add(category, id) {
    const tally = this.categories[category];
    tally.count++;
    if (tally.examples.length < this.examples) tally.examples.push(id);
  }
  addMissing(part, id) {
    this.add("missing_metadata", id);
    this.missingParts[part]++;
  }
};
var plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
function verdictFor(categories, legacyUsers) {
  const blockers = [];
  if (legacyUsers === 0) {
    blockers.push(
      "the legacy store listed no user, which proves nothing (check LEGACY_API_LIST_URL; if the store really is empty, finish --force says so)"
    );
  }
  const { not_migrated, missing_metadata, unrepairable } = categories;
  if (not_migrated.count > 0) {
    blockers.push(
      `${plural(not_migrated.count, "legacy user has", "legacy users have")} not migrated (bulk-import them or wait for their first login)`
    );
  }
  if (missing_metadata.count > 0) {
    blockers.push(
      `${plural(missing_metadata.count, "migrated user still misses", "migrated users still miss")} metadata (run backfill)`
    );
  }
  if (unrepairable.count > 0) {
    blockers.push(
      `${plural(unrepairable.count, "user cannot", "users cannot")} log in until their profile is fixed (metadata that is not an object: fix by hand, then run backfill)`
    );
  }
  if (blockers.length > 0) return { canSwitchOff: false, summary: `NOT YET: ${blockers.join("; ")}.` };
  return {
    canSwitchOff: true,
    summary: "YES: every legacy user is in Auth0 and none is missing metadata; replace the connection's login and get_user scripts with no-ops, then switch the legacy store off."
  };
}

export {
  CATEGORIES,
  CATEGORY_LABELS,
  STATE_CATEGORY,
  MISSING_PARTS,
  MISSING_PART_LABELS,
  Tallies,
  verdictFor
};
