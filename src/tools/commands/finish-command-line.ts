/** `finish` on the command line: its help and its flags. */
import { COMMON_USAGE, defineCommand, PROGRAM } from "./tool-command";

const USAGE = `usage: ${PROGRAM} finish [flags]
       ${PROGRAM} finish --rollback <backup file> [flags]

Switches the legacy store off the way Auth0's automatic-migration guide describes: the
connection's login and get_user scripts become no-operation functions, "Import Users to
Auth0" stays on, every other option is kept as it is. Only when that is safe: verify runs
first and must say that every legacy user is in Auth0 and none still misses metadata;
the connection must be a custom database importing users; it is backed up to a file
(mode 0600) before the write, and the write is refused if it changed in the meantime.

flags:
  --dry-run              run verify and print the change to the scripts; write nothing
  --force                go on although verify says NOT YET (finish), or although the
                         scripts were edited after finish (--rollback); says what it overrides
  --connection <name>    which MIGRATION_CONNECTIONS connection (needed when there are several)
  --configuration-file <path>
                         JSON {"KEY": "value"} with the plain value of every key of the
                         connection's configuration (needed when it has any; see docs/tools.md)
  --backup-dir <path>    where the backup file is written (default: the current folder)
  --rollback <backup file>
                         put back the login and get_user scripts the backup holds
${COMMON_USAGE}

variables: as for verify (AUTH0_DOMAIN, the tenant's credentials, the Action's secrets,
LEGACY_API_LIST_URL); the application needs read:users, read:connections,
read:connections_options, update:connections and update:connections_options.
exit codes: 0 done, nothing to do, or a dry run; 1 refused (nothing was changed);
2 bad input or configuration, or a service that could not be reached or refused;
3 written, but the tenant's answer differs from what was sent; 70 an unexpected error.
See docs/tools.md.`;

export interface FinishArgs {
  dryRun: boolean;
  force: boolean;
  connection?: string;
  configurationFile?: string;
  backupDir: string;
  rollback?: string;
}

export const finishCommand = defineCommand({
  name: "finish",
  summary:
    "switch the legacy store off once verify says so: the connection's login and get_user\n" +
    "             scripts become no-ops (backed up first; --rollback puts them back)",
  usage: USAGE,
  flags: {
    "dry-run": { type: "boolean" },
    force: { type: "boolean" },
    connection: { type: "string" },
    "configuration-file": { type: "string" },
    "backup-dir": { type: "string" },
    rollback: { type: "string" },
  },
  read(values): FinishArgs {
    return {
      dryRun: values["dry-run"] === true,
      force: values.force === true,
      connection: values.connection,
      configurationFile: values["configuration-file"],
      backupDir: values["backup-dir"] ?? ".",
      rollback: values.rollback,
    };
  },
  load: async () => (await import("./finish-command")).runFinishCommand,
});
