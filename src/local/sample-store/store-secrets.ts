/**
 * The Action's secrets that point at a sample store: the demo, `npm run sample-store`
 * and the tests all configure the Action for it from here.
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
