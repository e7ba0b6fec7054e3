/**
 * `verify`: reads the legacy store's list and the tenant's export side by side, tallies
 * the tenant users by the Action's rules as they stream past, then joins the two id
 * lists bucket by bucket on disk, so memory stays flat however many users there are.
 */
import type { Config } from "../../action/config";
import { migrationIdentityId } from "../../action/detect";
import type { UserSource } from "../export/user-source";
import type { ListedUser } from "../legacy/legacy-list";
import { type TenantStanding, tenantStanding } from "../tenant-user";
import { BUCKETS, IdPartitions } from "./id-partitions";
import { type MigrationReport, type MissingPart, STATE_CATEGORY, Tallies, verdictFor } from "./migration-report";

export interface VerifyInput {
  config: Config;
  legacyUsers: AsyncIterable<ListedUser>;
  tenantUsers: UserSource;
  examples: number;
}

/** What a user who needs repair lacks; a user in that state always lacks at least one side. */
function missingPart({ repair }: Extract<TenantStanding, { state: "needs_repair" }>): MissingPart {
  if (!repair.app.missing) return "user_metadata_only";
  return repair.user.missing ? "both" : "app_metadata_only";
}

export async function runVerify({ config, legacyUsers, tenantUsers, examples }: VerifyInput): Promise<MigrationReport> {
  const tallies = new Tallies(examples);
  const partitions = new IdPartitions();
  let legacyCount = 0;
  let tenantCount = 0;
  // When one side fails, the other stops too: the command must not wait on an export nobody will read.
  const stop = new AbortController();
  const stopOnFailure = (reading: Promise<void>) =>
    reading.catch((error: unknown) => {
      stop.abort();
      throw error;
    });
  try {
    const readLegacy = async () => {
      for await (const user of legacyUsers) {
        if (stop.signal.aborted) return;
        legacyCount++;
        partitions.add("legacy", { legacyId: user.legacy_id, userId: "" });
      }
    };
    const readTenant = async () => {
      for await (const user of tenantUsers(stop.signal)) {
        tenantCount++;
        const standing = tenantStanding(user, config);
        if (standing.state === "needs_repair") tallies.addMissing(missingPart(standing), user.user_id);
        else tallies.add(STATE_CATEGORY[standing.state], user.user_id);
        const legacyId = migrationIdentityId(user, config.connections);
        if (legacyId === undefined) tallies.add("not_listed", user.user_id);
        else partitions.add("tenant", { legacyId, userId: user.user_id });
      }
    };
    await Promise.all([stopOnFailure(readLegacy()), stopOnFailure(readTenant())]);
    partitions.flush();
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const legacyIds = new Set(partitions.read("legacy", bucket).map((entry) => entry.legacyId));
      const migrated = new Set<string>();
      for (const { legacyId, userId } of partitions.read("tenant", bucket)) {
        migrated.add(legacyId);
        if (!legacyIds.has(legacyId)) tallies.add("not_listed", userId);
      }
      for (const legacyId of legacyIds) if (!migrated.has(legacyId)) tallies.add("not_migrated", legacyId);
    }
  } finally {
    partitions.dispose();
  }
  return {
    connections: [...config.connections],
    repairVersion: config.repairVersion,
    legacyUsers: legacyCount,
    tenantUsers: tenantCount,
    categories: tallies.categories,
    missingParts: tallies.missingParts,
    verdict: verdictFor(tallies.categories, legacyCount),
  };
}
