/**
 * The official `auth0` SDK's Management client. Its own retries are off: they would
 * retry each request on its own clock, while the rate governor paces every worker
 * together from the tenant's rate-limit headers.
 */
import { ManagementClient } from "auth0";
import type { TenantCredentials } from "../../shared/tenant-credentials";

const REQUEST_TIMEOUT_S = 60;

export function managementClient(tenant: TenantCredentials): ManagementClient {
  const common = { domain: tenant.domain, maxRetries: 0, timeoutInSeconds: REQUEST_TIMEOUT_S };
  if ("accessToken" in tenant) return new ManagementClient({ ...common, token: tenant.accessToken });
  return new ManagementClient({ ...common, clientId: tenant.clientId, clientSecret: tenant.clientSecret });
}
