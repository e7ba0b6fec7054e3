/**
 * The variables every command reads: an optional `.env` file under the real environment, which wins
 * (as CI secret stores expect). A malformed file is a refusal reason like any other.
 */

import type { Problem } from "../action/problem";
import { EnvFileError, loadEnvFile } from "./env-file";

export type Env = Readonly<Record<string, string | undefined>>;

export function readVariables(processEnv: Env, envFilePath: string): { env: Env; problems: Problem[] } {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = loadEnvFile(envFilePath);
  } catch (error) {
    if (!(error instanceof EnvFileError)) throw error;
    return { env: processEnv, problems: [{ subject: ".env", reason: error.message }] };
  }
  const env: Record<string, string | undefined> = { ...fromFile };
  // An empty variable counts as unset everywhere (CI stores send "" for a secret never created),
  // so it does not hide the file's value; `npm run try` reads them the same way.
  for (const [name, value] of Object.entries(processEnv)) if (value !== undefined && value !== "") env[name] = value;
  return { env, problems: [] };
}
