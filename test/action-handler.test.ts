import { delay, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PostLoginApi } from "../src/action/types";
import { BASE_SECRETS, loginEvent, migratedUser, recordingApi } from "./support/fake-api";
import { legacyMock, recordRoute } from "./support/legacy-mock";
import { freshHandler, logFields, runLogin } from "./support/run-handler";

const legacy = legacyMock();
let handler: Awaited<ReturnType<typeof freshHandler>>;
beforeEach(async () => {
  handler = await freshHandler();
});
afterEach(() => {
  vi.useRealTimers();
});

const RECORD = { user_metadata: { plan: "gold", locale: "fr" }, app_metadata: { roles: ["editor"] } };
const secrets = (overrides: Record<string, string>) => ({ ...BASE_SECRETS, ...overrides });

describe("a login that needs repair", () => {
  it("writes the missing keys and a marker, and logs one line", async () => {
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    const run = await runLogin(handler);
    expect(run.userWrites).toEqual([
      ["locale", "fr"],
      ["plan", "gold"],
    ]);
    expect(run.appWrites.slice(0, 1)).toEqual([["roles", ["editor"]]]);
    const [markerKey, marker] = run.appWrites[1] ?? [];
    expect(markerKey).toBe("legacy_metadata_repair");
    expect(marker).toEqual({ v: 1, status: "repaired", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(run.logs).toHaveLength(1);
    expect(logFields(run.logs[0])).toMatchObject({
      outcome: "repaired",
      user_keys: "2",
      app_keys: "1",
      skipped_keys: "0",
      attempts: "1",
    });
    expect(run.denied).toEqual([]);
  });

  it("never overwrites what Auth0 already holds", async () => {
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    const user = migratedUser({
      user_metadata: { plan: "platinum" },
      app_metadata: { roles: [] },
    });
    const run = await runLogin(handler, loginEvent(user, secrets({ REQUIRED_USER_METADATA_KEYS: "plan,locale" })));
    expect(run.userWrites).toEqual([["locale", "fr"]]);
    expect(run.appWrites.map(([key]) => key)).toEqual(["legacy_metadata_repair"]);
  });

  it("sends the request the legacy API contract describes", async () => {
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    await runLogin(handler);
    const [call] = legacy.recordCalls();
    expect(call?.method).toBe("GET");
    expect(call?.url.href).toBe("https://legacy.example.test/users/1001");
    expect(call?.headers.get("accept")).toBe("application/json");
    expect(call?.headers.get("authorization")).toBe("Bearer test-token");
  });

  it("keeps a hostile username inside its path segment", async () => {
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    const event = loginEvent(
      migratedUser({ username: "../admin?x=1#" }),
      secrets({ LEGACY_API_URL: "https://legacy.example.test/users/{username}?full=1" }),
    );
    await runLogin(handler, event);
    const [call] = legacy.recordCalls();
    expect(call?.url.pathname).toBe("/users/..%2Fadmin%3Fx%3D1%23");
    expect([...(call?.url.searchParams.entries() ?? [])]).toEqual([["full", "1"]]);
  });

  it("marks a user the store does not know, and writes nothing else", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 404 })));
    const run = await runLogin(handler);
    expect(run.userWrites).toEqual([]);
    expect(run.appWrites).toEqual([["legacy_metadata_repair", expect.objectContaining({ v: 1, status: "not_found" })]]);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "not_found", attempts: "1" });
  });

  it("stamps the marker with REPAIR_VERSION", async () => {
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    const old = { legacy_metadata_repair: { v: 1, status: "repaired", at: "2025-01-01T00:00:00Z" } };
    const user = migratedUser({ user_metadata: {}, app_metadata: old });
    const run = await runLogin(handler, loginEvent(user, secrets({ REPAIR_VERSION: "2" })));
    expect(run.appWrites.at(-1)).toEqual(["legacy_metadata_repair", expect.objectContaining({ v: 2 })]);
  });

  it("counts skipped keys in the log", async () => {
    legacy.use(
      recordRoute(() =>
        HttpResponse.json({ user_metadata: { "a.b": 1, ok: 1 }, app_metadata: { blocked: true, tier: 2 } }),
      ),
    );
    const run = await runLogin(handler);
    expect(logFields(run.logs[0])).toMatchObject({ user_keys: "1", app_keys: "1", skipped_keys: "2" });
  });

  it("follows a redirect within the same origin only", async () => {
    legacy.use(
      recordRoute(({ params }) =>
        params.id === "1001"
          ? new HttpResponse(null, { status: 301, headers: { location: "/users/moved-1001" } })
          : HttpResponse.json(RECORD),
      ),
    );
    expect(logFields((await runLogin(handler)).logs[0]).outcome).toBe("repaired");

    legacy.use(
      recordRoute(
        () => new HttpResponse(null, { status: 302, headers: { location: "https://elsewhere.example.test/u" } }),
      ),
    );
    const run = await runLogin(handler);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "invalid_response", reason: "redirect_other_origin" });
    expect(legacy.seen.some((r) => r.url.hostname === "elsewhere.example.test")).toBe(false);
    expect(run.appWrites).toEqual([]);
  });
});

describe("logins that need nothing make no call and no log", () => {
  const marked = { legacy_metadata_repair: { v: 1, status: "repaired", at: "2026-01-01T00:00:00Z" } };
  it.each([
    [
      "another connection",
      loginEvent(migratedUser({ identities: [{ connection: "Username-Password-Authentication" }] })),
    ],
    [
      "a refresh-token exchange",
      loginEvent(migratedUser(), BASE_SECRETS, { transaction: { protocol: "oauth2-refresh-token" } }),
    ],
    ["a current marker", loginEvent(migratedUser({ app_metadata: marked }))],
    ["complete metadata", loginEvent(migratedUser({ user_metadata: { a: 1 }, app_metadata: { b: 2 } }))],
  ])("%s", async (_name, event) => {
    const run = await runLogin(handler, event);
    expect(legacy.seen).toEqual([]);
    expect(run.logs).toEqual([]);
    expect(run.userWrites).toEqual([]);
    expect(run.appWrites).toEqual([]);
  });
});

describe("failures", () => {
  it.each([500, 502, 503, 504, 429])(
    "retries %i while the budget allows, then gives up without a marker",
    async (status) => {
      legacy.use(recordRoute(() => new HttpResponse("busy", { status })));
      const run = await runLogin(handler);
      expect(legacy.recordCalls()).toHaveLength(4);
      expect(logFields(run.logs[0])).toMatchObject({
        outcome: "legacy_error",
        reason: `status_${status}`,
        status: String(status),
        attempts: "4",
      });
      expect(run.appWrites).toEqual([]);
      expect(run.userWrites).toEqual([]);
    },
  );

  it("succeeds on a retry after a transient failure", async () => {
    let calls = 0;
    legacy.use(
      recordRoute(() => (++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(RECORD))),
    );
    const run = await runLogin(handler);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "repaired", attempts: "2" });
  });

  it("retries a network error", async () => {
    let calls = 0;
    legacy.use(recordRoute(() => (++calls === 1 ? HttpResponse.error() : HttpResponse.json(RECORD))));
    const run = await runLogin(handler);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "repaired", attempts: "2" });
  });

  it("honours Retry-After when it fits the budget", async () => {
    let calls = 0;
    legacy.use(
      recordRoute(() =>
        ++calls === 1
          ? new HttpResponse(null, { status: 503, headers: { "retry-after": "1" } })
          : HttpResponse.json(RECORD),
      ),
    );
    const run = await runLogin(handler);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "repaired", attempts: "2" });
    expect(run.elapsedMs).toBeGreaterThanOrEqual(900);
  });

  it("does not wait for a Retry-After longer than the budget", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 429, headers: { "retry-after": "30" } })));
    const run = await runLogin(handler);
    expect(legacy.recordCalls()).toHaveLength(1);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "legacy_error", reason: "status_429", attempts: "1" });
    expect(run.elapsedMs).toBeLessThan(2000);
  });

  it.each([400, 401, 403, 405, 410, 422])("never retries %i and reports it as an invalid response", async (status) => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status })));
    const run = await runLogin(handler);
    expect(legacy.recordCalls()).toHaveLength(1);
    expect(logFields(run.logs[0])).toMatchObject({
      outcome: "invalid_response",
      reason: `status_${status}`,
      status: String(status),
    });
    expect(run.appWrites).toEqual([]);
  });

  it.each([
    ["an array", () => HttpResponse.json([RECORD]), "record_not_object"],
    ["null", () => HttpResponse.json(null), "record_not_object"],
    ["non-object metadata", () => HttpResponse.json({ user_metadata: "gold" }), "user_metadata_not_object"],
    ["HTML", () => HttpResponse.html("<html></html>"), "not_json"],
    ["broken JSON", () => new HttpResponse("{", { headers: { "content-type": "application/json" } }), "invalid_json"],
  ])("refuses %s without writing anything", async (_name, resolver, reason) => {
    legacy.use(recordRoute(resolver));
    const run = await runLogin(handler);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "invalid_response", reason });
    expect(run.userWrites).toEqual([]);
    expect(run.appWrites).toEqual([]);
  });

  it("stops reading a body past 256 KiB", async () => {
    const big = JSON.stringify({ user_metadata: { blob: "x".repeat(300 * 1024) } });
    legacy.use(recordRoute(() => new HttpResponse(big, { headers: { "content-type": "application/json" } })));
    expect(logFields((await runLogin(handler)).logs[0])).toMatchObject({ reason: "body_too_large" });

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    legacy.use(recordRoute(() => new HttpResponse(endless, { headers: { "content-type": "application/json" } })));
    const run = await runLogin(handler);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "invalid_response", reason: "body_too_large" });
    expect(pulled).toBeLessThan(10);
  });

  it("returns within the time budget when the store never answers", async () => {
    legacy.use(
      recordRoute(async () => {
        await delay("infinite");
        return HttpResponse.json(RECORD);
      }),
    );
    const run = await runLogin(handler, loginEvent(migratedUser(), secrets({ LEGACY_API_TIMEOUT_MS: "300" })));
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "legacy_error", reason: "timeout", attempts: "1" });
    expect(run.elapsedMs).toBeLessThan(300 + 1000);
  });
});

describe("outage memory", () => {
  it("lets later logins skip at once while the store is down, with one cache entry", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 503 })));
    const cache = new Map();
    const first = await runLogin(handler, loginEvent(), cache);
    expect(logFields(first.logs[0]).outcome).toBe("legacy_error");
    expect([...cache.keys()].filter((key) => key.startsWith("rmm:down:"))).toHaveLength(1);
    const callsAfterFirst = legacy.recordCalls().length;

    for (let i = 0; i < 5; i++) {
      const later = await runLogin(handler, loginEvent(), cache);
      expect(logFields(later.logs[0]).outcome).toBe("legacy_down");
    }
    expect(legacy.recordCalls()).toHaveLength(callsAfterFirst);
    expect([...cache.keys()].filter((key) => key.startsWith("rmm:down:"))).toHaveLength(1);
  });

  it("is shared through api.cache with another instance", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 502 })));
    const cache = new Map();
    await runLogin(handler, loginEvent(), cache);
    const otherInstance = await freshHandler();
    const run = await runLogin(otherInstance, loginEvent(), cache);
    expect(logFields(run.logs[0]).outcome).toBe("legacy_down");
  });

  it("is kept by an instance that found it in api.cache, after the entry is lost", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 503 })));
    const cache = new Map();
    await runLogin(handler, loginEvent(), cache);
    const otherInstance = await freshHandler();
    await runLogin(otherInstance, loginEvent(), cache);
    const calls = legacy.recordCalls().length;
    // Auth0's cache is best effort: the next login of that instance may find nothing there.
    const later = await runLogin(otherInstance, loginEvent(), new Map());
    expect(logFields(later.logs[0]).outcome).toBe("legacy_down");
    expect(legacy.recordCalls()).toHaveLength(calls);
  });

  it("copies from api.cache no longer than it would remember an outage itself", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 503 })));
    const cache = new Map();
    await runLogin(handler, loginEvent(), cache);
    // The entry as another instance (or an older version) might have left it: for a day.
    const [downKey] = [...cache.keys()].filter((key) => key.startsWith("rmm:down:"));
    cache.set(downKey, { value: "1", expires_at: Date.now() + 24 * 3600_000 });
    const otherInstance = await freshHandler();
    const found = await runLogin(otherInstance, loginEvent(), cache);
    expect(logFields(found.logs[0]).outcome).toBe("legacy_down");
    vi.setSystemTime(Date.now() + 121_000);
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    const after = await runLogin(otherInstance, loginEvent(), new Map());
    expect(logFields(after.logs[0]).outcome).toBe("repaired");
  });

  it("lapses, so the next login probes the store again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 503 })));
    const cache = new Map();
    await runLogin(handler, loginEvent(), cache);
    vi.setSystemTime(Date.now() + 31_000);
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    const run = await runLogin(handler, loginEvent(), cache);
    expect(logFields(run.logs[0]).outcome).toBe("repaired");
  });

  it.each([
    ["30", 30_000],
    ["1", 5_000],
    ["600", 120_000],
    [undefined, 30_000],
  ])("believes Retry-After %s within 5 s to 2 min", async (retryAfter, spanMs) => {
    const headers: Record<string, string> = retryAfter ? { "retry-after": retryAfter } : {};
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 503, headers })));
    const cache = new Map();
    const budget = secrets({ LEGACY_API_TIMEOUT_MS: "150" });
    const before = Date.now();
    await runLogin(handler, loginEvent(migratedUser(), budget), cache);
    const [entry] = [...cache.entries()].filter(([key]) => key.startsWith("rmm:down:")).map(([, value]) => value);
    expect(entry?.expires_at - before).toBeGreaterThanOrEqual(spanMs);
    expect(entry?.expires_at - Date.now()).toBeLessThanOrEqual(spanMs);
  });

  it("is not set by a store that answers, even with an error", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 403 })));
    const cache = new Map();
    await runLogin(handler, loginEvent(), cache);
    expect([...cache.keys()]).toEqual([]);
  });
});

describe("ON_LEGACY_ERROR=deny", () => {
  const deny = secrets({ ON_LEGACY_ERROR: "deny" });

  it.each([
    ["legacy_error", () => new HttpResponse(null, { status: 500 })],
    ["invalid_response", () => HttpResponse.json([])],
  ])("denies on %s with a generic message", async (outcome, resolver) => {
    legacy.use(recordRoute(resolver));
    const run = await runLogin(handler, loginEvent(migratedUser(), deny));
    expect(logFields(run.logs[0]).outcome).toBe(outcome);
    expect(run.denied).toHaveLength(1);
    expect(run.denied[0]).not.toMatch(/legacy|secret|token|500/i);
  });

  it("denies during a remembered outage", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 503 })));
    const cache = new Map();
    await runLogin(handler, loginEvent(migratedUser(), deny), cache);
    const run = await runLogin(handler, loginEvent(migratedUser(), deny), cache);
    expect(logFields(run.logs[0]).outcome).toBe("legacy_down");
    expect(run.denied).toHaveLength(1);
  });

  it("never denies a user the store does not know, nor on a configuration error", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 404 })));
    expect((await runLogin(handler, loginEvent(migratedUser(), deny))).denied).toEqual([]);
    const broken = { ...deny, LEGACY_API_TIMEOUT_MS: "5" };
    expect((await runLogin(handler, loginEvent(migratedUser(), broken))).denied).toEqual([]);
  });
});

describe("configuration errors", () => {
  it("skip the repair, log the secret's name and let the login continue", async () => {
    const event = loginEvent(migratedUser(), { MIGRATION_CONNECTIONS: "legacy-db", LEGACY_API_TOKEN: "tok-value" });
    const run = await runLogin(handler, event);
    expect(legacy.seen).toEqual([]);
    expect(logFields(run.logs[0])).toMatchObject({
      outcome: "config_error",
      reason: "missing",
      secret: "LEGACY_API_URL",
      problems: "1",
    });
    expect(run.logs[0]).not.toContain("tok-value");
  });

  it("are reported by the logins that need the store; a login that needs nothing reads only what decides it", async () => {
    const brokenUrl = secrets({ LEGACY_API_URL: "http://legacy.example.test/users/{legacy_id}" });
    const complete = migratedUser({ user_metadata: { plan: "gold" }, app_metadata: { roles: ["editor"] } });
    const quiet = await runLogin(handler, loginEvent(complete, brokenUrl));
    expect([quiet.logs, quiet.denied, legacy.seen]).toEqual([[], [], []]);
    const needing = await runLogin(handler, loginEvent(migratedUser(), brokenUrl));
    expect(logFields(needing.logs[0])).toMatchObject({ outcome: "config_error", reason: "not_https" });
    expect(legacy.seen).toEqual([]);
  });

  it("in a secret that decides whether a login needs the store are reported by every login", async () => {
    const complete = migratedUser({ user_metadata: { plan: "gold" }, app_metadata: { roles: ["editor"] } });
    const brokenSecrets: Record<string, string>[] = [{ MIGRATION_CONNECTIONS: " , " }, { REPAIR_VERSION: "two" }];
    for (const broken of brokenSecrets) {
      const run = await runLogin(handler, loginEvent(complete, secrets(broken)));
      expect(logFields(run.logs[0])).toMatchObject({ outcome: "config_error", secret: Object.keys(broken)[0] });
    }
  });

  it("report a user who lacks the field the URL needs", async () => {
    const event = loginEvent(
      migratedUser({ email: undefined }),
      secrets({ LEGACY_API_URL: "https://legacy.example.test/users?email={email}" }),
    );
    const run = await runLogin(handler, event);
    expect(legacy.seen).toEqual([]);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "config_error", reason: "user_has_no_usable_email" });
  });

  it("report metadata Auth0 holds that is not an object", async () => {
    const run = await runLogin(handler, loginEvent(migratedUser({ user_metadata: "x", app_metadata: { a: 1 } })));
    expect(legacy.seen).toEqual([]);
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "unrepairable", reason: "user_metadata_not_object" });
  });
});

describe("the handler never throws", () => {
  it("contains a failing api call and reports it", async () => {
    legacy.use(recordRoute(() => HttpResponse.json(RECORD)));
    const { api } = recordingApi();
    const broken: PostLoginApi = {
      ...api,
      user: {
        setUserMetadata: () => {
          throw new Error("Unexpected user_metadata format");
        },
        setAppMetadata: api.user.setAppMetadata,
      },
    };
    const logs: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => logs.push(line));
    await expect(handler(loginEvent(), broken)).resolves.toBeUndefined();
    expect(logFields(logs[0])).toMatchObject({ outcome: "internal_error" });
  });

  it("survives a cache that throws", async () => {
    legacy.use(recordRoute(() => new HttpResponse(null, { status: 503 })));
    const { api } = recordingApi();
    const throwing = () => {
      throw new Error("cache unavailable");
    };
    api.cache = { get: throwing, set: throwing, delete: throwing };
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await expect(handler(loginEvent(), api)).resolves.toBeUndefined();
  });

  it("survives an event without secrets or identities", async () => {
    const event = loginEvent(migratedUser({ identities: undefined }));
    const run = await runLogin(handler, { ...event, secrets: undefined as unknown as Record<string, string> });
    expect(logFields(run.logs[0])).toMatchObject({ outcome: "config_error" });
  });
});

describe("log lines", () => {
  it("stay within 256 characters and never carry PII or secrets", async () => {
    const user = migratedUser({ email: "grace.hopper@example.com", username: "ghopper" });
    const s = secrets({ LEGACY_API_TOKEN: "very-secret-token" });
    const resolvers = [
      () => HttpResponse.json(RECORD),
      () => new HttpResponse(null, { status: 404 }),
      () => new HttpResponse(null, { status: 500 }),
      () => HttpResponse.json({ user_metadata: { "grace.hopper@example.com": 1 } }),
      () => HttpResponse.html("<p>grace.hopper@example.com</p>"),
    ];
    const lines: string[] = [];
    for (const resolver of resolvers) {
      handler = await freshHandler();
      legacy.use(recordRoute(resolver));
      lines.push(...(await runLogin(handler, loginEvent(user, s))).logs);
    }
    expect(lines).toHaveLength(resolvers.length);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(256);
      expect(line).not.toMatch(/grace|hopper|ghopper|very-secret-token|example\.com/);
    }
  });
});
