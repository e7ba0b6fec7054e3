/**
 * The Action's secrets that point at a sample store: the demo, `npm run sample-store`
 * and the tests all configure the Action for it from here, for the records with metadata
 * objects or for the flat ones read through maps.
 */
import type { SampleStore } from "./server";

/** The custom database connection the sample store's users were migrated through. */
export const SAMPLE_CONNECTION = "legacy-db";

export function storeSecrets(store: SampleStore): Record<string, string> {
  return {
    LEGACY_API_URL: store.recordUrl("legacy_id"),
    MIGRATION_CONNECTIONS: SAMPLE_CONNECTION,
    LEGACY_API_TOKEN: store.token,
  };
}

/** Maps from the store's flat records into metadata: names, a nested value, an array and one of its elements. */
export const SAMPLE_METADATA_MAPS = {
  LEGACY_USER_METADATA_MAP: JSON.stringify({
    given_name: "first_name",
    family_name: "last_name",
    locale: "profile.locale",
    timezone: "profile.timezone",
    newsletter: "profile.newsletter",
  }),
  LEGACY_APP_METADATA_MAP: JSON.stringify({
    plan: "subscription.plan",
    seats: "subscription.seats",
    roles: "roles",
    primary_role: "roles.0",
  }),
};

export function mappedStoreSecrets(store: SampleStore): Record<string, string> {
  return { ...storeSecrets(store), LEGACY_API_URL: store.flatRecordUrl(), ...SAMPLE_METADATA_MAPS };
}
