/** What a tools test runs against: the sample store, the mocked tenant, and the variables naming both. */
import { fileURLToPath } from "node:url";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type SampleStore, startSampleStore } from "../../src/local/sample-store/server";
import { sampleStoreSecrets } from "./local-bundle";
import { TENANT_DOMAIN } from "./tools-tenant";

/** A variables file with nothing in it, so that a developer's own .env never reaches a test. */
export const EMPTY_DOTENV = fileURLToPath(new URL("./empty.env", import.meta.url));

/**
 * The msw server (for the tenant's handlers, reset after each test) and the sample store
 * (its faults healed after each test), for one test file.
 */
export function toolsServers() {
  const server = setupServer();
  let store: SampleStore | undefined;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: "error" });
    store = await startSampleStore();
  });
  afterEach(() => {
    server.resetHandlers();
    store?.heal();
  });
  afterAll(async () => {
    server.close();
    await store?.close();
  });
  return {
    server,
    get store(): SampleStore {
      if (store === undefined) throw new Error("the sample store starts in beforeAll");
      return store;
    },
  };
}

export function toolsEnv(store: SampleStore, extra: Record<string, string> = {}): Record<string, string> {
  return sampleStoreSecrets(store, {
    AUTH0_DOMAIN: TENANT_DOMAIN,
    AUTH0_ACCESS_TOKEN: "test-management-token",
    LEGACY_API_LIST_URL: `${store.origin}/users?limit=5`,
    REQUIRED_USER_METADATA_KEYS: "locale,timezone",
    REQUIRED_APP_METADATA_KEYS: "plan",
    LEGACY_API_TIMEOUT_MS: "2000",
    ...extra,
  });
}
