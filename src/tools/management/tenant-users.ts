/** User reads and updates through the SDK, each paced by the rate governor and bounded in time. */
import type { ManagementClient } from "auth0";
import { withManagementStatus } from "../../shared/management-status";
import { StepFailure } from "../../shared/step-failure";
import type { TenantWrites } from "../backfill/repair-user";
import { asTenantUser } from "../tenant-user";
import type { RateGovernor } from "./rate-governor";

const READ_FIELDS = "user_id,email,username,user_metadata,app_metadata,identities";

export function tenantUsers(client: ManagementClient, governor: RateGovernor): TenantWrites {
  return {
    async read(userId) {
      try {
        const user = await governor.call(`reading user ${userId}`, (signal) =>
          withManagementStatus(
            client.users
              .get(userId, { fields: READ_FIELDS, include_fields: true }, { abortSignal: signal })
              .withRawResponse(),
          ),
        );
        return asTenantUser(user);
      } catch (error) {
        if (error instanceof StepFailure && error.failure.kind === "status" && error.failure.status === 404) {
          return undefined;
        }
        throw error;
      }
    },
    async update(userId, body) {
      await governor.call(`updating user ${userId}`, (signal) =>
        withManagementStatus(client.users.update(userId, body, { abortSignal: signal }).withRawResponse()),
      );
    },
  };
}
