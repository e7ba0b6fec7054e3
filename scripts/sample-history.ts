/**
 * A short synthetic history of a migration over the sample legacy store, for
 * `npm run tools:sample`: four weeks, a verify run every four days. At each run the
 * tenant holds what logins, backfill and a hand fix would have left by then (users
 * arrive, get repaired, one is found unknown to the store, one whose profile could not
 * load is fixed), and the run is verify's own code over the sample store's user list,
 * its line appended as verify appends it, dated as that day.
 */
import type { Config } from "../src/action/config";
import { SAMPLE_UNKNOWN_USER, SAMPLE_USERS, sampleUser } from "../src/local/sample-store/sample-users";
import { SAMPLE_CONNECTION } from "../src/local/sample-store/store-secrets";
import { appendHistoryLine } from "../src/tools/history/append-history";
import { historyLine } from "../src/tools/history/history-line";
import { listLegacyUsers } from "../src/tools/legacy/legacy-list";
import { processCache } from "../src/tools/process-cache";
import type { TenantUser } from "../src/tools/tenant-user";
import { runVerify } from "../src/tools/verify/run-verify";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SAMPLE_RUN_DAYS = [0, 4, 8, 12, 16, 20, 24, 28] as const;

type Standing = "missing_both" | "missing_user" | "missing_app" | "not_object" | "complete" | "repaired" | "not_found";

/** Each user's story: from which day they stand how (before the first entry they have not migrated). */
const STORIES: Readonly<Record<string, ReadonlyArray<readonly [number, Standing]>>> = {
  "1001": [
    [0, "missing_both"],
    [9, "repaired"],
  ],
  "1002": [
    [0, "missing_user"],
    [13, "repaired"],
  ],
  "1003": [[0, "complete"]],
  [SAMPLE_UNKNOWN_USER.legacy_id]: [
    [0, "missing_both"],
    [5, "not_found"],
  ],
  "1004": [
    [0, "missing_both"],
    [21, "repaired"],
  ],
  "1005": [
    [0, "missing_both"],
    [17, "repaired"],
  ],
  "1006": [
    [6, "missing_app"],
    [14, "repaired"],
  ],
  "1007": [[10, "complete"]],
  "1008": [
    [0, "not_object"],
    [19, "missing_both"],
    [23, "repaired"],
  ],
  "1009": [[15, "missing_user"]],
  "1010": [[22, "complete"]],
  "1012": [[0, "missing_both"]],
  // 1011 never logs in during these four weeks.
};

function standingOn(day: number, story: ReadonlyArray<readonly [number, Standing]>): Standing | undefined {
  let standing: Standing | undefined;
  for (const [from, next] of story) if (from <= day) standing = next;
  return standing;
}

function metadataFor(legacyId: string, standing: Standing): Pick<TenantUser, "user_metadata" | "app_metadata"> {
  const known = SAMPLE_USERS.some((user) => user.legacy_id === legacyId);
  const legacy = known ? sampleUser(legacyId) : { user_metadata: {}, app_metadata: {} };
  const full = { user_metadata: { ...legacy.user_metadata }, app_metadata: { ...legacy.app_metadata } };
  const marker = (status: string) => ({ v: 1, status, at: "2026-01-01T00:00:00.000Z" });
  switch (standing) {
    case "missing_both":
      return { user_metadata: {}, app_metadata: {} };
    case "missing_user":
      return { user_metadata: {}, app_metadata: full.app_metadata };
    case "missing_app":
      return { user_metadata: full.user_metadata, app_metadata: {} };
    case "not_object":
      return { user_metadata: "locale=en-US;newsletter=yes", app_metadata: {} };
    case "complete":
      return full;
    case "repaired":
      return { ...full, app_metadata: { ...full.app_metadata, legacy_metadata_repair: marker("repaired") } };
    case "not_found":
      return { user_metadata: {}, app_metadata: { legacy_metadata_repair: marker("not_found") } };
  }
}

/** The tenant's users of the migration connection on that day. */
export function tenantOn(day: number): TenantUser[] {
  return Object.entries(STORIES).flatMap(([legacyId, story]) => {
    const standing = standingOn(day, story);
    if (standing === undefined) return [];
    return [
      {
        user_id: `auth0|${legacyId}`,
        identities: [{ provider: "auth0", connection: SAMPLE_CONNECTION, user_id: legacyId, isSocial: false }],
        ...metadataFor(legacyId, standing),
      },
    ];
  });
}

/**
 * Appends one verify run per sample day to `historyPath`, the last one at `end`, with the
 * tools' configuration for the sample store and its list URL.
 */
export async function writeSampleHistory(
  config: Config,
  listUrl: string,
  historyPath: string,
  end: Date,
): Promise<number> {
  const lastDay = SAMPLE_RUN_DAYS.at(-1) ?? 0;
  for (const day of SAMPLE_RUN_DAYS) {
    const users = tenantOn(day);
    const report = await runVerify({
      config,
      legacyUsers: listLegacyUsers(listUrl, config, { fetch, cache: processCache() }),
      tenantUsers: async function* () {
        yield* users;
      },
      examples: 0,
    });
    appendHistoryLine(historyPath, historyLine(report, new Date(end.getTime() - (lastDay - day) * DAY_MS)));
  }
  return SAMPLE_RUN_DAYS.length;
}
