/**
 * Everything checked before the first network call: the tenant credentials, the Action's
 * secrets (by the Action's own `parseConfig`, so the deploy and the runtime agree on
 * what is valid) and the bundle. Every problem is collected; none carries a value.
 */
import { parseConfig } from "../action/config";
import { SECRET_NAMES, type SecretName } from "../action/secret-names";
import { MAX_SECRET_VALUE_LENGTH } from "../local/runtime/secrets";
import { type BundleTexts, checkBundle } from "./bundle-check";
import type { Env } from "./deploy-env";
import type { Problem } from "./problem";
import type { TenantCredentials } from "./tenant-access";

const TENANT_DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export interface ActionSecret {
  name: SecretName;
  value: string;
}

export interface DeployPlan {
  credentials: TenantCredentials;
  /** Only the secrets the operator set: an unset optional one is left out, not sent empty. */
  secrets: ActionSecret[];
}

export type PreflightResult = { ok: true; plan: DeployPlan } | { ok: false; problems: Problem[] };

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** The tenant and how to reach its Management API; `verify` and `backfill` read it too. */
export function readCredentials(env: Env): { credentials?: TenantCredentials; problems: Problem[] } {
  const problems: Problem[] = [];
  const domain = env.AUTH0_DOMAIN?.trim() ?? "";
  if (domain === "") problems.push({ subject: "AUTH0_DOMAIN", reason: "missing" });
  else if (!TENANT_DOMAIN.test(domain)) {
    problems.push({ subject: "AUTH0_DOMAIN", reason: "invalid: a bare host name, without https:// or a path" });
  }
  const { AUTH0_ACCESS_TOKEN: accessToken, AUTH0_CLIENT_ID: clientId, AUTH0_CLIENT_SECRET: clientSecret } = env;
  if (!isSet(accessToken)) {
    for (const [subject, value] of [
      ["AUTH0_CLIENT_ID", clientId],
      ["AUTH0_CLIENT_SECRET", clientSecret],
    ] as const) {
      if (!isSet(value)) problems.push({ subject, reason: "missing (or set AUTH0_ACCESS_TOKEN instead of both)" });
    }
  }
  if (problems.length > 0) return { problems };
  const credentials: TenantCredentials = isSet(accessToken)
    ? { domain, accessToken: accessToken.trim() }
    : { domain, clientId: clientId?.trim() ?? "", clientSecret: clientSecret ?? "" };
  return { credentials, problems };
}

function readSecrets(env: Env): { secrets: ActionSecret[]; problems: Problem[] } {
  const secrets: ActionSecret[] = [];
  for (const name of SECRET_NAMES) {
    const value = env[name];
    if (isSet(value)) secrets.push({ name, value });
  }
  const problems: Problem[] = secrets
    .filter(({ value }) => value.length > MAX_SECRET_VALUE_LENGTH)
    .map(({ name }) => ({ subject: name, reason: `longer than ${MAX_SECRET_VALUE_LENGTH} characters` }));
  // parseConfig reads only the secret names and, like `isSet`, takes a blank value as unset.
  const parsed = parseConfig(env);
  if (!parsed.ok) problems.push(...parsed.problems.map(({ secret, reason }) => ({ subject: secret, reason })));
  return { secrets, problems };
}

export function preflight(env: Env, bundle: BundleTexts): PreflightResult {
  const tenant = readCredentials(env);
  const action = readSecrets(env);
  const problems = [...tenant.problems, ...action.problems, ...checkBundle(bundle)];
  if (problems.length > 0 || tenant.credentials === undefined) return { ok: false, problems };
  return { ok: true, plan: { credentials: tenant.credentials, secrets: action.secrets } };
}
