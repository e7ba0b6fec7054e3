/**
 * Auth0 reuses an instance's module state across executions, and runs them overlapped.
 * These run hundreds of executions at once in one loaded bundle (the runtime's reliable
 * model: one instance, a cache that keeps its entries).
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostLoginApi, PostLoginEvent } from "../src/action/types";
import { BUNDLE } from "../src/shared/build-config";
import { migratedUser as actionUser, loginEvent, recordingApi } from "./support/fake-api";
import { type FaultServer, json, startFaultServer } from "./support/fault-server";
import { builtBundle, bundleRuntime, logOf, migratedUser } from "./support/local-bundle";

let store: FaultServer;
let idp: FaultServer;
beforeAll(async () => {
  [store, idp] = await Promise.all([startFaultServer(), startFaultServer(), builtBundle()]);
});
afterAll(async () => {
  await Promise.all([store.close(), idp.close()]);
});

const OVERLAPPING = 200;
const ids = Array.from({ length: OVERLAPPING }, (_, i) => String(5000 + i));
const base = () => ({
  LEGACY_API_URL: `${store.url}/users/{legacy_id}`,
  MIGRATION_CONNECTIONS: "legacy-db",
  LEGACY_API_TIMEOUT_MS: "8000",
});

/** Each user's record names its owner, so a record given to the wrong login shows. */
function serveOwnRecords(delayMs = 20) {
  store.behave = (req, res) => {
    const id = req.url?.split("/").pop() ?? "";
    setTimeout(() => json(res, 200, { user_metadata: { owner: id }, app_metadata: { owner_app: id } }), delayMs);
  };
}

describe("200 overlapping executions in one instance", () => {
  it("ask for one OAuth token in all, and each user gets their own record", async () => {
    let tokenRequests = 0;
    idp.behave = (_req, res) => {
      tokenRequests++;
      setTimeout(() => json(res, 200, { access_token: "tok", expires_in: 3600 }), 50);
    };
    serveOwnRecords();
    const runtime = await bundleRuntime(
      {
        ...base(),
        LEGACY_OAUTH_TOKEN_URL: `${idp.url}/oauth/token`,
        LEGACY_OAUTH_CLIENT_ID: "c",
        LEGACY_OAUTH_CLIENT_SECRET: "s",
      },
      { cache: "reliable" },
    );
    const results = await Promise.all(ids.map((id) => runtime.execute({ user: migratedUser(id) })));
    expect(tokenRequests).toBe(1);
    results.forEach((result, i) => {
      expect(logOf(result)).toMatchObject({ outcome: "repaired" });
      expect(result.user.user_metadata).toEqual({ owner: ids[i] });
      expect(result.user.app_metadata).toMatchObject({ owner_app: ids[i] });
    });
  });

  it("share the outage memory: once the store failed, the rest make no call", async () => {
    store.behave = (_req, res) => setTimeout(() => json(res, 503, {}), 20);
    const runtime = await bundleRuntime(
      { ...base(), LEGACY_API_TOKEN: "t", LEGACY_API_TIMEOUT_MS: "500" },
      { cache: "reliable" },
    );
    const first = await Promise.all(ids.slice(0, 5).map((id) => runtime.execute({ user: migratedUser(id) })));
    expect(first.every((result) => logOf(result)?.outcome === "legacy_error")).toBe(true);
    expect(runtime.cache.keys().filter((key) => key.startsWith("rmm:down:"))).toHaveLength(1);

    const before = store.requests.length;
    const rest = await Promise.all(ids.map((id) => runtime.execute({ user: migratedUser(id) })));
    expect(store.requests.length).toBe(before);
    expect(rest.every((result) => logOf(result)?.outcome === "legacy_down")).toBe(true);
    expect(rest.every((result) => result.status === "completed" && result.writes.length === 0)).toBe(true);
  });
});

describe("one loaded bundle across changing secrets", () => {
  type Handler = (event: PostLoginEvent, api: PostLoginApi) => Promise<void>;
  const load = createRequire(import.meta.url);

  it("applies new secrets on the next execution, with no leftover from the old ones", async () => {
    const { onExecutePostLogin: handler } = load(BUNDLE) as { onExecutePostLogin: Handler };
    serveOwnRecords(0);
    const original = console.log;
    const logs: string[] = [];
    console.log = (line: string) => logs.push(line);
    try {
      const first = recordingApi();
      await handler(loginEvent(actionUser(), { ...base(), LEGACY_API_TOKEN: "old-token" }), first.api);
      const second = recordingApi();
      const changed = { ...base(), LEGACY_API_KEY_HEADER: "X-Api-Key", LEGACY_API_KEY: "new-key" };
      await handler(loginEvent(actionUser(), changed), second.api);
      const broken = recordingApi();
      await handler(loginEvent(actionUser(), { ...changed, LEGACY_API_TIMEOUT_MS: "1" }), broken.api);
    } finally {
      console.log = original;
    }
    const [oldCall, newCall] = store.requests.slice(-2);
    expect(oldCall?.headers.authorization).toBe("Bearer old-token");
    expect(newCall?.headers.authorization).toBeUndefined();
    expect(newCall?.headers["x-api-key"]).toBe("new-key");
    expect(logs[2]).toContain("outcome=config_error");
  });
});
