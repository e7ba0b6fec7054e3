/**
 * A metadata object built from a legacy record through a map: each key takes the value
 * at its path exactly as the record holds it. A path that leads to nothing, or to
 * `null`, gives no key; so does one that runs into a string, a number or a boolean,
 * since a mapped record may be any JSON object (the legacy API contract says so).
 */
import { isArray } from "./builtins";
import type { MetadataMap } from "./metadata-map";
import { isPlainObject, ownValue } from "./plain-object";
import type { JsonObject } from "./types";

/** An array index as JSON.stringify would write it: `0`, `12`; never `01`, `-1`, `1.0` or `length`. */
const ARRAY_INDEX = /^(0|[1-9]\d{0,8})$/;

/** Own properties of objects, and elements of arrays by index; anything else leads nowhere. */
function valueAt(record: JsonObject, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const segment of path) {
    if (isPlainObject(current)) current = ownValue(current, segment);
    else if (isArray(current) && ARRAY_INDEX.test(segment)) current = current[Number(segment)];
    else return undefined;
  }
  return current;
}

export function mappedMetadata(record: JsonObject, map: MetadataMap): JsonObject {
  const metadata: JsonObject = {};
  for (const { key, path } of map) {
    const value = valueAt(record, path);
    // The map's keys were checked when it was parsed: never `__proto__` or another prototype name.
    if (value !== undefined && value !== null) metadata[key] = value;
  }
  return metadata;
}
