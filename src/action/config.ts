/**
 * Turns the Action's secrets (all strings) into a typed configuration, or into the list
 * of every problem found, each naming the secret and a reason code but never the value.
 * The deploy preflight, `try` and the tools use this same function, so the rules cannot
 * drift.
 */
import { type AuthKind, buildAuth, chooseAuth, type LegacyAuth } from "./auth-method";
import type { ConfigReason } from "./config-reason";
import type { MetadataMap, MetadataSource } from "./metadata-map";
import { MARKER_KEY } from "./metadata-rules";
import type { Problem } from "./problem";
import { SECRET_NAMES, type SecretName } from "./secret-names";
import { isSecretSet, type ParsedSecrets, readSecret, SECRET_TABLE, type SecretField } from "./secret-table";
import type { Placeholder } from "./url-template";

export interface Config {
  urlTemplate: string;
  placeholders: readonly Placeholder[];
  connections: ReadonlySet<string>;
  auth: LegacyAuth;
  requiredUserKeys: readonly string[];
  requiredAppKeys: readonly string[];
  /** `undefined` means every key that is not reserved. */
  allowedAppKeys: ReadonlySet<string> | undefined;
  userMetadataSource: MetadataSource;
  appMetadataSource: MetadataSource;
  timeoutMs: number;
  onLegacyError: "continue" | "deny";
  repairVersion: number;
}

export type ConfigProblem = Problem<ConfigReason>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

export type Secrets = Readonly<Record<string, string | undefined>>;

/** A side with a map is built from the map alone. */
const metadataSource = (map: MetadataMap | undefined, path: readonly string[]): MetadataSource =>
  map ? { map } : { path };

/**
 * The secrets that decide whether a login needs the legacy store at all. Almost every login
 * needs nothing, so on an instance's first login only these are parsed; the others (URL
 * template, credentials, maps) are parsed once a login needs the store.
 */
const DETECTION_SECRETS = [
  "MIGRATION_CONNECTIONS",
  "REQUIRED_USER_METADATA_KEYS",
  "REQUIRED_APP_METADATA_KEYS",
  "REPAIR_VERSION",
] as const satisfies readonly SecretName[];

export type DetectionConfig = Pick<Config, "connections" | "requiredUserKeys" | "requiredAppKeys" | "repairVersion">;

function detectionOf(s: Pick<ParsedSecrets, (typeof DETECTION_SECRETS)[number]>): DetectionConfig {
  return {
    connections: s.MIGRATION_CONNECTIONS,
    requiredUserKeys: s.REQUIRED_USER_METADATA_KEYS,
    // The marker is this Action's own key: it never makes app_metadata complete.
    requiredAppKeys: s.REQUIRED_APP_METADATA_KEYS.filter((key) => key !== MARKER_KEY),
    repairVersion: s.REPAIR_VERSION,
  };
}

function configOf(s: ParsedSecrets, authKind: AuthKind): Config {
  return {
    ...detectionOf(s),
    urlTemplate: s.LEGACY_API_URL.template,
    placeholders: s.LEGACY_API_URL.placeholders,
    auth: buildAuth(authKind, s),
    allowedAppKeys: s.APP_METADATA_ALLOWED_KEYS,
    userMetadataSource: metadataSource(s.LEGACY_USER_METADATA_MAP, s.LEGACY_USER_METADATA_PATH),
    appMetadataSource: metadataSource(s.LEGACY_APP_METADATA_MAP, s.LEGACY_APP_METADATA_PATH),
    timeoutMs: s.LEGACY_API_TIMEOUT_MS,
    onLegacyError: s.ON_LEGACY_ERROR,
  };
}

const METADATA_SIDES = ["USER", "APP"] as const;

/** Each named secret's value, or its problem added to `problems`. */
function readSecrets(secrets: Secrets, names: readonly SecretName[], problems: ConfigProblem[]) {
  const parsed: Partial<Record<SecretName, unknown>> = {};
  for (const name of names) {
    const field: SecretField<unknown> = SECRET_TABLE[name];
    const result = readSecret(secrets[name], field);
    if ("value" in result) parsed[name] = result.value;
    else problems.push({ subject: name, reason: result.reason });
  }
  return parsed;
}

/** `undefined` when one of those secrets is wrong: parseConfig then lists every problem. */
export function parseDetectionConfig(secrets: Secrets): DetectionConfig | undefined {
  const problems: ConfigProblem[] = [];
  const parsed = readSecrets(secrets, DETECTION_SECRETS, problems);
  // Every name of DETECTION_SECRETS holds its parser's value here when none failed.
  return problems.length > 0 ? undefined : detectionOf(parsed as ParsedSecrets);
}

/** Validates the secrets and reports every problem at once (the deploy lists them all). */
export function parseConfig(secrets: Secrets): ConfigResult {
  const problems: ConfigProblem[] = [];
  const parsed = readSecrets(secrets, SECRET_NAMES, problems);
  // A side is read through its map or at its path: with both set, which one wins would be a guess.
  for (const side of METADATA_SIDES) {
    const map = `LEGACY_${side}_METADATA_MAP` as const satisfies SecretName;
    const path = `LEGACY_${side}_METADATA_PATH` as const satisfies SecretName;
    if (isSecretSet(secrets, map) && isSecretSet(secrets, path)) {
      problems.push({ subject: map, reason: "map_and_path_both_set" });
    }
  }
  const auth = chooseAuth(secrets);
  if ("reason" in auth) problems.push(auth);
  if (problems.length > 0 || "reason" in auth) return { ok: false, problems };
  // Every name of SECRET_TABLE holds its parser's value here: none failed.
  return { ok: true, config: configOf(parsed as ParsedSecrets, auth.kind) };
}
