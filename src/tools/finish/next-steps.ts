/** What `finish` says once the legacy store is switched off: what still runs, and how to go further or back. */
import { ACTION_NAME } from "../../shared/action-identity";
import { PROGRAM } from "../commands/tool-command";

export function nextSteps(connection: string, backupPath: string): string[] {
  return [
    `Done: "${connection}" no longer calls the legacy store. "Import Users to Auth0" is still on, and every`,
    "other option is as it was.",
    "",
    "What comes next:",
    "  - Migrated users log in as before: Auth0 checks their password in its own store, and the scripts",
    "    were never called for them. Sign-ups and password resets no longer look anyone up in the old store.",
    "  - The legacy store's login service can be switched off now.",
    `  - The Action ${ACTION_NAME} can stay bound: for a user who needs nothing it costs microseconds and`,
    "    makes no call. It still repairs a user missing metadata while LEGACY_API_URL answers, so switch",
    "    that API off only once verify shows nobody missing metadata.",
    "  - Or unbind it: Dashboard > Actions > Triggers > post-login, drag it out of the flow and Apply (or",
    "    PATCH /api/v2/actions/triggers/post-login/bindings with the other bindings, scope update:triggers).",
    "    Once unbound, the Action and its secrets can be deleted.",
    `  - To undo: ${PROGRAM} finish --rollback ${backupPath}`,
  ];
}
