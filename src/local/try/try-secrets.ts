/**
 * The Action's secrets for a local run, from the environment and `.env` (the
 * environment wins, as with the deploy). Only the Action's own secret names are taken,
 * so nothing else of the environment reaches the Action.
 */
import { SECRET_NAMES } from "../../action/secret-names";
import { loadEnvFile } from "../../shared/env-file";
import type { DotenvChoice } from "../../shared/variables";

export interface TrySecrets {
  secrets: Record<string, string>;
  /** Where each secret came from, to show without showing values. */
  sources: Record<string, "environment" | "env file">;
}

export function collectSecrets(env: Readonly<Record<string, string | undefined>>, dotenv: DotenvChoice): TrySecrets {
  const fromFile = loadEnvFile(dotenv.path, { required: dotenv.required });
  const secrets: Record<string, string> = {};
  const sources: TrySecrets["sources"] = {};
  for (const name of SECRET_NAMES) {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== "") {
      secrets[name] = fromEnv;
      sources[name] = "environment";
    } else if (fromFile[name] !== undefined && fromFile[name] !== "") {
      secrets[name] = fromFile[name];
      sources[name] = "env file";
    }
  }
  return { secrets, sources };
}
