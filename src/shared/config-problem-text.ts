/**
 * A configuration problem (a secret and a reason code) in plain words, naming the secret
 * and never its value: `try` prints it for the local configuration, `smoke` for the one
 * the Action reported from inside Auth0. Typed by the Action's own reason codes, so a new
 * code cannot go unexplained.
 */
import type { ConfigReason } from "../action/config-reason";
import type { Problem } from "../action/problem";
import { REPAIR_VERSION_RANGE, TIMEOUT_MS_RANGE } from "../action/secret-table";
import { MAX_SECRET_VALUE_LENGTH } from "./auth0-limits";

export const CONFIG_REASONS: Readonly<Record<ConfigReason, string>> = {
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
  invalid_key_name: 'names a metadata key with "." or "$" (or NUL, or a prototype name)',
  reserved_key: "names an app_metadata key Auth0 reserves (or the Action's marker)",
  not_an_integer: "is not a whole number",
  out_of_range: `is out of range (LEGACY_API_TIMEOUT_MS: ${TIMEOUT_MS_RANGE[0]} to ${TIMEOUT_MS_RANGE[1]}; REPAIR_VERSION: ${REPAIR_VERSION_RANGE[0]} to ${REPAIR_VERSION_RANGE[1]})`,
  invalid_path:
    "is not a valid dot path, or maps a key to one (not a string, empty segments, or names every object inherits such as toString)",
  invalid_value: "must be continue or deny",
  missing_auth: "is not set, and no other legacy API authentication is configured",
  multiple_auth_methods: "configure more than one authentication method; keep exactly one",
  too_long: `is longer than the ${MAX_SECRET_VALUE_LENGTH} characters Auth0 stores in a secret`,
  not_json: "is not JSON",
  not_an_object: 'is not a JSON object ({"<metadata key>": "<dot path>"})',
  empty_map: "maps no key: a map needs at least one",
  map_and_path_both_set: "is set together with the *_PATH secret of the same metadata; set one of the two",
};

function isConfigReason(reason: string): reason is ConfigReason {
  return Object.hasOwn(CONFIG_REASONS, reason);
}

/** A reason read back from a log line may be any text: an unknown code is shown as it is. */
export function explainConfigProblem(problem: Problem): string {
  const { reason } = problem;
  return `${problem.subject} ${isConfigReason(reason) ? CONFIG_REASONS[reason] : `is invalid (${reason})`}`;
}
