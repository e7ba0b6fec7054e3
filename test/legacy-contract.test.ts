/**
 * The legacy API contract (src/shared/legacy-contract.ts, zod) and the Action's own
 * hand-written readers must give the same verdict on every answer: the contract is what
 * the legacy API's owners check against, the readers are what runs at login. The JSON
 * Schema document published from the contract must be what the build writes today.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Config, parseConfig } from "../src/action/config";
import { readLegacyRecord } from "../src/action/legacy-record";
import type { MetadataSource } from "../src/action/metadata-map";
import { readTokenAnswer } from "../src/action/token-answer";
import { legacyRecordSchema, metadataPathsOf, oauthTokenAnswerSchema } from "../src/shared/legacy-contract";
import { LEGACY_CONTRACT_DOCUMENT, legacyContractDocument } from "../src/shared/legacy-contract-document";
import { readContractRecord } from "../src/tools/legacy/contract-record";
import { BASE_SECRETS } from "./support/fake-api";

describe("docs/legacy-api.schema.json", () => {
  it("is what `npm run build` writes from the contract today (run it if this fails)", () => {
    expect(readFileSync(LEGACY_CONTRACT_DOCUMENT, "utf8")).toBe(legacyContractDocument());
  });

  it("defines one user's record, a page of the user list and the OAuth token answer", () => {
    const document = JSON.parse(legacyContractDocument()) as { $defs: Record<string, unknown> };
    expect(Object.keys(document.$defs)).toEqual([
      "user_record",
      "mapped_user_record",
      "user_list_page",
      "oauth_token_answer",
    ]);
  });

  it("says that a record read through maps may be any JSON object", () => {
    const document = JSON.parse(legacyContractDocument()) as { $defs: Record<string, Record<string, unknown>> };
    expect(document.$defs.mapped_user_record).toMatchObject({ type: "object", additionalProperties: {} });
    expect(document.$defs.mapped_user_record).not.toHaveProperty("properties");
  });
});

/** Segments a person might configure, among them names every object inherits. */
const segment = fc.oneof(
  fc.constantFrom("user_metadata", "app_metadata", "data", "profile", "access", "0", "a b"),
  fc.constantFrom("toString", "valueOf", "hasOwnProperty", "__proto__", "constructor", "prototype", ""),
  fc.string({ maxLength: 4 }),
);
const dotPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join("."));

/** A map as a person might write it: a few keys, each to a path (or to something that is not one). */
const metadataMap = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom("locale", "plan", "roles", "__proto__", "a.b", "blocked", ""),
      fc.string({ maxLength: 4 }),
    ),
    fc.oneof(dotPath, fc.constantFrom("roles.0", "profile.address.city"), fc.jsonValue({ maxDepth: 1 })),
    { maxKeys: 3 },
  )
  .map((map) => JSON.stringify(map));

/** How one side is configured: the secret that reads it, a path or a map. */
const side = (name: "USER" | "APP") =>
  fc.oneof(
    dotPath.map((path) => ({ [`LEGACY_${name}_METADATA_PATH`]: path })),
    metadataMap.map((map) => ({ [`LEGACY_${name}_METADATA_MAP`]: map })),
  );

/** The configuration for two sides, when the Action accepts it (the contract is stated for those). */
function configFor(user: Record<string, string>, app: Record<string, string>): Config | undefined {
  const parsed = parseConfig({ ...BASE_SECRETS, ...user, ...app });
  return parsed.ok ? parsed.config : undefined;
}

/** The paths a body is shaped along: each side's path, or every path its map reads. */
const pathsRead = (source: MetadataSource) => ("map" in source ? source.map.map((entry) => entry.path) : [source.path]);

const oddValue = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
);
const someObject = fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });

const drawn = <T>(draw: fc.GeneratorValue, arbitrary: fc.Arbitrary<T>): T => draw(() => arbitrary);

/**
 * A body shaped along the configured paths, each step of the way absent, null, another
 * kind of value or an object, so that every branch of both readers is reached.
 */
function drawAlong(draw: fc.GeneratorValue, paths: readonly (readonly string[])[]): unknown {
  const pick = drawn(draw, fc.nat(9));
  if (pick === 0) return null;
  if (pick === 1) return drawn(draw, oddValue);
  const object = drawn(draw, someObject);
  const below = new Map<string, string[][]>();
  for (const [head, ...rest] of paths) {
    if (head === undefined) continue;
    const deeper = below.get(head) ?? [];
    if (rest.length > 0) deeper.push(rest);
    below.set(head, deeper);
  }
  for (const [key, deeper] of below) {
    if (drawn(draw, fc.nat(5)) === 0) continue;
    const value = deeper.length > 0 ? drawAlong(draw, deeper) : drawn(draw, fc.oneof(someObject, oddValue));
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

describe("the record contract and the Action's record reader", () => {
  it("accept and refuse exactly the same records, for any paths and maps the configuration accepts", () => {
    let compared = 0;
    let mapped = 0;
    fc.assert(
      fc.property(side("USER"), side("APP"), fc.gen(), (user, app, draw) => {
        const config = configFor(user, app);
        fc.pre(config !== undefined);
        if (!config) return;
        const paths = [...pathsRead(config.userMetadataSource), ...pathsRead(config.appMetadataSource)];
        const shaped = drawn(draw, fc.nat(7)) === 0 ? drawn(draw, fc.jsonValue()) : drawAlong(draw, paths);
        // As the Action sees a body: the result of JSON.parse.
        const body: unknown = JSON.parse(JSON.stringify(shaped) ?? "null");
        const schema = legacyRecordSchema(metadataPathsOf(config));
        const action = readLegacyRecord(body, config);
        expect(schema.safeParse(body).success).toBe(action.ok);
        // The backfill reads through the contract, and must reach the Action's very result.
        expect(readContractRecord(body, config)).toEqual(action);
        compared++;
        if ("map" in config.userMetadataSource || "map" in config.appMetadataSource) mapped++;
      }),
      // Without shrinking: a failure is reported at once with its counterexample.
      { numRuns: 700, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(250);
    expect(mapped).toBeGreaterThan(100);
  });

  it("refuses a path through a name every object inherits, which the contract would read as present", () => {
    const app = { LEGACY_APP_METADATA_PATH: "app_metadata" };
    expect(configFor({ LEGACY_USER_METADATA_PATH: "toString" }, app)).toBeUndefined();
    expect(configFor({ LEGACY_USER_METADATA_PATH: "data.valueOf" }, app)).toBeUndefined();
    expect(configFor({ LEGACY_USER_METADATA_MAP: '{"locale":"profile.toString"}' }, app)).toBeUndefined();
  });
});

describe("the token answer contract and the Action's token reader", () => {
  const expiresIn = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, null, true),
    fc.stringMatching(/^\d{1,5}$/),
    fc.constantFrom("", " 60", "60s", "-1", "1e3", "٣"),
  );
  const accessToken = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("x".repeat(8192), "x".repeat(8193)),
    fc.constantFrom("a\tb c~", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "caf\u00e9", "tok\u20acn", "\ud83d\ude00"),
    fc.integer(),
    fc.constant(null),
  );
  const answer = fc.oneof(
    fc.record({ access_token: accessToken, expires_in: expiresIn }, { requiredKeys: [] }),
    fc.record({ access_token: accessToken, token_type: fc.constant("Bearer") }),
    fc.jsonValue({ maxDepth: 2 }),
  );

  it("accept and refuse exactly the same answers, and read the same lifetime", () => {
    fc.assert(
      fc.property(answer, (body) => {
        const contract = oauthTokenAnswerSchema.safeParse(body);
        const action = readTokenAnswer(body);
        expect(action !== undefined).toBe(contract.success);
        if (contract.success && action) {
          expect(action.accessToken).toBe(contract.data.access_token);
          const lifetime = contract.data.expires_in;
          expect(action.expiresInSeconds).toBe(lifetime === undefined ? undefined : Number(lifetime));
        }
      }),
      { numRuns: 1500, endOnFailure: true },
    );
  });
});
