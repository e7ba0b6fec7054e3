/** User reads and updates through the SDK, each paced by the rate governor. */
import { type ManagementClient, ManagementError } from "auth0";
import type { TenantWrites } from "../backfill/repair-user";
import { asTenantUser } from "../tenant-user";
import type { RateGovernor } from "./rate-governor";

const READ_FIELDS = "user_id,email,username,user_metadata,app_metadata,identities";

export function tenantUsers(client: ManagementClient, governor: RateGovernor): TenantWrites {
  return {
    async read(userId) {
      try {
        const user = await governor.call(() =>
          client.users.get(userId, { fields: READ_FIELDS, include_fields: true }).withRawResponse(),
        );
        return asTenantUser(user);
      } catch (error) {
        if (error instanceof ManagementError && error.statusCode === 404) return undefined;
        throw error;
      }
    },
    async update(userId, body) {
      await governor.call(() => client.users.update(userId, body).withRawResponse());
    },
  };
}
