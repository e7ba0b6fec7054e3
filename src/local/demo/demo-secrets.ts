/** The Action's configuration for the demo: the sample store, a bearer token, required keys. */
import type { SampleStore } from "../sample-store/server";
import { mappedStoreSecrets, storeSecrets } from "../sample-store/store-secrets";

export function demoSecrets(store: SampleStore): Record<string, string> {
  return {
    ...storeSecrets(store),
    REQUIRED_USER_METADATA_KEYS: "locale,timezone",
    REQUIRED_APP_METADATA_KEYS: "plan",
    LEGACY_API_TIMEOUT_MS: "2000",
  };
}

/** The configuration of the login repaired through maps: the store's flat route and the sample maps. */
export function mappedDemoSecrets(store: SampleStore): Record<string, string> {
  return { ...mappedStoreSecrets(store), LEGACY_API_TIMEOUT_MS: "2000" };
}

/** Shown at the start of the demo; the token is a secret and is never printed. */
export function describeSecrets(secrets: Record<string, string>): string[] {
  return Object.entries(secrets).map(
    ([name, value]) => `  ${name}=${name.endsWith("TOKEN") ? "(random, per run)" : value}`,
  );
}
