/**
 * The variables every command reads: an optional `.env` file under the real environment, which wins
 * (as CI secret stores expect). A malformed file is a refusal reason like any other.
 */

import type { Problem } from "../action/problem";
import { EnvFileError, loadEnvFile } from "./env-file";

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The flag that names the variables file, the same in `try`, `deploy` and the tools.
 * Not `--env-file`: Node (and tsx) take that one for themselves, whatever its position.
 */
export const DOTENV_FLAG = "dotenv";
export const DEFAULT_DOTENV = ".env";

/** Which file to read: the one the operator named (which must exist), else `.env` if it exists. */
export interface DotenvChoice {
  path: string;
  required: boolean;
}

export function dotenvChoice(flagValue: string | undefined): DotenvChoice {
  return flagValue === undefined ? { path: DEFAULT_DOTENV, required: false } : { path: flagValue, required: true };
}

export function readVariables(processEnv: Env, file: DotenvChoice): { env: Env; problems: Problem[] } {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = loadEnvFile(file.path, { required: file.required });
  } catch (error) {
    if (!(error instanceof EnvFileError)) throw error;
    const subject = file.required ? `--${DOTENV_FLAG}` : DEFAULT_DOTENV;
    return { env: processEnv, problems: [{ subject, reason: error.message }] };
  }
  const env: Record<string, string | undefined> = { ...fromFile };
  // An empty variable counts as unset everywhere (CI stores send "" for a secret never created),
  // so it does not hide the file's value; `npm run try` reads them the same way.
  for (const [name, value] of Object.entries(processEnv)) if (value !== undefined && value !== "") env[name] = value;
  return { env, problems: [] };
}
