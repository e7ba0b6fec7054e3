/**
 * Everything checked before the first network call: the tenant credentials, the Action's
 * secrets (by the Action's own `parseConfig`, so the deploy and the runtime agree on
 * what is valid) and the bundle. Every problem is collected; none carries a value.
 */
import { type Config, parseConfig } from "../action/config";
import type { Problem } from "../action/problem";
import { SECRET_NAMES, type SecretName } from "../action/secret-names";
import { readCredentials, type TenantCredentials } from "../shared/tenant-credentials";
import type { Env } from "../shared/variables";
import { type BundleTexts, checkBundle } from "./bundle-check";

export interface ActionSecret {
  name: SecretName;
  value: string;
}

export interface DeployPlan {
  credentials: TenantCredentials;
  /** Only the secrets the operator set: an unset optional one is left out, not sent empty. */
  secrets: ActionSecret[];
  /** The Action's configuration as those secrets give it (what `--smoke` reads its connection from). */
  config: Config;
}

export type PreflightResult = { ok: true; plan: DeployPlan } | { ok: false; problems: Problem[] };

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** The secrets the operator set, to send as they are. */
function setSecrets(env: Env): ActionSecret[] {
  const secrets: ActionSecret[] = [];
  for (const name of SECRET_NAMES) {
    const value = env[name];
    if (isSet(value)) secrets.push({ name, value });
  }
  return secrets;
}

export function preflight(env: Env, bundle: BundleTexts): PreflightResult {
  const tenant = readCredentials(env);
  // parseConfig reads only the secret names and, like `isSet`, takes a blank value as unset;
  // it refuses a value longer than Auth0 stores (`too_long`), as the Action itself does.
  const parsed = parseConfig(env);
  const problems = [...tenant.problems, ...(parsed.ok ? [] : parsed.problems), ...checkBundle(bundle)];
  if (problems.length > 0 || tenant.credentials === undefined || !parsed.ok) return { ok: false, problems };
  return { ok: true, plan: { credentials: tenant.credentials, secrets: setSecrets(env), config: parsed.config } };
}
