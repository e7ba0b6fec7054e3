/**
 * What to set, for a variable a refusal names: the message must tell a first-time user
 * what each one is, without sending them to the source.
 */
import { REPAIR_VERSION_RANGE, TIMEOUT_MS_RANGE, type WholeNumberRange } from "../action/secret-table";

const rangeText = ([min, max, fallback]: WholeNumberRange) =>
  `a whole number from ${min} to ${max} (default ${fallback})`;

const LEGACY_AUTH_CHOICES =
  "set one way to call the legacy store: LEGACY_API_TOKEN, or LEGACY_API_BASIC_AUTH, or LEGACY_API_KEY_HEADER + " +
  "LEGACY_API_KEY, or LEGACY_OAUTH_TOKEN_URL + LEGACY_OAUTH_CLIENT_ID + LEGACY_OAUTH_CLIENT_SECRET";

const METADATA_MAP_HELP =
  'a JSON object {"<metadata key>": "<dot path in the legacy record>"}, e.g. {"given_name":"first_name"}; ' +
  "set it or the *_PATH secret of the same metadata, not both (docs/reference.md#metadata-maps)";

const HELP: Readonly<Record<string, string>> = {
  AUTH0_DOMAIN: "your tenant's domain, e.g. my-tenant.eu.auth0.com",
  AUTH0_CLIENT_ID: "client ID of a machine-to-machine application authorized for the Management API",
  AUTH0_CLIENT_SECRET: "client secret of that application",
  LEGACY_API_URL: "URL template of one user's legacy record, e.g. https://legacy.example.com/users/{legacy_id}",
  MIGRATION_CONNECTIONS: "comma-separated custom database connection(s) the users were migrated through",
  LEGACY_USER_METADATA_MAP: METADATA_MAP_HELP,
  LEGACY_APP_METADATA_MAP: METADATA_MAP_HELP,
  LEGACY_API_TIMEOUT_MS: `total milliseconds one login may spend on the legacy store: ${rangeText(TIMEOUT_MS_RANGE)}`,
  ON_LEGACY_ERROR: "continue (the default) or deny",
  REPAIR_VERSION: rangeText(REPAIR_VERSION_RANGE),
};

export function helpFor(subject: string, reason: string): string | undefined {
  // The Action reports a missing legacy auth method under the first method's name.
  if (reason === "missing_auth") return LEGACY_AUTH_CHOICES;
  return HELP[subject];
}
