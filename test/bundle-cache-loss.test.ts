/**
 * The built Action with a cache that never keeps anything from one login to the next
 * (the runtime's "none" model: two instances taking logins in turn, nothing carried but
 * each instance's module state). Auth0 may behave like this at any time, so the Action
 * must stay within its budgets and never be wrong with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS } from "../src/action/legacy-client";
import { MARKER_KEY } from "../src/action/metadata-rules";
import type { FlowResult } from "../src/local/runtime/flow-result";
import { type FaultServer, json, startFaultServer } from "./support/fault-server";
import { builtBundle, bundleRuntime, logOf, migratedUser } from "./support/local-bundle";

let store: FaultServer;
let idp: FaultServer;
let tokenRequests = 0;
beforeAll(async () => {
  [store, idp] = await Promise.all([startFaultServer(), startFaultServer(), builtBundle()]);
  idp.behave = (_req, res) => {
    tokenRequests++;
    setTimeout(() => json(res, 200, { access_token: "tok", expires_in: 3600 }), 20);
  };
});
afterAll(async () => {
  await Promise.all([store.close(), idp.close()]);
});

/** `budgetMs`: generous where the budget is not what is tested, so a loaded machine cannot time a login out. */
const forgetful = (budgetMs: number) =>
  bundleRuntime(
    {
      LEGACY_API_URL: `${store.url}/users/{legacy_id}`,
      MIGRATION_CONNECTIONS: "legacy-db",
      LEGACY_API_TIMEOUT_MS: String(budgetMs),
      LEGACY_OAUTH_TOKEN_URL: `${idp.url}/oauth/token`,
      LEGACY_OAUTH_CLIENT_ID: "c",
      LEGACY_OAUTH_CLIENT_SECRET: "s",
    },
    { cache: "none" },
  );

/** Each user's record names its owner, so a record given to the wrong login shows. */
function serveOwnRecords() {
  store.behave = (req, res) => {
    const id = req.url?.split("/").pop() ?? "";
    setTimeout(() => json(res, 200, { user_metadata: { owner: id, locale: "en" }, app_metadata: { plan: id } }), 10);
  };
}

const ids = Array.from({ length: 40 }, (_, i) => String(7000 + i));
const calls = () => store.requests.length;
const outcomes = (results: FlowResult[]) => results.map((result) => logOf(result)?.outcome);

describe("with a cache that never keeps anything", () => {
  it("asks for at most one OAuth token per instance and one legacy call per login, and is never wrong", async () => {
    serveOwnRecords();
    tokenRequests = 0;
    const runtime = await forgetful(5000);
    const before = calls();
    // Half sequential, half overlapping; every other user already holds a locale in Auth0.
    const userFor = (id: string, i: number) => migratedUser(id, i % 2 ? { user_metadata: { locale: "fr" } } : {});
    const results: FlowResult[] = [];
    for (const [i, id] of ids.slice(0, 20).entries()) results.push(await runtime.execute({ user: userFor(id, i) }));
    results.push(...(await Promise.all(ids.slice(20).map((id, i) => runtime.execute({ user: userFor(id, i + 20) })))));

    expect(tokenRequests).toBeLessThanOrEqual(runtime.instanceCount);
    expect(calls() - before).toBe(ids.length);
    results.forEach((result, i) => {
      const id = ids[i] ?? "";
      expect(result.status).toBe("completed");
      expect(logOf(result)).toMatchObject({ outcome: "repaired", attempts: "1" });
      expect(result.logs.every((log) => log.full.length <= 256)).toBe(true);
      expect(result.user.user_metadata).toEqual({ owner: id, locale: i % 2 ? "fr" : "en" });
      expect(result.user.app_metadata).toMatchObject({ plan: id, [MARKER_KEY]: { status: "repaired" } });
    });
  });

  it("during an outage, waits out the budget once per instance at most, then skips; writes nothing", async () => {
    store.behave = (_req, res) => json(res, 503, {});
    tokenRequests = 0;
    const runtime = await forgetful(500);
    const before = calls();
    const results: FlowResult[] = [];
    for (const id of ids.slice(0, 12)) results.push(await runtime.execute({ user: migratedUser(id) }));

    const failed = results.filter((result) => logOf(result)?.outcome === "legacy_error");
    expect(failed).toHaveLength(runtime.instanceCount);
    expect(outcomes(results.slice(runtime.instanceCount))).toEqual(
      Array(12 - runtime.instanceCount).fill("legacy_down"),
    );
    const attempts = failed.reduce((sum, result) => sum + Number(logOf(result)?.attempts), 0);
    expect(calls() - before).toBe(attempts);
    expect(attempts).toBeLessThanOrEqual(runtime.instanceCount * MAX_ATTEMPTS);
    for (const result of results) {
      expect([result.status, result.writes]).toEqual(["completed", []]);
      expect(result.user.app_metadata).toEqual({});
    }
  });
});
