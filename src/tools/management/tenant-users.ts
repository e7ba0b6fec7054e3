/** User reads and updates through the SDK, each paced by the rate governor and bounded in time. */
import type { ManagementClient } from "auth0";
import { withManagementStatus } from "../../shared/management-status";
import { StepFailure } from "../../shared/step-failure";
import type { TenantWrites } from "../backfill/repair-user";
import { asTenantUser } from "../tenant-user";
import type { RateGovernor } from "./rate-governor";

/** The reason a user fails with when the tenant's answer to their read is not them. */
const NOT_THE_USER = "not_the_user";

const READ_FIELDS = "user_id,email,username,user_metadata,app_metadata,identities";

export function tenantUsers(client: ManagementClient, governor: RateGovernor): TenantWrites {
  return {
    async read(userId) {
      try {
        const step = `reading user ${userId}`;
        const answer = await governor.call(step, (signal) =>
          withManagementStatus(
            client.users
              .get(userId, { fields: READ_FIELDS, include_fields: true }, { abortSignal: signal })
              .withRawResponse(),
          ),
        );
        const user = asTenantUser(answer);
        // Only a 404 says the user is gone. A 200 holding something else (a proxy's page, another
        // user) must fail this user, who is then retried, never recorded as deleted and skipped for good.
        if (user?.user_id !== userId) {
          throw new StepFailure(step, governor.host, { kind: "answer", detail: NOT_THE_USER });
        }
        return user;
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
