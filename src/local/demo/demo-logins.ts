/**
 * The scripted logins `npm start` replays: who signs in, what Auth0 holds for them at
 * that moment, and what the sample store is doing. Later logins see what earlier ones
 * stored, as on a tenant. The last four follow one outage, to show what the Action's
 * outage memory gives when api.cache is best effort. One more login, with an Action
 * configured apart, is repaired through metadata maps from the store's flat records.
 */

import type { LocalUser } from "../runtime/post-login-event";
import type { Faults } from "../sample-store/faults";
import { flatRecord } from "../sample-store/routes";
import { SAMPLE_UNKNOWN_USER, sampleUser } from "../sample-store/sample-users";
import { SAMPLE_CONNECTION } from "../sample-store/store-secrets";

export interface DemoLogin {
  /** What this login shows. */
  title: string;
  /** The Auth0 user id; the profile comes from the demo's user store. */
  userId: string;
  protocol?: string;
  /** The sample store's fault switches during this login (healthy when absent). */
  storeFaults?: Partial<Faults>;
}

/** A user as automatic migration left them in Auth0: identity from the custom database. */
function migrated(
  who: { legacy_id: string; email: string; username: string; name: string },
  metadata: Pick<LocalUser, "user_metadata" | "app_metadata">,
): LocalUser {
  return {
    user_id: `auth0|${who.legacy_id}`,
    email: who.email,
    email_verified: true,
    username: who.username,
    name: who.name,
    identities: [{ connection: SAMPLE_CONNECTION, provider: "auth0", user_id: who.legacy_id, isSocial: false }],
    created_at: "2026-01-12T10:00:00.000Z",
    logins_count: 1,
    ...metadata,
  };
}

/** The Auth0 side before the demo: what the interrupted migrations left. */
export function initialAuth0Users(): LocalUser[] {
  return [
    migrated(sampleUser("1001"), { user_metadata: {}, app_metadata: {} }),
    migrated(sampleUser("1002"), {
      user_metadata: { locale: "en-US", newsletter: false },
      app_metadata: { plan: "team" },
    }),
    migrated(sampleUser("1003"), {
      user_metadata: { locale: "en-GB", timezone: "Europe/London", newsletter: false },
      app_metadata: { plan: "free", roles: [] },
    }),
    migrated(SAMPLE_UNKNOWN_USER, { user_metadata: {}, app_metadata: {} }),
    migrated(sampleUser("1005"), { user_metadata: {}, app_metadata: {} }),
    migrated(sampleUser("1004"), { user_metadata: {}, app_metadata: {} }),
    migrated(sampleUser("1012"), { user_metadata: {}, app_metadata: {} }),
    // A custom database script stored a string: Auth0 cannot load this profile at login.
    migrated(sampleUser("1008"), { user_metadata: "locale=en-US;newsletter=yes", app_metadata: {} }),
  ];
}

const OUTAGE: Partial<Faults> = { status: 503 };

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { title: "migrated, lost everything", userId: "auth0|1001" },
  { title: "migrated, lost some keys", userId: "auth0|1002" },
  { title: "metadata complete", userId: "auth0|1003" },
  { title: "unknown to the legacy store", userId: `auth0|${SAMPLE_UNKNOWN_USER.legacy_id}` },
  { title: "legacy keys Auth0 cannot store", userId: "auth0|1005" },
  { title: "user_metadata stored as a string", userId: "auth0|1008" },
  { title: "refresh-token exchange", userId: "auth0|1004", protocol: "oauth2-refresh-token" },
  { title: "second login after repair", userId: "auth0|1001" },
  { title: "legacy store outage (503)", userId: "auth0|1012", storeFaults: OUTAGE },
  { title: "outage goes on: next login", userId: "auth0|1004", storeFaults: OUTAGE },
  { title: "outage goes on: 2 logins later", userId: "auth0|1012", storeFaults: OUTAGE },
  { title: "outage goes on: 3 logins later", userId: "auth0|1004", storeFaults: OUTAGE },
];

/** The user of the login repaired through maps, whose record the store's flat route sends. */
const MAPPED_USER = sampleUser("1010");

export const MAPPED_LOGIN: DemoLogin = {
  title: "a legacy API as it is, read through maps",
  userId: `auth0|${MAPPED_USER.legacy_id}`,
};

export function initialMappedUser(): LocalUser {
  return migrated(MAPPED_USER, { user_metadata: {}, app_metadata: {} });
}

/** The record the store's flat route sends for that user: no metadata object, only what its API holds. */
export function mappedUserRecord(): Record<string, unknown> {
  return flatRecord(MAPPED_USER);
}
