/**
 * Every secret the Action reads, the parser its text goes through and its default: the
 * declarative reading a schema gives, in plain functions (nothing in the bundle but our
 * own code). A secret without a default is required. To add one: name it in
 * secret-names.ts, give it a row here, and a field in Config (config.ts).
 */
import type { SecretName } from "./secret-names";
import {
  allowedAppKeys,
  anyText,
  basicCredentials,
  dotPath,
  endpointUrl,
  headerName,
  headerValue,
  integerInRange,
  keyList,
  nameSet,
  oneOf,
  type Parsed,
  type SecretParser,
  urlTemplate,
} from "./secret-parsers";

export interface SecretField<T> {
  parse: SecretParser<T>;
  /** Taken when the secret is absent or blank; without it the secret is `missing`. */
  fallback?: { value: T };
}

const required = <T>(parse: SecretParser<T>): SecretField<T> => ({ parse });
const withDefault = <T>(parse: SecretParser<T>, value: T): SecretField<T> => ({ parse, fallback: { value } });
const optional = <T>(parse: SecretParser<T>) => withDefault<T | undefined>(parse, undefined);

export const SECRET_TABLE = {
  LEGACY_API_URL: required(urlTemplate),
  MIGRATION_CONNECTIONS: required(nameSet),
  LEGACY_API_TOKEN: optional(headerValue),
  LEGACY_API_BASIC_AUTH: optional(basicCredentials),
  LEGACY_API_KEY_HEADER: optional(headerName),
  LEGACY_API_KEY: optional(headerValue),
  LEGACY_OAUTH_TOKEN_URL: optional(endpointUrl),
  LEGACY_OAUTH_CLIENT_ID: optional(anyText),
  LEGACY_OAUTH_CLIENT_SECRET: optional(anyText),
  LEGACY_OAUTH_AUDIENCE: optional(anyText),
  LEGACY_OAUTH_SCOPE: optional(anyText),
  REQUIRED_USER_METADATA_KEYS: withDefault(keyList, []),
  REQUIRED_APP_METADATA_KEYS: withDefault(keyList, []),
  APP_METADATA_ALLOWED_KEYS: withDefault(allowedAppKeys, undefined),
  LEGACY_USER_METADATA_PATH: withDefault(dotPath, ["user_metadata"]),
  LEGACY_APP_METADATA_PATH: withDefault(dotPath, ["app_metadata"]),
  LEGACY_API_TIMEOUT_MS: withDefault(integerInRange(100, 10_000), 4000),
  ON_LEGACY_ERROR: withDefault(oneOf("continue", "deny"), "continue"),
  REPAIR_VERSION: withDefault(integerInRange(1, 1_000_000), 1),
} satisfies Record<SecretName, SecretField<unknown>>;

/** What each secret becomes once it parsed. */
export type ParsedSecrets = {
  [Name in SecretName]: (typeof SECRET_TABLE)[Name] extends SecretField<infer T> ? T : never;
};

// Spelled with {2} so the bundle never holds a sequence the Deploy CLI would replace.
const UNREPLACED_PLACEHOLDER = /^(@{2}\w+@{2}|#{2}\w+#{2})$/;

/**
 * One secret as Auth0 hands it over: a blank value takes the default (or is `missing`),
 * and a value still shaped like a Deploy CLI keyword was never replaced at deploy.
 */
export function readSecret<T>(raw: unknown, field: SecretField<T>): Parsed<T> {
  if (raw !== undefined && typeof raw !== "string") return { reason: "not_a_string" };
  const text = raw?.trim() ?? "";
  if (text === "") return field.fallback ?? { reason: "missing" };
  if (UNREPLACED_PLACEHOLDER.test(text)) return { reason: "unreplaced_placeholder" };
  return field.parse(text);
}
