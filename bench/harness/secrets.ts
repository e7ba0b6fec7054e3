/** The secrets every variant gets: the same store, connection and auth, so the cases compare like with like. */
import type { SampleStore } from "../../src/local/sample-store/server";
import { storeSecrets } from "../../src/local/sample-store/store-secrets";

export function secretsFor(store: SampleStore, timeoutMs?: number): Record<string, string> {
  const secrets = storeSecrets(store);
  if (timeoutMs !== undefined) secrets.LEGACY_API_TIMEOUT_MS = String(timeoutMs);
  return secrets;
}

/** The URL the Action fetches for one legacy id, for the bare-fetch reference. */
export function recordUrlFor(store: SampleStore, legacyId: string): string {
  return store.recordUrl("legacy_id").replace("{legacy_id}", encodeURIComponent(legacyId));
}
