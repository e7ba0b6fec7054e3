/**
 * Whether a metadata value can be stored exactly as the legacy store sent it. The walk
 * stops at MAX_VALUE_DEPTH, so hostile nesting cannot overflow the call stack.
 */
import { isForbiddenKeyName, MAX_VALUE_DEPTH } from "./metadata-rules";
import { isPlainObject } from "./plain-object";

export type ValueProblem = "nested_forbidden_key" | "too_deep" | "ill_formed_string" | "unsafe_number";

function scalarProblem(value: unknown): ValueProblem | undefined {
  if (typeof value === "string") return value.isWellFormed() ? undefined : "ill_formed_string";
  // JSON.parse already rounded an integer this large: storing it would store another number.
  if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) return "unsafe_number";
  return undefined;
}

export function valueProblem(value: unknown, depth = 0): ValueProblem | undefined {
  if (typeof value !== "object" || value === null) return scalarProblem(value);
  if (depth >= MAX_VALUE_DEPTH) return "too_deep";
  if (Array.isArray(value)) {
    for (const element of value) {
      const problem = valueProblem(element, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const key of Object.keys(value)) {
    if (isForbiddenKeyName(key)) return "nested_forbidden_key";
    const problem = valueProblem(value[key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}
