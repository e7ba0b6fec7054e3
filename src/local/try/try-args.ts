/** The command line of `npm run try`. */
import { givenText, readCommandLine } from "../../shared/command-line";
import { DOTENV_FLAG, type DotenvChoice, dotenvChoice } from "../../shared/variables";

export interface TryArgs {
  email: string;
  legacyId?: string;
  username?: string;
  connection?: string;
  /** A JSON file with the user's current `user_metadata` / `app_metadata` in Auth0. */
  profile?: string;
  /** `--dotenv`, the flag every command names its variables file with. */
  dotenv: DotenvChoice;
}

export const TRY_USAGE = `usage: npm run try -- --email <email> [--legacy-id <id>] [--username <name>]
                     [--connection <name>] [--profile <file.json>] [--${DOTENV_FLAG} <path>]

Runs the built Action in the local Actions runtime against the legacy API configured in
the environment or .env (the Action's secret names: LEGACY_API_URL, MIGRATION_CONNECTIONS,
LEGACY_API_TOKEN, ...), for one user, and prints what it would write. Writes nothing.

  --email       the user's email (required)
  --legacy-id   the user's id in the legacy store (needed when LEGACY_API_URL uses {legacy_id})
  --username    the user's username (needed when LEGACY_API_URL uses {username})
  --connection  the connection the user signs in with (default: the first MIGRATION_CONNECTIONS name)
  --profile     JSON file: {"user_metadata": {...}, "app_metadata": {...}} as Auth0 holds them now
                (default: both empty, as after a migration that lost everything)
  --${DOTENV_FLAG}      variables file (default: .env, when it exists; the environment wins over it)`;

export type ParsedTryArgs = { ok: true; args: TryArgs } | { ok: false; help: boolean; problem?: string };

const FLAGS = {
  email: { type: "string" },
  "legacy-id": { type: "string" },
  username: { type: "string" },
  connection: { type: "string" },
  profile: { type: "string" },
  [DOTENV_FLAG]: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseTryArgs(argv: readonly string[]): ParsedTryArgs {
  const line = readCommandLine(argv, FLAGS);
  if (!line.ok) return { ok: false, help: false, problem: line.problem };
  const { values } = line;
  if (values.help) return { ok: false, help: true };
  const email = givenText(values.email);
  if (email === undefined) return { ok: false, help: false, problem: "--email is required" };
  return {
    ok: true,
    args: {
      email,
      legacyId: givenText(values["legacy-id"]),
      username: givenText(values.username),
      connection: givenText(values.connection),
      profile: givenText(values.profile),
      dotenv: dotenvChoice(values[DOTENV_FLAG]),
    },
  };
}
