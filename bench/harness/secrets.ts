/** The secrets every variant gets: the same store, connection and auth, so the cases compare like with like. */
import type { SampleStore } from "../../src/local/sample-store/server";
import { MIGRATION_CONNECTION } from "./logins";

export function secretsFor(store: SampleStore, timeoutMs?: number): Record<string, string> {
  const secrets: Record<string, string> = {
    LEGACY_API_URL: store.recordUrl("legacy_id"),
    MIGRATION_CONNECTIONS: MIGRATION_CONNECTION,
    LEGACY_API_TOKEN: store.token,
  };
  if (timeoutMs !== undefined) secrets.LEGACY_API_TIMEOUT_MS = String(timeoutMs);
  return secrets;
}

/** The URL the Action fetches for one legacy id, for the bare-fetch reference. */
export function recordUrlFor(store: SampleStore, legacyId: string): string {
  return store.recordUrl("legacy_id").replace("{legacy_id}", encodeURIComponent(legacyId));
}
