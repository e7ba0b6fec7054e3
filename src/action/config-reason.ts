import type { UrlReason } from "./url-template";

/**
 * Why a secret (or the set of them) cannot be used: the `reason=` of a config_error log
 * line and of every problem the deploy, `try` and the tools list. Tables that explain
 * these are typed `Record<ConfigReason, string>`, so a new code cannot go unexplained.
 */
export type ConfigReason =
  | UrlReason
  | "missing"
  | "not_a_string"
  | "unreplaced_placeholder"
  | "invalid_characters"
  | "expected_user_colon_password"
  | "invalid_header_name"
  | "invalid_key_name"
  | "reserved_key"
  | "not_an_integer"
  | "out_of_range"
  | "invalid_path"
  | "invalid_value"
  | "missing_auth"
  | "multiple_auth_methods"
  | "too_long"
  | "not_json"
  | "not_an_object"
  | "empty_map"
  | "map_and_path_both_set";
