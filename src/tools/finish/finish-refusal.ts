/**
 * Why `finish` (or its rollback) will not touch the connection. A refusal is decided
 * before any write, so the tenant is always as it was; the command prints the reason,
 * what was found, and what would make it safe, and exits with 1.
 */
export type RefusalReason =
  | "verify_not_yet"
  | "not_a_database"
  | "not_custom_database"
  | "import_mode_off"
  | "options_not_readable"
  | "configuration_values_needed"
  | "configuration_keys_differ"
  | "changed_concurrently"
  | "backup_of_other_tenant"
  | "backup_of_other_connection"
  | "scripts_changed_since";

const REFUSAL_TEXT: Record<RefusalReason, string> = {
  verify_not_yet: "verify says the legacy store is still needed",
  not_a_database: "the connection is not a database connection",
  not_custom_database: "the connection does not use a custom database (its scripts are not in use)",
  import_mode_off: 'the connection does not import users ("Import Users to Auth0" is off)',
  options_not_readable: "the connection was read without its options",
  configuration_values_needed: "the connection holds encrypted configuration values",
  configuration_keys_differ: "--configuration-file does not name exactly the connection's configuration keys",
  changed_concurrently: "the connection changed between the read and the write",
  backup_of_other_tenant: "the backup was taken from another tenant",
  backup_of_other_connection: "the backup is of another connection",
  scripts_changed_since: "the connection's scripts are no longer the no-ops finish wrote",
};

export const REFUSAL_HINTS: Record<RefusalReason, string> = {
  verify_not_yet: "bring every legacy user in and repair their metadata first (see the verdict), or pass --force",
  not_a_database: "MIGRATION_CONNECTIONS (or --connection) must name the custom database users were migrated through",
  not_custom_database: "only a custom database connection calls a legacy store; there is nothing to switch off",
  import_mode_off:
    "without import mode the scripts are the users' only store: no-ops would lock everyone out; turn import mode on only if that is really how users log in",
  options_not_readable:
    "the application needs read:connections_options (and update:connections_options): writing options read without them would erase them",
  configuration_values_needed:
    "Auth0 returns them encrypted and a write without them deletes them: pass --configuration-file with each key's value (docs/tools.md)",
  configuration_keys_differ: "list every key the connection holds, and only those",
  changed_concurrently: "someone changed it meanwhile: read what changed, then run the command again",
  backup_of_other_tenant: "restore it with AUTH0_DOMAIN set to the tenant it was taken from",
  backup_of_other_connection: "the connection with the backup's id now has another name: check it in the dashboard",
  scripts_changed_since:
    "someone edited them after finish; pass --force to overwrite those edits with the backup's scripts",
};

export class FinishRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** What was found, in a sentence. */
    readonly detail: string,
  ) {
    super(`${REFUSAL_TEXT[reason]}: ${detail}`);
    this.name = "FinishRefusal";
  }
}
