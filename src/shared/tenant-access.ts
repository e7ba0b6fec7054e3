/**
 * One Management API token for the whole deploy, fetched the way the Deploy CLI fetches
 * it (client credentials for `https://<domain>/api/v2/`), so the bindings read and the
 * Deploy CLI's own requests run under the same grant.
 */
import { AuthenticationClient, ManagementClient } from "auth0";
import type { TenantCredentials } from "./tenant-credentials";

export interface TenantAccess {
  domain: string;
  accessToken: string;
  management: ManagementClient;
}

export async function openTenant(credentials: TenantCredentials): Promise<TenantAccess> {
  const { domain } = credentials;
  const accessToken =
    "accessToken" in credentials ? credentials.accessToken : await clientCredentialsToken(credentials);
  return { domain, accessToken, management: new ManagementClient({ domain, token: accessToken }) };
}

async function clientCredentialsToken(credentials: { domain: string; clientId: string; clientSecret: string }) {
  const auth = new AuthenticationClient(credentials);
  const grant = await auth.oauth.clientCredentialsGrant({ audience: `https://${credentials.domain}/api/v2/` });
  const token = grant.data.access_token;
  if (!token) throw new Error("the tenant answered the client credentials grant without an access token");
  return token;
}
