/**
 * Plain-language explanations of what went wrong, from the Action's log fields and the
 * configuration. They name secrets, never their values.
 */
import type { Config } from "../../action/config";
import { AUTH_SECRETS } from "../../shared/legacy-auth-secrets";
import type { LogLineFields } from "../log-fields";

/** The template was validated as a URL once its placeholders are filled. */
export function storeOrigin(config: Config): string {
  return new URL(config.urlTemplate.replace(/\{[a-z_]+\}/g, "x")).origin;
}

function explainLegacyError(reason: string, config: Config, origin: string): string {
  const oauth = reason.startsWith("oauth_");
  const where = oauth ? "the OAuth token endpoint (LEGACY_OAUTH_TOKEN_URL)" : `the legacy store at ${origin}`;
  const code = reason.replace(/^oauth_/, "");
  if (code === "connection_refused") return `Nothing is listening at ${where}: is the URL right, and is it running?`;
  if (code === "connection_reset") return `The connection to ${where} was closed before it answered.`;
  if (code === "dns") return `The host name of ${where} does not resolve.`;
  if (code === "tls") return `TLS to ${where} failed: its certificate is not trusted, expired, or for another name.`;
  if (code === "timeout") {
    return `No answer from ${where} within LEGACY_API_TIMEOUT_MS (${config.timeoutMs} ms, retries included).`;
  }
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
  const explanations: Record<string, string> = {
    not_json: "The store answered 200 but not with JSON (its Content-Type is not application/json).",
    invalid_json: "The store answered 200 with a body that is not valid JSON.",
    body_too_large: "The store's answer is larger than the 256 kB the Action reads.",
    body_not_utf8: "The store's answer is not UTF-8 text.",
    record_not_object: "The store's answer is JSON, but not an object.",
    user_metadata_not_object: "The value at LEGACY_USER_METADATA_PATH in the answer is not an object.",
    app_metadata_not_object: "The value at LEGACY_APP_METADATA_PATH in the answer is not an object.",
    redirect_other_origin: "The store redirected to another origin; the Action does not send credentials there.",
    too_many_redirects: "The store redirected too many times.",
    oauth_invalid_response: "The token endpoint's answer has no usable access_token.",
  };
  return explanations[reason] ?? `The store's answer could not be used (${reason}).`;
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
