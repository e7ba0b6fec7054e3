/**
 * Plain-language explanations of what went wrong, from the Action's log fields and the
 * configuration. They name secrets, never their values. Each table is typed by the
 * Action's own reason codes, so a new code cannot go unexplained.
 */
import type { AuthKind } from "../../action/auth-method";
import type { Config, ConfigProblem } from "../../action/config";
import type { ConfigReason } from "../../action/config-reason";
import type { AnswerReason, TransportReason } from "../../action/http-failure";
import type { RecordReason } from "../../action/legacy-record";
import type { LogLineFields } from "../log-fields";

const AUTH_SECRETS: Record<AuthKind, string> = {
  bearer: "LEGACY_API_TOKEN",
  basic: "LEGACY_API_BASIC_AUTH",
  header: "LEGACY_API_KEY_HEADER / LEGACY_API_KEY",
  oauth: "LEGACY_OAUTH_CLIENT_ID / LEGACY_OAUTH_CLIENT_SECRET (and LEGACY_OAUTH_AUDIENCE / _SCOPE)",
};

const CONFIG_REASONS: Record<ConfigReason, string> = {
  missing: "is not set",
  not_a_string: "is not a string",
  unreplaced_placeholder: "still holds a Deploy CLI placeholder (@@NAME@@ / ##NAME##)",
  not_a_url: "is not a URL",
  not_https: "must use https: (http: only for localhost / 127.x / [::1])",
  credentials_in_url: "must not carry a user or password in the URL",
  unknown_placeholder: "uses a placeholder other than {email}, {username}, {legacy_id}",
  unbalanced_brace: "has an unbalanced { or }",
  no_placeholder: "has no {email}, {username} or {legacy_id} placeholder",
  has_fragment: "must not contain #",
  placeholder_in_host: "puts a placeholder in the host name",
  invalid_characters: "holds characters an HTTP header cannot carry",
  expected_user_colon_password: "must be user:password",
  invalid_header_name: "is not a valid HTTP header name",
  invalid_key_name: 'lists a key with "." or "$" (or a prototype name)',
  reserved_key: "lists a name Auth0 reserves (or the Action's marker)",
  not_an_integer: "is not a whole number",
  out_of_range: "is out of range",
  invalid_path: "is not a valid dot path (empty segments, or names every object inherits such as toString)",
  invalid_value: "has a value that is not allowed",
  missing_auth: "is not set, and no other legacy API authentication is configured",
  multiple_auth_methods: "configure more than one authentication method; keep exactly one",
};

/** `where` names the legacy store or the token endpoint. */
const TRANSPORT_FAILURES: Record<TransportReason, (where: string, config: Config) => string> = {
  connection_refused: (where) => `Nothing is listening at ${where}: is the URL right, and is it running?`,
  connection_reset: (where) => `The connection to ${where} was closed before it answered.`,
  dns: (where) => `The host name of ${where} does not resolve.`,
  tls: (where) => `TLS to ${where} failed: its certificate is not trusted, expired, or for another name.`,
  timeout: (where, config) =>
    `No answer from ${where} within LEGACY_API_TIMEOUT_MS (${config.timeoutMs} ms, retries included).`,
  network: (where) => `Could not reach ${where} (network).`,
};

/** Completes "The store …" or "The token endpoint …". */
const UNUSABLE_ANSWERS: Record<AnswerReason, string> = {
  not_http: "answered with bytes that are not an HTTP response.",
  not_json: "answered 200 but not with JSON (its Content-Type is not application/json).",
  invalid_json: "answered 200 with a body that is not valid JSON.",
  body_too_large: "answered with more than the 256 kB the Action reads.",
  body_not_utf8: "answered with a body that is not UTF-8 text.",
  body_not_decodable: "answered with a body its Content-Encoding (gzip, br, …) does not decode.",
  redirect_other_origin: "redirected to another origin; the Action does not send credentials there.",
  redirect_invalid_location: "redirected to a Location that is not a URL.",
  redirect_with_credentials: "redirected to a URL carrying a user or password.",
  too_many_redirects: "redirected too many times.",
  invalid_response: "answered without a usable access_token (or with an expires_in that is not a number).",
};

const UNUSABLE_RECORDS: Record<RecordReason, string> = {
  record_not_object: "The store's answer is JSON, but not an object.",
  user_metadata_not_object: "The value at LEGACY_USER_METADATA_PATH in the answer is not an object.",
  app_metadata_not_object: "The value at LEGACY_APP_METADATA_PATH in the answer is not an object.",
};

function isKeyOf<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

export function explainConfigProblem(problem: ConfigProblem): string {
  return `${problem.subject} ${CONFIG_REASONS[problem.reason]}`;
}

function explainLegacyError(reason: string, config: Config, origin: string): string {
  const oauth = reason.startsWith("oauth_");
  const where = oauth ? "the OAuth token endpoint (LEGACY_OAUTH_TOKEN_URL)" : `the legacy store at ${origin}`;
  const code = reason.replace(/^oauth_/, "");
  if (isKeyOf(TRANSPORT_FAILURES, code)) return TRANSPORT_FAILURES[code](where, config);
  const status = /^status_(\d+)$/.exec(code)?.[1];
  if (status) return `HTTP ${status} from ${where}: it is failing or overloaded (retried while time allowed).`;
  return `Could not reach ${where} (${reason}).`;
}

function explainInvalid(reason: string, config: Config): string {
  const status = /^(oauth_)?status_(\d+)$/.exec(reason);
  if (status) {
    const [, oauth, code] = status;
    if (code === "401" || code === "403") {
      return oauth
        ? `The token endpoint refused the client credentials (HTTP ${code}): check ${AUTH_SECRETS.oauth}.`
        : `The legacy store refused the credentials (HTTP ${code}): check ${AUTH_SECRETS[config.auth.kind]}.`;
    }
    return `The ${oauth ? "token endpoint" : "legacy store"} answered HTTP ${code}: check the URL and the request it expects.`;
  }
  if (isKeyOf(UNUSABLE_RECORDS, reason)) return UNUSABLE_RECORDS[reason];
  const oauth = reason.startsWith("oauth_");
  const code = reason.replace(/^oauth_/, "");
  if (isKeyOf(UNUSABLE_ANSWERS, code)) return `${oauth ? "The token endpoint" : "The store"} ${UNUSABLE_ANSWERS[code]}`;
  return `The store's answer could not be used (${reason}).`;
}

/** Undefined when the outcome needs no explanation. */
export function explainOutcome(fields: LogLineFields, config: Config, origin: string): string | undefined {
  const reason = fields.reason ?? "";
  switch (fields.outcome) {
    case "legacy_error":
      return explainLegacyError(reason, config, origin);
    case "invalid_response":
      return explainInvalid(reason, config);
    case "legacy_down":
      return "A recent failure of the store is remembered, so the Action did not call it.";
    case "config_error":
      return reason.startsWith("user_has_no_usable_")
        ? `LEGACY_API_URL needs the user's ${reason.slice("user_has_no_usable_".length)}, which this user has no usable value for.`
        : `The configuration is invalid: ${fields.secret ?? "a secret"} (${reason}).`;
    case "unrepairable":
      return `Auth0 holds this user's ${reason.replace(/_not_object$/, "")} as something that is not an object; the Action cannot add keys to it.`;
    case "internal_error":
      return `The Action hit an unexpected error (${reason}); the login would go on. Please report it.`;
    default:
      return undefined;
  }
}
