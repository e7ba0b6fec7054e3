/**
 * The tenant and how to reach its Management API, read from the variables the same way
 * by every command that talks to it (deploy, verify, backfill...).
 */
import type { Problem } from "../action/problem";
import type { Env } from "./variables";

export type TenantCredentials =
  | { domain: string; accessToken: string }
  | { domain: string; clientId: string; clientSecret: string };

/**
 * `host` or `host:port`, as the Deploy CLI and the SDK take it (they put it after
 * `https://`): a host name (one label, like `localhost`, is enough: a local mock or a
 * proxy), an IPv4 address or a bracketed IPv6 one. No scheme, path or credentials.
 */
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const TENANT_DOMAIN = new RegExp(
  `^(?:(?=[^:]{1,253}(?::|$))${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?$`,
  "i",
);
const MAX_PORT = 65_535;

export const DOMAIN_RULE =
  "invalid: a host name or host:port (e.g. my-tenant.eu.auth0.com or localhost:8443), without https://, a path or credentials";

function isTenantDomain(domain: string): boolean {
  const match = TENANT_DOMAIN.exec(domain);
  if (!match) return false;
  const port = match[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= MAX_PORT);
}

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** The credentials, or every problem with them (never a value). */
export function readCredentials(env: Env): { credentials?: TenantCredentials; problems: Problem[] } {
  const problems: Problem[] = [];
  const domain = env.AUTH0_DOMAIN?.trim() ?? "";
  if (domain === "") problems.push({ subject: "AUTH0_DOMAIN", reason: "missing" });
  else if (!isTenantDomain(domain)) problems.push({ subject: "AUTH0_DOMAIN", reason: DOMAIN_RULE });
  const { AUTH0_ACCESS_TOKEN: accessToken, AUTH0_CLIENT_ID: clientId, AUTH0_CLIENT_SECRET: clientSecret } = env;
  if (!isSet(accessToken)) {
    for (const [subject, value] of [
      ["AUTH0_CLIENT_ID", clientId],
      ["AUTH0_CLIENT_SECRET", clientSecret],
    ] as const) {
      if (!isSet(value)) problems.push({ subject, reason: "missing, or set AUTH0_ACCESS_TOKEN instead of both" });
    }
  }
  if (problems.length > 0) return { problems };
  const credentials: TenantCredentials = isSet(accessToken)
    ? { domain, accessToken: accessToken.trim() }
    : { domain, clientId: clientId?.trim() ?? "", clientSecret: clientSecret ?? "" };
  return { credentials, problems };
}
