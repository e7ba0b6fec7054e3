/** The variables a tools test runs with: the sample store and the mocked tenant. */
import type { SampleStore } from "../../src/local/sample-store/server";
import { TENANT_DOMAIN } from "./tools-tenant";

export const NO_ENV_FILE = "/nonexistent/tools-test.env";

export function toolsEnv(store: SampleStore, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AUTH0_DOMAIN: TENANT_DOMAIN,
    AUTH0_ACCESS_TOKEN: "test-management-token",
    LEGACY_API_URL: store.recordUrl("legacy_id"),
    LEGACY_API_LIST_URL: `${store.origin}/users?limit=5`,
    LEGACY_API_TOKEN: store.token,
    MIGRATION_CONNECTIONS: "legacy-db",
    REQUIRED_USER_METADATA_KEYS: "locale,timezone",
    REQUIRED_APP_METADATA_KEYS: "plan",
    LEGACY_API_TIMEOUT_MS: "2000",
    ...extra,
  };
}
