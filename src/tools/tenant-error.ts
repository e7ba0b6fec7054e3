/**
 * The tenant's refusals as one message the operator can act on: a rejected client
 * secret, a token without the scopes, an unknown domain. Anything else stays a bug.
 */
import { AuthApiError, ManagementError, ManagementTimeoutError } from "auth0";
import { ToolError } from "./tool-error";

const SCOPES_HINT = "the application needs the Management API scopes read:users, update:users and read:connections";

export function asTenantError(error: unknown): ToolError | undefined {
  if (error instanceof AuthApiError) {
    return new ToolError(
      `the tenant refused the Management API token request (${error.statusCode} ${error.error || ""})`.trim(),
      "check AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET",
    );
  }
  if (error instanceof ManagementTimeoutError) return new ToolError("the Management API did not answer in time");
  if (!(error instanceof ManagementError)) return undefined;
  const status = error.statusCode;
  if (status === 401 || status === 403) {
    return new ToolError(`the Management API refused the request (status ${status})`, SCOPES_HINT);
  }
  if (status === undefined) {
    return new ToolError("cannot reach the tenant's Management API", "check AUTH0_DOMAIN and the network");
  }
  return new ToolError(`the Management API answered status ${status}: ${error.message.split("\n")[0] ?? ""}`);
}
