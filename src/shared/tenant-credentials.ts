/**
 * The tenant and how to reach its Management API, read from the variables the same way
 * by every command that talks to it (deploy, verify, backfill...).
 */
import type { Problem } from "../action/problem";
import type { Env } from "./variables";

export type TenantCredentials =
  | { domain: string; accessToken: string }
  | { domain: string; clientId: string; clientSecret: string };

const TENANT_DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** The credentials, or every problem with them (never a value). */
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
