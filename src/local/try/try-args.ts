/** The command line of `npm run try`. */
import { parseArgs } from "node:util";

export interface TryArgs {
  email: string;
  legacyId?: string;
  username?: string;
  connection?: string;
  /** A JSON file with the user's current `user_metadata` / `app_metadata` in Auth0. */
  profile?: string;
  /** Named --dotenv: tsx takes --env-file for itself, whatever its position. */
  envFile: string;
}

export const TRY_USAGE = `usage: npm run try -- --email <email> [--legacy-id <id>] [--username <name>]
                     [--connection <name>] [--profile <file.json>] [--dotenv <path>]

Runs the built Action in the local Actions runtime against the legacy API configured in
the environment or .env (the Action's secret names: LEGACY_API_URL, MIGRATION_CONNECTIONS,
LEGACY_API_TOKEN, ...), for one user, and prints what it would write. Writes nothing.

  --email       the user's email (required)
  --legacy-id   the user's id in the legacy store (needed when LEGACY_API_URL uses {legacy_id})
  --username    the user's username (needed when LEGACY_API_URL uses {username})
  --connection  the connection the user signs in with (default: the first MIGRATION_CONNECTIONS name)
  --profile     JSON file: {"user_metadata": {...}, "app_metadata": {...}} as Auth0 holds them now
                (default: both empty, as after a migration that lost everything)
  --dotenv      where to read the configuration (default: .env; the environment wins over it)`;

export type ParsedTryArgs = { ok: true; args: TryArgs } | { ok: false; help: boolean; problem?: string };

export function parseTryArgs(argv: readonly string[]): ParsedTryArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        email: { type: "string" },
        "legacy-id": { type: "string" },
        username: { type: "string" },
        connection: { type: "string" },
        profile: { type: "string" },
        dotenv: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, help: false, problem: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { ok: false, help: true };
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const email = text("email");
  if (email === undefined) return { ok: false, help: false, problem: "--email is required" };
  return {
    ok: true,
    args: {
      email,
      legacyId: text("legacy-id"),
      username: text("username"),
      connection: text("connection"),
      profile: text("profile"),
      envFile: text("dotenv") ?? ".env",
    },
  };
}
