/**
 * Plain-language explanations of what went wrong, from the Action's log fields and the
 * configuration. They name secrets, never their values. Each table is typed by the
 * Action's own reason codes, so a new code cannot go unexplained.
 */
import type { Config } from "../../action/config";
import type { AnswerReason, TransportReason } from "../../action/http-failure";
import type { RecordReason } from "../../action/legacy-record";
import { AUTH_SECRETS } from "../../shared/legacy-auth-secrets";
import type { LogLineFields } from "../log-fields";

/** The template was validated as a URL once its placeholders are filled. */
export function storeOrigin(config: Config): string {
  return new URL(config.urlTemplate.replace(/\{[a-z_]+\}/g, "x")).origin;
}

/** `where` names the legacy store or the token endpoint. */
export const TRANSPORT_FAILURES: Record<TransportReason, (where: string, config: Config) => string> = {
  connection_refused: (where) => `Nothing is listening at ${where}: is the URL right, and is it running?`,
  connection_reset: (where) => `The connection to ${where} was closed before it answered.`,
  dns: (where) => `The host name of ${where} does not resolve.`,
  tls: (where) => `TLS to ${where} failed: its certificate is not trusted, expired, or for another name.`,
  timeout: (where, config) =>
    `No answer from ${where} within LEGACY_API_TIMEOUT_MS (${config.timeoutMs} ms, retries included).`,
  network: (where) => `Could not reach ${where} (network).`,
};

/** Completes "The store …" or "The token endpoint …". */
export const UNUSABLE_ANSWERS: Record<AnswerReason, string> = {
  not_http: "answered with bytes that are not an HTTP response.",
  not_json: "answered 200 but not with JSON (its Content-Type is not application/json).",
  invalid_json: "answered 200 with a body that is not valid JSON.",
  json_too_deep: "answered 200 with JSON nested more than 256 levels deep, which the Action does not parse.",
  body_too_large: "answered with more than the 256 kB the Action reads.",
  body_not_utf8: "answered with a body that is not UTF-8 text.",
  body_not_decodable: "answered with a body its Content-Encoding (gzip, br, …) does not decode.",
  redirect_other_origin: "redirected to another origin; the Action does not send credentials there.",
  redirect_invalid_location: "redirected to a Location that is not a URL.",
  redirect_with_credentials: "redirected to a URL carrying a user or password.",
  too_many_redirects: "redirected too many times.",
  invalid_response: "answered without a usable access_token (or with an expires_in that is not a number).",
};

export const UNUSABLE_RECORDS: Record<RecordReason, string> = {
  record_not_object: "The store's answer is JSON, but not an object.",
  user_metadata_not_object: "The value at LEGACY_USER_METADATA_PATH in the answer is not an object.",
  app_metadata_not_object: "The value at LEGACY_APP_METADATA_PATH in the answer is not an object.",
};

function isKeyOf<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
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
