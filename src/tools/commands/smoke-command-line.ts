/** `smoke` on the command line: its help and its flags. */
import { givenText as given } from "../../shared/command-line";
import { COMMON_USAGE, defineCommand, PROGRAM } from "./tool-command";

const USAGE = `usage: ${PROGRAM} smoke --email <email> [--legacy-id <id>] [--username <name>] [flags]

Runs the deployed Action once inside Auth0's own runtime (the Management API's "Test an
Action" endpoint), for a synthetic first login of a migrated user with empty metadata
through the first MIGRATION_CONNECTIONS connection. Prints the Action's log line as
Auth0 returned it, what it would have written, and whether the legacy store was reached
from Auth0, failed (and how), or the configuration is wrong (naming the secret). It
writes nothing to any user: the synthetic user's id cannot exist in the tenant.

flags:
  --email <email>        the email of a user the legacy store knows (required)
  --legacy-id <id>       their id in the legacy store (needed when LEGACY_API_URL uses {legacy_id})
  --username <name>      their username (needed when LEGACY_API_URL uses {username})
  --json                 print the event sent, Auth0's whole answer and the verdict as JSON
${COMMON_USAGE}

variables: AUTH0_DOMAIN and AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET (or AUTH0_ACCESS_TOKEN),
with read:actions and create:actions; the Action's LEGACY_API_URL, MIGRATION_CONNECTIONS
and legacy credentials, as for the deploy.
exit codes: 0 the legacy store was reached from Auth0 and answered; 1 it failed, the
configuration is wrong, the Action failed, or Auth0's answer could not be read; 2 bad
input or configuration, or a service that could not be reached or refused; 70 an
unexpected error. See docs/tools.md.`;

export interface SmokeArgs {
  email: string;
  legacyId?: string;
  username?: string;
  json: boolean;
}

export const smokeCommand = defineCommand({
  name: "smoke",
  summary:
    "run the deployed Action once inside Auth0's runtime for a synthetic migrated user:\n" +
    "             does it reach the legacy store from there? (writes nothing)",
  usage: USAGE,
  flags: {
    email: { type: "string" },
    "legacy-id": { type: "string" },
    username: { type: "string" },
    json: { type: "boolean" },
  },
  read(values): SmokeArgs | { problem: string } {
    const email = given(values.email);
    if (email === undefined) return { problem: "--email is required: the email of a user the legacy store knows" };
    return {
      email,
      legacyId: given(values["legacy-id"]),
      username: given(values.username),
      json: values.json === true,
    };
  },
  load: async () => (await import("./smoke-command")).runSmokeCommand,
});
