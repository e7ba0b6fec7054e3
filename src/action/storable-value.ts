/**
 * Whether a metadata value can be stored exactly as the legacy store sent it. Walks
 * the value with an explicit stack, so hostile nesting cannot overflow the call stack.
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

export function valueProblem(root: unknown): ValueProblem | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, depth } = item;
    const problem = scalarProblem(value);
    if (problem) return problem;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_VALUE_DEPTH) return "too_deep";
    if (Array.isArray(value)) {
      for (const element of value) stack.push({ value: element, depth: depth + 1 });
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (isForbiddenKeyName(key)) return "nested_forbidden_key";
        stack.push({ value: value[key], depth: depth + 1 });
      }
    }
  }
  return undefined;
}
