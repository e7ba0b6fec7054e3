/**
 * The post-login bindings to write. The Deploy CLI replaces every binding of a trigger it
 * is given, so the list handed to it must hold the tenant's current bindings, in their
 * order, with ours exactly once.
 */
import { ACTION_NAME } from "./action-identity";

export interface Binding {
  action_name: string;
  display_name: string;
}

export type Position = "first" | "last";

/**
 * Without an explicit position an Action that is already bound keeps its place, so a
 * redeploy never reorders a flow the operator arranged; a new binding goes last.
 */
export function mergeBindings(current: readonly Binding[], position?: Position): Binding[] {
  const existingOurs = current.find((binding) => binding.action_name === ACTION_NAME);
  const ours: Binding = existingOurs ?? { action_name: ACTION_NAME, display_name: ACTION_NAME };
  const others = current.filter((binding) => binding.action_name !== ACTION_NAME);
  if (position === "first") return [ours, ...others];
  if (position === "last" || existingOurs === undefined) return [...others, ours];
  const place = current.indexOf(existingOurs);
  const before = current.slice(0, place).filter((binding) => binding.action_name !== ACTION_NAME);
  return [...before, ours, ...others.slice(before.length)];
}
