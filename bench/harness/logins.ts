/**
 * The users the cases log in: migrated through the custom database connection (with
 * whatever metadata Auth0 holds for them), or from another connection entirely.
 */
import type { LocalUser, LoginInput } from "../../src/local/runtime/post-login-event";
import type { SampleUser } from "../../src/local/sample-store/sample-users";
import { SAMPLE_CONNECTION } from "../../src/local/sample-store/store-secrets";

/** The connection the secrets (storeSecrets) name, so that these users are the Action's to repair. */
export const MIGRATION_CONNECTION = SAMPLE_CONNECTION;

export interface Metadata {
  user_metadata?: Record<string, unknown>;
  app_metadata?: Record<string, unknown>;
}

export function migratedLogin(legacyId: string, metadata: Metadata): LoginInput {
  const user: LocalUser = {
    user_id: `auth0|${legacyId}`,
    email: `user.${legacyId}@example.com`,
    username: `user${legacyId}`,
    identities: [{ connection: MIGRATION_CONNECTION, provider: "auth0", user_id: legacyId, isSocial: false }],
    logins_count: 7,
    ...metadata,
  };
  return { user, connection: { name: MIGRATION_CONNECTION, strategy: "auth0" } };
}

export function otherConnectionLogin(metadata: Metadata): LoginInput {
  const user: LocalUser = {
    user_id: "google-oauth2|108234567890123456789",
    email: "social.user@example.com",
    identities: [
      { connection: "google-oauth2", provider: "google-oauth2", user_id: "108234567890123456789", isSocial: true },
    ],
    logins_count: 12,
    ...metadata,
  };
  return { user, connection: { name: "google-oauth2", strategy: "google-oauth2" } };
}

/** The legacy store's record for the same person. */
export function legacyUser(legacyId: string, metadata: Metadata): SampleUser {
  return {
    legacy_id: legacyId,
    email: `user.${legacyId}@example.com`,
    username: `user${legacyId}`,
    name: `User ${legacyId}`,
    created_at: "2016-04-01T12:00:00Z",
    ...metadata,
  };
}

/** A typical profile: what the common login carries and most legacy records hold. */
export function typicalMetadata(seed: number): Required<Metadata> {
  return {
    user_metadata: {
      locale: seed % 3 === 0 ? "en-GB" : "en-US",
      timezone: "Europe/London",
      newsletter: seed % 2 === 0,
      preferences: { theme: "dark", units: "metric" },
      display_name: `User ${seed}`,
    },
    app_metadata: { plan: "pro", roles: ["member"], customer_id: `cus_${seed.toString(36)}` },
  };
}

/** The logins almost every user makes: nothing to repair. */
export const COMMON_LOGINS: ReadonlyArray<{ name: string; login: LoginInput }> = [
  { name: "migrated_complete", login: migratedLogin("5001", typicalMetadata(5001)) },
  { name: "other_connection", login: otherConnectionLogin(typicalMetadata(5002)) },
];
