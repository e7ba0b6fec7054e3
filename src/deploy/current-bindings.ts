/**
 * Reads the tenant's post-login bindings, every page, in execution order. The Deploy CLI
 * only ever reads the first page, which is why the list is built here.
 */
import type { ManagementClient } from "auth0";
import { POST_LOGIN } from "../shared/action-identity";
import { withManagementStatus } from "../shared/management-status";
import type { Binding } from "./bindings";

const PAGE_SIZE = 50;

/** Every page, one signal for all of them: the read is one step with one time bound. */
export function readPostLoginBindings(management: ManagementClient, signal?: AbortSignal): Promise<Binding[]> {
  return withManagementStatus(readAllPages(management, signal));
}

async function readAllPages(management: ManagementClient, signal?: AbortSignal): Promise<Binding[]> {
  const pages = await management.actions.triggers.bindings.list(
    POST_LOGIN.id,
    { per_page: PAGE_SIZE },
    { abortSignal: signal },
  );
  const bindings: Binding[] = [];
  for await (const binding of pages) {
    const actionName = binding.action?.name;
    // A binding can only be written back by action name; dropping one would unbind it.
    if (!actionName) throw new Error(`post-login binding ${binding.id ?? "(no id)"} names no action; not deploying`);
    bindings.push({ action_name: actionName, display_name: binding.display_name || actionName });
  }
  return bindings;
}
