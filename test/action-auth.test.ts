import { delay, HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BASE_SECRETS, loginEvent, migratedUser, recordingApi } from "./support/fake-api";
import { legacyMock, recordRoute } from "./support/legacy-mock";
import { freshHandler, logFields, runLogin } from "./support/run-handler";

const legacy = legacyMock();
let handler: Awaited<ReturnType<typeof freshHandler>>;
beforeEach(async () => {
  handler = await freshHandler();
  legacy.use(recordRoute(() => HttpResponse.json({ user_metadata: { plan: "gold" } })));
});
afterEach(() => {
  vi.useRealTimers();
});

const NO_AUTH = { ...BASE_SECRETS, LEGACY_API_TOKEN: "" };
const TOKEN_URL = "https://idp.example.test/oauth/token";
const OAUTH = {
  ...NO_AUTH,
  LEGACY_OAUTH_TOKEN_URL: TOKEN_URL,
  LEGACY_OAUTH_CLIENT_ID: "client-1",
  LEGACY_OAUTH_CLIENT_SECRET: "client-secret-1",
  LEGACY_OAUTH_AUDIENCE: "https://legacy.example.test/",
};

async function headerSent(secrets: Record<string, string>, name: string) {
  await runLogin(handler, loginEvent(migratedUser(), secrets));
  return legacy.recordCalls()[0]?.headers.get(name);
}

describe("static credentials", () => {
  it("sends a bearer token", async () => {
    expect(await headerSent(BASE_SECRETS, "authorization")).toBe("Bearer test-token");
  });

  it("sends HTTP Basic, UTF-8 encoded", async () => {
    const sent = await headerSent({ ...NO_AUTH, LEGACY_API_BASIC_AUTH: "svc:pässword:x" }, "authorization");
    expect(sent).toBe(`Basic ${Buffer.from("svc:pässword:x", "utf8").toString("base64")}`);
  });

  it("sends a custom header and no Authorization", async () => {
    const secrets = { ...NO_AUTH, LEGACY_API_KEY_HEADER: "X-Api-Key", LEGACY_API_KEY: "key-123" };
    expect(await headerSent(secrets, "x-api-key")).toBe("key-123");
    expect(legacy.recordCalls()[0]?.headers.get("authorization")).toBeNull();
  });
});

describe("OAuth2 client credentials", () => {
  let issued = 0;
  const tokenRoute = (expiresIn = 3600) =>
    http.post(TOKEN_URL, () => {
      issued++;
      return HttpResponse.json({ access_token: `tok-${issued}`, token_type: "Bearer", expires_in: expiresIn });
    });
  const tokenCalls = () => legacy.seen.filter((r) => r.url.href === TOKEN_URL);
  beforeEach(() => {
    issued = 0;
  });

  it("requests a token with the configured client and uses it", async () => {
    legacy.use(tokenRoute());
    const run = await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(logFields(run.logs[0]).outcome).toBe("repaired");
    const [call] = tokenCalls();
    expect(call?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(call?.body))).toEqual({
      grant_type: "client_credentials",
      client_id: "client-1",
      client_secret: "client-secret-1",
      audience: "https://legacy.example.test/",
    });
    expect(legacy.recordCalls()[0]?.headers.get("authorization")).toBe("Bearer tok-1");
  });

  it("keeps the token for later logins, in module state and in api.cache", async () => {
    legacy.use(tokenRoute());
    const cache = new Map();
    await runLogin(handler, loginEvent(migratedUser(), OAUTH), cache);
    await runLogin(handler, loginEvent(migratedUser(), OAUTH), cache);
    expect(tokenCalls()).toHaveLength(1);
    expect([...cache.keys()].filter((key) => key.startsWith("rmm:oauth:"))).toHaveLength(1);

    const otherInstance = await freshHandler();
    await runLogin(otherInstance, loginEvent(migratedUser(), OAUTH), cache);
    expect(tokenCalls()).toHaveLength(1);
    expect(legacy.recordCalls().map((r) => r.headers.get("authorization"))).toEqual(Array(3).fill("Bearer tok-1"));
  });

  it("asks once when many logins need a token at the same time", async () => {
    legacy.use(tokenRoute());
    const logs: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => logs.push(line));
    const logins = Array.from({ length: 20 }, () => handler(loginEvent(migratedUser(), OAUTH), recordingApi().api));
    await Promise.all(logins);
    expect(tokenCalls()).toHaveLength(1);
    expect(logs.map((line) => logFields(line).outcome)).toEqual(Array(20).fill("repaired"));
  });

  it("refreshes the token before it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    legacy.use(tokenRoute(120));
    await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    vi.setSystemTime(Date.now() + 50_000);
    await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(tokenCalls()).toHaveLength(1);
    vi.setSystemTime(Date.now() + 15_000);
    await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(tokenCalls()).toHaveLength(2);
    expect(legacy.recordCalls().at(-1)?.headers.get("authorization")).toBe("Bearer tok-2");
  });

  it("replaces a cached token the API refuses, once", async () => {
    legacy.use(tokenRoute());
    await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    legacy.use(
      recordRoute(({ request }) =>
        request.headers.get("authorization") === "Bearer tok-1"
          ? new HttpResponse(null, { status: 401 })
          : HttpResponse.json({ user_metadata: { plan: "gold" } }),
      ),
    );
    const run = await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "repaired", attempts: "2" });
    expect(tokenCalls()).toHaveLength(2);
  });

  it("reports a 401 with a fresh token as an invalid response, not an outage", async () => {
    legacy.use(
      tokenRoute(),
      recordRoute(() => new HttpResponse(null, { status: 401 })),
    );
    const run = await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "invalid_response", reason: "status_401", attempts: "1" });
  });

  it("reports token endpoint failures with their cause", async () => {
    legacy.use(http.post(TOKEN_URL, () => HttpResponse.json({ error: "invalid_client" }, { status: 401 })));
    const refused = await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(logFields(refused.logs[0])).toMatchObject({ outcome: "invalid_response", reason: "oauth_status_401" });
    expect(legacy.recordCalls()).toEqual([]);

    handler = await freshHandler();
    legacy.use(http.post(TOKEN_URL, () => HttpResponse.json({ token: "wrong-shape" })));
    const malformed = await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(logFields(malformed.logs[0])).toMatchObject({ reason: "oauth_invalid_response" });

    handler = await freshHandler();
    legacy.use(http.post(TOKEN_URL, () => new HttpResponse(null, { status: 503 })));
    const down = await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(logFields(down.logs[0])).toMatchObject({ outcome: "legacy_error", reason: "oauth_status_503" });
  });

  it("a login that joins another's token request is bounded by its own deadline, not the first login's", async () => {
    legacy.use(
      http.post(TOKEN_URL, async () => {
        await delay(600);
        issued++;
        return HttpResponse.json({ access_token: `tok-${issued}`, expires_in: 3600 });
      }),
    );
    const logs: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => logs.push(line));
    const shortBudget = handler(
      loginEvent(migratedUser(), { ...OAUTH, LEGACY_API_TIMEOUT_MS: "200" }),
      recordingApi().api,
    );
    await delay(50);
    const longBudget = handler(
      loginEvent(migratedUser(), { ...OAUTH, LEGACY_API_TIMEOUT_MS: "5000" }),
      recordingApi().api,
    );
    await Promise.all([shortBudget, longBudget]);
    // The short budget ends first, waiting on the token endpoint (oauth_timeout); the login that joined its request waits for the token.
    expect(logs.map((line) => logFields(line))).toMatchObject([
      { outcome: "legacy_error", reason: "oauth_timeout" },
      { outcome: "repaired", attempts: "1" },
    ]);
    expect(tokenCalls()).toHaveLength(1);
    expect(legacy.recordCalls().map((r) => r.headers.get("authorization"))).toEqual(["Bearer tok-1"]);
  });

  it("a token endpoint slower than every login's budget still serves the logins after it answers", async () => {
    let answered: () => void = () => undefined;
    const answer = new Promise<void>((resolve) => {
      answered = resolve;
    });
    legacy.use(
      http.post(TOKEN_URL, async () => {
        await delay(500);
        issued++;
        setTimeout(answered, 50);
        return HttpResponse.json({ access_token: `tok-${issued}`, expires_in: 3600 });
      }),
    );
    const budget = { ...OAUTH, LEGACY_API_TIMEOUT_MS: "200" };
    const early = await runLogin(handler, loginEvent(migratedUser(), budget));
    expect(logFields(early.logs[0])).toMatchObject({ outcome: "legacy_error", reason: "oauth_timeout" });
    await answer;
    // Past the outage memory the timeout left (30 s): the token the slow request brought is kept.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 31_000);
    const later = await runLogin(handler, loginEvent(migratedUser(), budget));
    expect(logFields(later.logs[0])).toMatchObject({ outcome: "repaired" });
    expect(tokenCalls()).toHaveLength(1);
  });

  it("a late 401 for an old token forgets only that token: one rotation, one new token for 40 logins", async () => {
    const cache = new Map();
    legacy.use(tokenRoute());
    await runLogin(handler, loginEvent(migratedUser(), OAUTH), cache);
    expect(tokenCalls()).toHaveLength(1);

    // The API rotates: tok-1 is refused from now on, each refusal arriving a little later than the last.
    let refusals = 0;
    legacy.use(
      http.post(TOKEN_URL, async () => {
        await delay(20);
        issued++;
        return HttpResponse.json({ access_token: `tok-${issued}`, expires_in: 3600 });
      }),
      recordRoute(async ({ request }) => {
        if (request.headers.get("authorization") !== "Bearer tok-1") return HttpResponse.json({ user_metadata: {} });
        await delay(5 * ++refusals);
        return new HttpResponse(null, { status: 401 });
      }),
    );
    const logs: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => logs.push(line));
    const logins = Array.from({ length: 40 }, () =>
      handler(loginEvent(migratedUser(), OAUTH), recordingApi(cache).api),
    );
    await Promise.all(logins);
    expect(refusals).toBe(40);
    expect(tokenCalls()).toHaveLength(2);
    expect(logs.map((line) => logFields(line).outcome)).toEqual(Array(40).fill("repaired"));
    expect([...cache.values()].map((entry) => entry.value)).toContain("tok-2");
  });

  it("never logs the client secret or the token", async () => {
    legacy.use(tokenRoute());
    const run = await runLogin(handler, loginEvent(migratedUser(), OAUTH));
    expect(run.logs.join("\n")).not.toMatch(/client-secret-1|tok-1/);
  });
});
