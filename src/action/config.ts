/**
 * Turns the Action's secrets (all strings) into a typed configuration, or into the
 * list of every problem found, each naming the secret and a reason code but never the
 * value. The deploy preflight uses the same function, so the rules cannot drift.
 */
import * as z from "zod/mini";
import { isForbiddenKeyName, MARKER_KEY, PROTOTYPE_KEYS, RESERVED_APP_METADATA_KEYS } from "./metadata-rules";
import type { Problem } from "./problem";
import { SECRET_NAMES, type SecretName } from "./secret-names";
import { checkEndpointUrl, checkUrlTemplate, type Placeholder } from "./url-template";

export type LegacyAuth =
  | { kind: "bearer"; token: string }
  | { kind: "basic"; credentials: string }
  | { kind: "header"; name: string; value: string }
  | {
      kind: "oauth";
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      audience?: string;
      scope?: string;
    };

export interface Config {
  urlTemplate: string;
  placeholders: readonly Placeholder[];
  connections: ReadonlySet<string>;
  auth: LegacyAuth;
  requiredUserKeys: readonly string[];
  requiredAppKeys: readonly string[];
  /** `undefined` means every key that is not reserved. */
  allowedAppKeys: ReadonlySet<string> | undefined;
  userMetadataPath: readonly string[];
  appMetadataPath: readonly string[];
  timeoutMs: number;
  onLegacyError: "continue" | "deny";
  repairVersion: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: Problem[] };

type FieldResult<T> = { value: T } | { reason: string };

// Spelled with {2} so the bundle never holds a sequence the Deploy CLI would replace.
const UNREPLACED_PLACEHOLDER = /^(@{2}\w+@{2}|#{2}\w+#{2})$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * A secret as Auth0 hands it over, shared by every field (fewer schemas to build at cold
 * start). A union rather than z.optional, so that the parsed key is not typed as optional.
 */
const RAW_SECRET = z.union([z.string(), z.undefined()], { error: "not_a_string" });

/**
 * One secret: an absent or empty value takes the default (or is `missing` when there is
 * none); a value still shaped like a Deploy CLI keyword was never replaced at deploy.
 */
function secret<T>(parse: (value: string) => FieldResult<T>, fallback?: () => T) {
  return z.pipe(
    RAW_SECRET,
    z.transform((raw: string | undefined, ctx): T => {
      const value = raw?.trim() ?? "";
      const fail = (reason: string): T => {
        ctx.issues.push({ code: "custom", message: reason, input: raw });
        return z.NEVER;
      };
      if (value === "") return fallback ? fallback() : fail("missing");
      if (UNREPLACED_PLACEHOLDER.test(value)) return fail("unreplaced_placeholder");
      const result = parse(value);
      return "value" in result ? result.value : fail(result.reason);
    }),
  );
}

const optional = <T>(parse: (value: string) => FieldResult<T>) => secret<T | undefined>(parse, () => undefined);

const text = (value: string): FieldResult<string> =>
  HEADER_VALUE.test(value) ? { value } : { reason: "invalid_characters" };

function list(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function keyList(value: string): FieldResult<string[]> {
  const keys = list(value);
  return keys.some(isForbiddenKeyName) ? { reason: "invalid_key_name" } : { value: keys };
}

function integerInRange(min: number, max: number) {
  return (value: string): FieldResult<number> => {
    if (!/^\d+$/.test(value)) return { reason: "not_an_integer" };
    const number = Number(value);
    return number >= min && number <= max ? { value: number } : { reason: "out_of_range" };
  };
}

function dotPath(value: string): FieldResult<string[]> {
  const segments = value.split(".");
  const valid = segments.every((segment) => segment !== "" && !PROTOTYPE_KEYS.has(segment));
  return valid ? { value: segments } : { reason: "invalid_path" };
}

const secretsSchema = z.object({
  LEGACY_API_URL: secret((value) => {
    const check = checkUrlTemplate(value);
    return check.ok ? { value: { template: value, placeholders: check.placeholders } } : check;
  }),
  MIGRATION_CONNECTIONS: secret<Set<string>>((value) => {
    const names = list(value);
    return names.length > 0 ? { value: new Set(names) } : { reason: "missing" };
  }),
  LEGACY_API_TOKEN: optional(text),
  LEGACY_API_BASIC_AUTH: optional((value) =>
    value.indexOf(":") > 0 ? text(value) : { reason: "expected_user_colon_password" },
  ),
  LEGACY_API_KEY_HEADER: optional((value) => (HEADER_NAME.test(value) ? { value } : { reason: "invalid_header_name" })),
  LEGACY_API_KEY: optional(text),
  LEGACY_OAUTH_TOKEN_URL: optional((value) => {
    const check = checkEndpointUrl(value);
    return check.ok ? { value } : check;
  }),
  LEGACY_OAUTH_CLIENT_ID: optional((value) => ({ value })),
  LEGACY_OAUTH_CLIENT_SECRET: optional((value) => ({ value })),
  LEGACY_OAUTH_AUDIENCE: optional((value) => ({ value })),
  LEGACY_OAUTH_SCOPE: optional((value) => ({ value })),
  REQUIRED_USER_METADATA_KEYS: secret(keyList, () => []),
  REQUIRED_APP_METADATA_KEYS: secret(keyList, () => []),
  APP_METADATA_ALLOWED_KEYS: secret<Set<string> | undefined>(
    (value) => {
      if (value === "*") return { value: undefined };
      const keys = keyList(value);
      if (!("value" in keys)) return keys;
      if (keys.value.some((key) => RESERVED_APP_METADATA_KEYS.has(key) || key === MARKER_KEY)) {
        return { reason: "reserved_key" };
      }
      return { value: new Set(keys.value) };
    },
    () => undefined,
  ),
  LEGACY_USER_METADATA_PATH: secret(dotPath, () => ["user_metadata"]),
  LEGACY_APP_METADATA_PATH: secret(dotPath, () => ["app_metadata"]),
  LEGACY_API_TIMEOUT_MS: secret(integerInRange(100, 10_000), () => 4000),
  ON_LEGACY_ERROR: secret<"continue" | "deny">(
    (value) => (value === "continue" || value === "deny" ? { value } : { reason: "invalid_value" }),
    () => "continue",
  ),
  REPAIR_VERSION: secret(integerInRange(1, 1_000_000), () => 1),
});

type ParsedSecrets = z.output<typeof secretsSchema>;

const AUTH_METHODS = {
  bearer: ["LEGACY_API_TOKEN"],
  basic: ["LEGACY_API_BASIC_AUTH"],
  header: ["LEGACY_API_KEY_HEADER", "LEGACY_API_KEY"],
  oauth: [
    "LEGACY_OAUTH_TOKEN_URL",
    "LEGACY_OAUTH_CLIENT_ID",
    "LEGACY_OAUTH_CLIENT_SECRET",
    "LEGACY_OAUTH_AUDIENCE",
    "LEGACY_OAUTH_SCOPE",
  ],
} as const satisfies Record<LegacyAuth["kind"], readonly SecretName[]>;

/** What each method cannot work without (audience and scope are optional). */
const AUTH_REQUIRED: Record<LegacyAuth["kind"], readonly SecretName[]> = {
  ...AUTH_METHODS,
  oauth: ["LEGACY_OAUTH_TOKEN_URL", "LEGACY_OAUTH_CLIENT_ID", "LEGACY_OAUTH_CLIENT_SECRET"],
};

type Secrets = Readonly<Record<string, string | undefined>>;

const isSet = (secrets: Secrets, name: string) => (secrets[name]?.trim() ?? "") !== "";

/**
 * The method the secrets choose, judged on which are set rather than on their parsed
 * values, so that a missing or conflicting method is reported with the other problems.
 */
function chooseAuth(secrets: Secrets): { kind: LegacyAuth["kind"] } | Problem {
  const kinds = Object.keys(AUTH_METHODS) as LegacyAuth["kind"][];
  const chosen = kinds.filter((kind) => AUTH_METHODS[kind].some((name) => isSet(secrets, name)));
  const [kind] = chosen;
  if (kind === undefined) return { subject: "LEGACY_API_TOKEN", reason: "missing_auth" };
  if (chosen.length > 1) {
    const named = chosen.flatMap((each) => AUTH_METHODS[each].filter((name) => isSet(secrets, name)));
    return { subject: named.join("+"), reason: "multiple_auth_methods" };
  }
  const absent = AUTH_REQUIRED[kind].find((name) => !isSet(secrets, name));
  return absent ? { subject: absent, reason: "missing" } : { kind };
}

/** Called only once every secret parsed, so each one the chosen method requires is a string. */
function buildAuth(kind: LegacyAuth["kind"], s: ParsedSecrets): LegacyAuth {
  const text = (value: string | undefined) => value ?? "";
  switch (kind) {
    case "bearer":
      return { kind, token: text(s.LEGACY_API_TOKEN) };
    case "basic":
      return { kind, credentials: text(s.LEGACY_API_BASIC_AUTH) };
    case "header":
      return { kind, name: text(s.LEGACY_API_KEY_HEADER), value: text(s.LEGACY_API_KEY) };
    case "oauth":
      return {
        kind,
        tokenUrl: text(s.LEGACY_OAUTH_TOKEN_URL),
        clientId: text(s.LEGACY_OAUTH_CLIENT_ID),
        clientSecret: text(s.LEGACY_OAUTH_CLIENT_SECRET),
        audience: s.LEGACY_OAUTH_AUDIENCE,
        scope: s.LEGACY_OAUTH_SCOPE,
      };
  }
}

/** Validates the secrets and reports every problem at once (the deploy lists them all). */
export function parseConfig(secrets: Secrets): ConfigResult {
  const input: Record<string, unknown> = {};
  for (const name of SECRET_NAMES) input[name] = secrets[name];
  const parsed = secretsSchema.safeParse(input);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ subject: String(issue.path[0] ?? "secrets"), reason: issue.message }));
  const auth = chooseAuth(secrets);
  if ("reason" in auth) problems.push(auth);
  if (!parsed.success || "reason" in auth) return { ok: false, problems };
  const s = parsed.data;
  return {
    ok: true,
    config: {
      urlTemplate: s.LEGACY_API_URL.template,
      placeholders: s.LEGACY_API_URL.placeholders,
      connections: s.MIGRATION_CONNECTIONS,
      auth: buildAuth(auth.kind, s),
      requiredUserKeys: s.REQUIRED_USER_METADATA_KEYS,
      requiredAppKeys: s.REQUIRED_APP_METADATA_KEYS.filter((key) => key !== MARKER_KEY),
      allowedAppKeys: s.APP_METADATA_ALLOWED_KEYS,
      userMetadataPath: s.LEGACY_USER_METADATA_PATH,
      appMetadataPath: s.LEGACY_APP_METADATA_PATH,
      timeoutMs: s.LEGACY_API_TIMEOUT_MS,
      onLegacyError: s.ON_LEGACY_ERROR,
      repairVersion: s.REPAIR_VERSION,
    },
  };
}

let cachedKey: string | undefined;
let cachedResult: ConfigResult | undefined;

/**
 * Auth0 reuses module state between executions on one instance, so the secrets are
 * parsed once per distinct set; the key is the values themselves, kept only in memory.
 */
export function configFromSecrets(secrets: Secrets): ConfigResult {
  let key = "";
  for (const name of SECRET_NAMES) key += `${secrets[name] ?? ""}\u0000`;
  if (key !== cachedKey || cachedResult === undefined) {
    cachedResult = parseConfig(secrets);
    cachedKey = key;
  }
  return cachedResult;
}
