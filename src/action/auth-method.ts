/**
 * Which of the four ways to call the legacy API the secrets choose, and the credentials
 * it carries. Exactly one method may be configured.
 */
import type { ConfigReason } from "./config-reason";
import type { Problem } from "./problem";
import type { SecretName } from "./secret-names";
import { isSecretSet as isSet, type ParsedSecrets } from "./secret-table";

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

export type AuthKind = LegacyAuth["kind"];

/** The secrets that belong to each method; any of them set chooses it. */
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
} as const satisfies Record<AuthKind, readonly SecretName[]>;

/** What each method cannot work without (audience and scope are optional). */
const AUTH_REQUIRED: Record<AuthKind, readonly SecretName[]> = {
  ...AUTH_METHODS,
  oauth: AUTH_METHODS.oauth.slice(0, 3),
};

const AUTH_KINDS: readonly AuthKind[] = ["bearer", "basic", "header", "oauth"];

type Secrets = Readonly<Record<string, unknown>>;

/**
 * The method the secrets choose, judged on which are set rather than on their parsed
 * values, so that a missing or conflicting method is reported with the other problems.
 */
export function chooseAuth(secrets: Secrets): { kind: AuthKind } | Problem<ConfigReason> {
  const chosen: AuthKind[] = [];
  const named: SecretName[] = [];
  for (const kind of AUTH_KINDS) {
    let used = false;
    for (const name of AUTH_METHODS[kind]) {
      if (!isSet(secrets, name)) continue;
      named.push(name);
      used = true;
    }
    if (used) chosen.push(kind);
  }
  const [kind] = chosen;
  if (kind === undefined) return { subject: "LEGACY_API_TOKEN", reason: "missing_auth" };
  if (chosen.length > 1) return { subject: named.join("+"), reason: "multiple_auth_methods" };
  for (const name of AUTH_REQUIRED[kind]) if (!isSet(secrets, name)) return { subject: name, reason: "missing" };
  return { kind };
}

/**
 * The credentials of each method, from secrets that all parsed; each one the method
 * requires is then a string. One small function per method: V8 compiles only the one
 * an instance uses.
 */
const AUTH_BUILDERS: { [Kind in AuthKind]: (s: ParsedSecrets) => Extract<LegacyAuth, { kind: Kind }> } = {
  bearer: (s) => ({ kind: "bearer", token: s.LEGACY_API_TOKEN ?? "" }),
  basic: (s) => ({ kind: "basic", credentials: s.LEGACY_API_BASIC_AUTH ?? "" }),
  header: (s) => ({ kind: "header", name: s.LEGACY_API_KEY_HEADER ?? "", value: s.LEGACY_API_KEY ?? "" }),
  oauth: (s) => ({
    kind: "oauth",
    tokenUrl: s.LEGACY_OAUTH_TOKEN_URL ?? "",
    clientId: s.LEGACY_OAUTH_CLIENT_ID ?? "",
    clientSecret: s.LEGACY_OAUTH_CLIENT_SECRET ?? "",
    audience: s.LEGACY_OAUTH_AUDIENCE,
    scope: s.LEGACY_OAUTH_SCOPE,
  }),
};

export function buildAuth(kind: AuthKind, s: ParsedSecrets): LegacyAuth {
  return AUTH_BUILDERS[kind](s);
}
