/**
 * Whether a metadata value can be stored exactly as the legacy store sent it. The walk
 * stops at MAX_VALUE_DEPTH, so hostile nesting cannot overflow the call stack.
 */

import { isArray, objectKeys } from "./builtins";
import { isForbiddenKeyName, MAX_VALUE_DEPTH } from "./metadata-rules";
import { isPlainObject } from "./plain-object";

export type ValueProblem = "nested_forbidden_key" | "too_deep" | "ill_formed_string" | "unsafe_number";

function scalarProblem(value: unknown): ValueProblem | undefined {
  if (typeof value === "string") return value.isWellFormed() ? undefined : "ill_formed_string";
  if (typeof value !== "number") return undefined;
  // JSON.parse turned a number beyond the double range (1e400) into ±Infinity, which JSON
  // stores as null, and rounded an integer beyond 2^53: either would store another number.
  // A safe integer, or a finite number with a fraction, is stored as parsed. (One test, one literal: bundle bytes.)
  return Number.isSafeInteger(value) || (Number.isFinite(value) && !Number.isInteger(value))
    ? undefined
    : "unsafe_number";
}

export function valueProblem(value: unknown, depth = 0): ValueProblem | undefined {
  if (typeof value !== "object" || value === null) return scalarProblem(value);
  if (depth >= MAX_VALUE_DEPTH) return "too_deep";
  if (isArray(value)) {
    for (const element of value) {
      const problem = valueProblem(element, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const key of objectKeys(value)) {
    if (isForbiddenKeyName(key)) return "nested_forbidden_key";
    const problem = valueProblem(value[key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}
