import { describe, expect, it } from "vitest";
import { MAX_JSON_NESTING, nestsTooDeep } from "../src/action/json-depth";

const arrays = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

describe("nestsTooDeep", () => {
  it("counts arrays and objects alike, up to the limit and one past it", () => {
    expect(nestsTooDeep(arrays(MAX_JSON_NESTING))).toBe(false);
    expect(nestsTooDeep(arrays(MAX_JSON_NESTING + 1))).toBe(true);
    expect(nestsTooDeep(objects(MAX_JSON_NESTING))).toBe(false);
    expect(nestsTooDeep(objects(MAX_JSON_NESTING + 1))).toBe(true);
    expect(nestsTooDeep(`[${'{"a":['.repeat(200)}${"]}".repeat(200)}]`)).toBe(true);
  });

  it("measures depth, not the number of brackets: siblings do not add up", () => {
    expect(nestsTooDeep(`[${Array(5000).fill("[]").join(",")}]`)).toBe(false);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(nestsTooDeep(JSON.stringify({ a: "[".repeat(1000), b: '\\"{'.repeat(1000) }))).toBe(false);
    expect(nestsTooDeep(JSON.stringify(["\\", arrays(300)]))).toBe(false);
  });

  it("agrees with the depth of what JSON.parse builds", () => {
    const depthOf = (value: unknown): number =>
      typeof value === "object" && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    for (const text of [arrays(10), objects(300), JSON.stringify({ a: [{ b: ["[{"] }] }), '"x"', "3"]) {
      expect(nestsTooDeep(text)).toBe(depthOf(JSON.parse(text)) > MAX_JSON_NESTING);
    }
  });
});
