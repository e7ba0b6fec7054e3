import { getPrototypeOf, hasOwn, isArray, OBJECT_PROTOTYPE } from "./builtins";
import type { JsonObject } from "./types";

/** A JSON-style object: not null, not an array, not a class instance. */
export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== "object" || value === null || isArray(value)) return false;
  const proto: unknown = getPrototypeOf(value);
  return proto === OBJECT_PROTOTYPE || proto === null;
}

/** Own enumerable value only: never reaches the prototype chain, whatever the key. */
export function ownValue(object: JsonObject, key: string): unknown {
  return hasOwn(object, key) ? object[key] : undefined;
}

/** Auth0 deletes a key set to `null`, so `null` and absent both mean "no value". */
export function hasValue(object: JsonObject, key: string): boolean {
  const value = ownValue(object, key);
  return value !== undefined && value !== null;
}
