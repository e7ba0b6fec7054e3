/**
 * Every secret the Action reads, the parser its text goes through and its default: the
 * declarative reading a schema gives, in plain functions (nothing in the bundle but our
 * own code). A secret without a default is required. The rows are in the order the
 * README documents them, which is the order problems are listed in. To add a secret:
 * give it a row here and a field in Config (config.ts).
 */

import { appMetadataMap, userMetadataMap } from "./metadata-map";
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

const ON_LEGACY_ERROR_CHOICES = ["continue", "deny"] as const;

export interface SecretField<T> {
  parse: SecretParser<T>;
  /** Taken when the secret is absent or blank; without it the secret is `missing`. */
  fallback?: { value: T };
}

/** An optional secret: unset is a value of its own. */
const UNSET = { value: undefined };
const optional = <T>(parse: SecretParser<T>): SecretField<T | undefined> => ({ parse, fallback: UNSET });
const orDefault = <T>(parse: SecretParser<T>, value: T): SecretField<T> => ({ parse, fallback: { value } });

/** A whole-number secret's [lowest, highest, default]; the help texts quote them from here. */
export type WholeNumberRange = readonly [min: number, max: number, fallback: number];
export const TIMEOUT_MS_RANGE: WholeNumberRange = [100, 10_000, 4000];
export const REPAIR_VERSION_RANGE: WholeNumberRange = [1, 1_000_000, 1];

const wholeNumberIn = ([min, max, fallback]: WholeNumberRange) =>
  orDefault((text) => integerInRange(text, min, max), fallback);

export const SECRET_TABLE = {
  LEGACY_API_URL: { parse: urlTemplate },
  MIGRATION_CONNECTIONS: { parse: nameSet },
  LEGACY_API_TOKEN: optional(headerValue),
  LEGACY_API_BASIC_AUTH: optional(basicCredentials),
  LEGACY_API_KEY_HEADER: optional(headerName),
  LEGACY_API_KEY: optional(headerValue),
  LEGACY_OAUTH_TOKEN_URL: optional(endpointUrl),
  LEGACY_OAUTH_CLIENT_ID: optional(anyText),
  LEGACY_OAUTH_CLIENT_SECRET: optional(anyText),
  LEGACY_OAUTH_AUDIENCE: optional(anyText),
  LEGACY_OAUTH_SCOPE: optional(anyText),
  REQUIRED_USER_METADATA_KEYS: orDefault(keyList, []),
  REQUIRED_APP_METADATA_KEYS: orDefault(keyList, []),
  APP_METADATA_ALLOWED_KEYS: optional(allowedAppKeys),
  LEGACY_USER_METADATA_PATH: orDefault(dotPath, ["user_metadata"]),
  LEGACY_APP_METADATA_PATH: orDefault(dotPath, ["app_metadata"]),
  LEGACY_USER_METADATA_MAP: optional(userMetadataMap),
  LEGACY_APP_METADATA_MAP: optional(appMetadataMap),
  LEGACY_API_TIMEOUT_MS: wholeNumberIn(TIMEOUT_MS_RANGE),
  ON_LEGACY_ERROR: orDefault((text) => oneOf(text, ON_LEGACY_ERROR_CHOICES), ON_LEGACY_ERROR_CHOICES[0]),
  REPAIR_VERSION: wholeNumberIn(REPAIR_VERSION_RANGE),
} satisfies Record<string, SecretField<unknown>>;

/** Every secret the Action reads. */
export type SecretName = keyof typeof SECRET_TABLE;

/** What each secret becomes once it parsed. */
export type ParsedSecrets = {
  [Name in SecretName]: (typeof SECRET_TABLE)[Name] extends SecretField<infer T> ? T : never;
};

/** Auth0 stores at most this many characters in one secret (Actions limitations). */
export const MAX_SECRET_VALUE_LENGTH = 4096;

// Spelled with {2} so the bundle never holds a sequence the Deploy CLI would replace.
const UNREPLACED_PLACEHOLDER = /^(@{2}\w+@{2}|#{2}\w+#{2})$/;

const AT_SIGN = 0x40;
const NUMBER_SIGN = 0x23;

/** Set to something other than blanks: what chooses an auth method, or says two secrets conflict. */
export function isSecretSet(secrets: Readonly<Record<string, unknown>>, name: string): boolean {
  const value = secrets[name];
  return typeof value === "string" && value.trim() !== "";
}

/**
 * One secret as Auth0 hands it over: a blank value takes the default (or is `missing`),
 * and a value still shaped like a Deploy CLI keyword was never replaced at deploy. A
 * value longer than Auth0 stores cannot be what the tenant holds: it is refused whole.
 */
export function readSecret<T>(raw: unknown, field: SecretField<T>): Parsed<T> {
  if (raw !== undefined) {
    if (typeof raw !== "string") return { reason: "not_a_string" };
    if (raw.length > MAX_SECRET_VALUE_LENGTH) return { reason: "too_long" };
  }
  const text = raw?.trim() ?? "";
  if (text === "") return field.fallback ?? { reason: "missing" };
  // The pattern runs only when the first character calls for it: a regular expression
  // costs its compilation on an instance's first login.
  const first = text.charCodeAt(0);
  if ((first === AT_SIGN || first === NUMBER_SIGN) && UNREPLACED_PLACEHOLDER.test(text)) {
    return { reason: "unreplaced_placeholder" };
  }
  return field.parse(text);
}
