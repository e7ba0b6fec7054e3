/**
 * The tools read the deploy's variables (the environment over `.env`): the Action's
 * secrets, validated by the Action's own `parseConfig`, the tenant's credentials, and
 * LEGACY_API_LIST_URL. Every problem is gathered into one message that names the
 * variable and what to set, never a value.
 */
import { type Config, parseConfig } from "../action/config";
import type { Problem } from "../action/problem";
import { checkEndpointUrl } from "../action/url-template";
import { readCredentials, type TenantCredentials } from "../shared/tenant-credentials";
import { helpFor } from "../shared/variable-help";
import { type DotenvChoice, type Env, readVariables } from "../shared/variables";
import { ToolError } from "./tool-error";

export interface ToolSettings {
  config: Config;
  /** Absent when the command does not need the tenant (a local export file, a dry run). */
  tenant?: TenantCredentials;
  listUrl?: string;
}

export interface SettingsNeeds {
  tenant: boolean;
  listUrl: boolean;
}

const EXTRA_HELP: Readonly<Record<string, string>> = {
  LEGACY_API_LIST_URL: "URL of the legacy store's paged user list, e.g. https://legacy.example.com/users",
  AUTH0_ACCESS_TOKEN:
    "a Management API token with the scopes of the command (docs/tools.md), or set AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET",
};

const value = (env: Env, name: string) => {
  const text = env[name]?.trim();
  return text === undefined || text === "" ? undefined : text;
};

/** The deploy's own reading of the tenant variables, so both commands accept the same ones. */
function readTenant(env: Env, problems: Problem[]): TenantCredentials | undefined {
  const read = readCredentials(env);
  problems.push(...read.problems);
  return read.credentials;
}

function readListUrl(env: Env, problems: Problem[]): string | undefined {
  const url = value(env, "LEGACY_API_LIST_URL");
  if (url === undefined) {
    problems.push({ subject: "LEGACY_API_LIST_URL", reason: "missing" });
    return undefined;
  }
  const check = checkEndpointUrl(url);
  if (!check.ok) problems.push({ subject: "LEGACY_API_LIST_URL", reason: check.reason });
  return check.ok ? url : undefined;
}

function describe({ subject, reason }: Problem): string {
  const help = helpFor(subject, reason) ?? (reason === "missing" ? EXTRA_HELP[subject] : undefined);
  return `  ${subject}: ${reason}${help ? ` (${help})` : ""}`;
}

export function readToolSettings(processEnv: Env, dotenv: DotenvChoice, needs: SettingsNeeds): ToolSettings {
  const { env, problems: fileProblems } = readVariables(processEnv, dotenv);
  const problems: Problem[] = [...fileProblems];
  const parsed = parseConfig(env);
  if (!parsed.ok) problems.push(...parsed.problems);
  const tenant = needs.tenant ? readTenant(env, problems) : undefined;
  const listUrl = needs.listUrl ? readListUrl(env, problems) : undefined;
  if (!parsed.ok || problems.length > 0) {
    throw new ToolError(
      `the configuration is incomplete (read from the environment and ${dotenv.path}):\n${problems.map(describe).join("\n")}`,
      "set these as for the deploy (see docs/tools.md), then run the command again",
    );
  }
  return { config: parsed.config, tenant, listUrl };
}
