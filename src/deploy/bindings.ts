/**
 * The post-login bindings to write. The Deploy CLI replaces every binding of a trigger it
 * is given, so the list handed to it must hold the tenant's current bindings, in their
 * order, with ours exactly once.
 */
import { ACTION_NAME } from "../shared/action-identity";

export interface Binding {
  action_name: string;
  display_name: string;
}

export type Position = "first" | "last";

const isOurs = (binding: Binding) => binding.action_name === ACTION_NAME;

/**
 * Without an explicit position an Action that is already bound keeps its place, so a
 * redeploy never reorders a flow the operator arranged; a new binding goes last.
 */
export function mergeBindings(current: readonly Binding[], position?: Position): Binding[] {
  const bound = current.findIndex(isOurs);
  const ours: Binding = current[bound] ?? { action_name: ACTION_NAME, display_name: ACTION_NAME };
  const others = current.filter((binding) => !isOurs(binding));
  // `bound` is our first binding, so exactly `bound` of the others come before it.
  const place = position === "first" ? 0 : position === "last" || bound < 0 ? others.length : bound;
  return [...others.slice(0, place), ours, ...others.slice(place)];
}
