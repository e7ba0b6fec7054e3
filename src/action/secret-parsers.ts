/**
 * How the text of one secret becomes a value. Each parser receives the trimmed,
 * non-empty text and returns the value or the reason it is refused; the table in
 * secret-table.ts pairs every secret with one of them.
 */
import { OBJECT_PROTOTYPE } from "./builtins";
import type { ConfigReason } from "./config-reason";
import { digitsValue } from "./digits";
import { isForbiddenKeyName, MARKER_KEY, PROTOTYPE_KEYS, RESERVED_APP_METADATA_KEYS } from "./metadata-rules";
import { checkEndpointUrl, checkUrlTemplate, type Placeholder } from "./url-template";

export type Parsed<T> = { value: T } | { reason: ConfigReason };
export type SecretParser<T> = (text: string) => Parsed<T>;

export interface UrlTemplate {
  template: string;
  placeholders: readonly Placeholder[];
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const anyText: SecretParser<string> = (text) => ({ value: text });

/**
 * Text sent in a request header: tab, visible ASCII, space and obs-text (RFC 9110
 * field-value); a line break or another control character would split or break it. A
 * loop rather than a regular expression: a token is read on an instance's first login,
 * where a compilation shows.
 */
export const headerValue: SecretParser<string> = (text) => {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09) || unit === 0x7f || unit > 0xff) return { reason: "invalid_characters" };
  }
  return { value: text };
};

export const headerName: SecretParser<string> = (text) =>
  HEADER_NAME.test(text) ? { value: text } : { reason: "invalid_header_name" };

export const basicCredentials: SecretParser<string> = (text) =>
  text.indexOf(":") > 0 ? headerValue(text) : { reason: "expected_user_colon_password" };

export const endpointUrl: SecretParser<string> = (text) => {
  const check = checkEndpointUrl(text);
  return check.ok ? { value: text } : { reason: check.reason };
};

export const urlTemplate: SecretParser<UrlTemplate> = (text) => {
  const check = checkUrlTemplate(text);
  return check.ok ? { value: { template: text, placeholders: check.placeholders } } : { reason: check.reason };
};

function commaList(text: string): string[] {
  const items: string[] = [];
  for (const item of text.split(",")) {
    const trimmed = item.trim();
    if (trimmed !== "") items.push(trimmed);
  }
  return items;
}

/** At least one name: a list of nothing but commas configures nothing. */
export const nameSet: SecretParser<ReadonlySet<string>> = (text) => {
  const names = commaList(text);
  return names.length > 0 ? { value: new Set(names) } : { reason: "missing" };
};

export const keyList: SecretParser<readonly string[]> = (text) => {
  const keys = commaList(text);
  return keys.some(isForbiddenKeyName) ? { reason: "invalid_key_name" } : { value: keys };
};

/** `*` (every key that is not reserved) is `undefined`; a list may not name what Auth0 or the marker owns. */
export const allowedAppKeys: SecretParser<ReadonlySet<string> | undefined> = (text) => {
  if (text === "*") return { value: undefined };
  const keys = keyList(text);
  if (!("value" in keys)) return keys;
  if (keys.value.some((key) => RESERVED_APP_METADATA_KEYS.has(key) || key === MARKER_KEY)) {
    return { reason: "reserved_key" };
  }
  return { value: new Set(keys.value) };
};

/**
 * Segments of a dot path into the legacy JSON. A name every object inherits (`toString`,
 * `constructor`, …) is refused: absent and inherited would read alike to most JSON
 * readers, the legacy API contract's schema among them.
 */
export const dotPath: SecretParser<readonly string[]> = (text) => {
  const segments = text.split(".");
  const valid = segments.every(
    (segment) => segment !== "" && !PROTOTYPE_KEYS.has(segment) && !(segment in OBJECT_PROTOTYPE),
  );
  return valid ? { value: segments } : { reason: "invalid_path" };
};

export function integerInRange(text: string, min: number, max: number): Parsed<number> {
  const number = digitsValue(text);
  if (number === undefined) return { reason: "not_an_integer" };
  return number >= min && number <= max ? { value: number } : { reason: "out_of_range" };
}

export function oneOf<T extends string>(text: string, choices: readonly T[]): Parsed<T> {
  const choice = choices.find((candidate) => candidate === text);
  return choice === undefined ? { reason: "invalid_value" } : { value: choice };
}
