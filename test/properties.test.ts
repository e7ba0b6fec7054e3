/**
 * Invariants of the repair, checked over generated Auth0 profiles and legacy records
 * rather than hand-picked examples.
 */
import fc from "fast-check";
import { HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { detect } from "../src/action/detect";
import { planFill } from "../src/action/fill-plan";
import { jsonBytes } from "../src/action/json-size";
import { buildMarker } from "../src/action/marker";
import {
  isForbiddenKeyName,
  MARKER_KEY,
  METADATA_BUDGET_BYTES,
  RESERVED_APP_METADATA_KEYS,
} from "../src/action/metadata-rules";
import { isPlainObject } from "../src/action/plain-object";
import type { JsonObject } from "../src/action/types";
import { BASE_SECRETS, testConfig as config, loginEvent, migratedUser, recordingApi } from "./support/fake-api";
import { legacyMock, recordRoute } from "./support/legacy-mock";
import { freshHandler } from "./support/run-handler";

const legacy = legacyMock();

const interestingKey = fc.oneof(
  fc.constantFrom("plan", "locale", "roles", "tier", "a.b", "$set", "__proto__", "constructor", "prototype"),
  fc.constantFrom("blocked", "email", "user_id", MARKER_KEY, "x\u0000y", ""),
  fc.string({ maxLength: 6 }),
);
const jsonValue = fc.jsonValue({ maxDepth: 4 });
const metadataObject = fc.dictionary(interestingKey, fc.oneof(jsonValue, fc.constant(null)), { maxKeys: 8 });
const auth0Metadata = fc.oneof(
  { weight: 6, arbitrary: metadataObject },
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 4 }),
  fc.array(fc.integer(), { maxLength: 2 }),
);

function holdsForbiddenKey(root: unknown): boolean {
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (isForbiddenKeyName(key)) return true;
        stack.push(value[key]);
      }
    }
  }
  return false;
}

function hasValue(metadata: unknown, key: string): boolean {
  return (
    isPlainObject(metadata) && Object.hasOwn(metadata, key) && metadata[key] !== null && metadata[key] !== undefined
  );
}

/** What Auth0 would hold after applying the writes one key at a time. */
function applied(current: unknown, writes: Array<[string, unknown]>): JsonObject {
  const result: JsonObject = isPlainObject(current) ? { ...current } : {};
  for (const [key, value] of writes) Object.defineProperty(result, key, { value, enumerable: true, writable: true });
  return result;
}

function shuffledCopy(object: JsonObject, seed: number): JsonObject {
  const entries = Object.entries(object);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  const copy: JsonObject = {};
  for (const [key, value] of entries) Object.defineProperty(copy, key, { value, enumerable: true, writable: true });
  return copy;
}

describe("the fill plan, for any profile and legacy record", () => {
  const c = config({ APP_METADATA_ALLOWED_KEYS: "roles,tier,plan,locale" });
  const marker = buildMarker(1, "repaired", new Date(0));

  it("writes only missing keys, nothing forbidden, within the budget, whatever the key order", () => {
    fc.assert(
      fc.property(auth0Metadata, auth0Metadata, metadataObject, metadataObject, fc.nat(), (um, am, lu, la, seed) => {
        const detection = detect(loginEvent(migratedUser({ user_metadata: um, app_metadata: am })), c);
        if (detection.kind !== "repair") return;
        const plan = planFill(detection.user, detection.app, lu, la, c, marker);
        const shuffled = planFill(
          detection.user,
          detection.app,
          shuffledCopy(lu, seed),
          shuffledCopy(la, seed),
          c,
          marker,
        );
        expect(shuffled).toEqual(plan);

        for (const [side, current, writes] of [
          ["user", um, plan.user],
          ["app", am, plan.app],
        ] as const) {
          for (const [key, value] of writes) {
            expect(hasValue(current, key)).toBe(false);
            expect(isPlainObject(current) || current === undefined || current === null).toBe(true);
            expect(value).not.toBeNull();
            expect(isForbiddenKeyName(key) || holdsForbiddenKey(value)).toBe(false);
            if (side === "app") {
              expect(RESERVED_APP_METADATA_KEYS.has(key) || key === MARKER_KEY).toBe(false);
              expect(c.allowedAppKeys?.has(key)).toBe(true);
            }
          }
          const after = applied(current, side === "app" ? [...writes, [MARKER_KEY, marker]] : writes);
          if (jsonBytes(isPlainObject(current) ? current : {}) < METADATA_BUDGET_BYTES) {
            expect(jsonBytes(after)).toBeLessThanOrEqual(METADATA_BUDGET_BYTES);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never lets a legacy key reach Object.prototype", () => {
    fc.assert(
      fc.property(metadataObject, (lu) => {
        const detection = detect(loginEvent(migratedUser({ user_metadata: {}, app_metadata: {} })), c);
        if (detection.kind !== "repair") return;
        const polluted = JSON.parse(`{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}`);
        const plan = planFill(detection.user, detection.app, { ...lu, ...polluted }, polluted, c, marker);
        applied({}, plan.user);
        expect(({} as JsonObject).polluted).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

describe("the handler, for any profile and any legacy answer", () => {
  let handler: Awaited<ReturnType<typeof freshHandler>>;
  beforeAll(async () => {
    handler = await freshHandler();
  });

  const answer = fc.oneof(
    metadataObject.map((um) => ({ status: 200, body: { user_metadata: um } as unknown })),
    fc
      .tuple(metadataObject, metadataObject)
      .map(([um, am]) => ({ status: 200, body: { user_metadata: um, app_metadata: am } as unknown })),
    fc.constantFrom(404, 400, 401, 500, 503).map((status) => ({ status, body: {} as unknown })),
    jsonValue.map((body) => ({ status: 200, body: body as unknown })),
  );

  it("never throws, never overwrites, and returns within the budget", async () => {
    const budgetMs = 300;
    const secrets = { ...BASE_SECRETS, LEGACY_API_TIMEOUT_MS: String(budgetMs) };
    await fc.assert(
      fc.asyncProperty(auth0Metadata, auth0Metadata, answer, async (um, am, reply) => {
        legacy.use(recordRoute(() => HttpResponse.json(reply.body as never, { status: reply.status })));
        const recorded = recordingApi();
        const started = performance.now();
        const original = console.log;
        console.log = () => undefined;
        try {
          await handler(loginEvent(migratedUser({ user_metadata: um, app_metadata: am }), secrets), recorded.api);
        } finally {
          console.log = original;
        }
        expect(performance.now() - started).toBeLessThan(budgetMs + 1000);
        for (const [key] of recorded.userWrites) expect(hasValue(um, key)).toBe(false);
        for (const [key] of recorded.appWrites) {
          if (key !== MARKER_KEY) expect(hasValue(am, key)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
