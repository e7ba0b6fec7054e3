/**
 * The bundle's OAuth client-credentials path through the local runtime, with msw as
 * the legacy API: the runtime's `fetch` is the global one, looked up at call time, so
 * msw sees every request the Action makes, and its module state and `api.cache` live
 * as long as the instance.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { builtBundle, bundleRuntime, logOf, migratedUser } from "./support/local-bundle";

const BASE = "https://legacy.example.test";
const seen: string[] = [];
const server = setupServer(
  http.post(`${BASE}/oauth/token`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    seen.push(`token ${form.get("grant_type")} ${form.get("client_id")}`);
    return HttpResponse.json({ access_token: "issued-token", expires_in: 3600 });
  }),
  http.get(`${BASE}/users/:id`, ({ request, params }) => {
    seen.push(`record ${String(params.id)} ${request.headers.get("authorization")}`);
    return HttpResponse.json({ user_metadata: { locale: "en" }, app_metadata: { plan: "pro" } });
  }),
);

beforeAll(async () => {
  await builtBundle();
  server.listen({ onUnhandledRequest: "error" });
}, 60_000);
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const secrets = {
  LEGACY_API_URL: `${BASE}/users/{legacy_id}`,
  MIGRATION_CONNECTIONS: "legacy-db",
  LEGACY_OAUTH_TOKEN_URL: `${BASE}/oauth/token`,
  LEGACY_OAUTH_CLIENT_ID: "client-1",
  LEGACY_OAUTH_CLIENT_SECRET: "client-secret",
};

it("asks for a token once per instance and reuses it on later logins", async () => {
  const runtime = await bundleRuntime(secrets);
  const first = await runtime.execute({ user: migratedUser("1") });
  const second = await runtime.execute({ user: migratedUser("2") });
  expect([logOf(first)?.outcome, logOf(second)?.outcome]).toEqual(["repaired", "repaired"]);
  expect(seen).toEqual([
    "token client_credentials client-1",
    "record 1 Bearer issued-token",
    "record 2 Bearer issued-token",
  ]);
  expect(runtime.cache.keys().filter((key) => key.startsWith("rmm:oauth:"))).toHaveLength(1);
  expect(runtime.cache.keys().find((key) => key.startsWith("rmm:oauth:"))?.length).toBeLessThanOrEqual(64);
});

it("starts a new instance with nothing remembered", async () => {
  await (await bundleRuntime(secrets)).execute({ user: migratedUser("3") });
  expect(seen[0]).toBe("token client_credentials client-1");
});
