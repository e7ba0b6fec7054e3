/**
 * A metadata map (LEGACY_USER_METADATA_MAP, LEGACY_APP_METADATA_MAP): a JSON object whose
 * keys are the metadata keys to fill and whose values are dot paths into the legacy
 * record. Everything a map could get wrong is refused here, once per configuration, so
 * that reading a record through it (mapped-metadata.ts) has nothing left to judge.
 */
import { objectKeys } from "./builtins";
import type { ConfigReason } from "./config-reason";
import { isForbiddenKeyName, MARKER_KEY, RESERVED_APP_METADATA_KEYS } from "./metadata-rules";
import { isPlainObject } from "./plain-object";
import { dotPath, type Parsed, type SecretParser } from "./secret-parsers";

/** One metadata key and the path in the record its value is read at. */
export interface MapEntry {
  key: string;
  path: readonly string[];
}

export type MetadataMap = readonly MapEntry[];

/** Where one metadata object comes from: the object at a path, or the keys a map picks. */
export type MetadataSource = { path: readonly string[] } | { map: MetadataMap };

function targetProblem(key: string, app: boolean): ConfigReason | undefined {
  if (isForbiddenKeyName(key)) return "invalid_key_name";
  // Only this Action writes the marker, and Auth0 owns its reserved names.
  if (app && (key === MARKER_KEY || RESERVED_APP_METADATA_KEYS.has(key))) return "reserved_key";
  return undefined;
}

function parseMap(text: string, app: boolean): Parsed<MetadataMap> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reason: "not_json" };
  }
  if (!isPlainObject(parsed)) return { reason: "not_an_object" };
  const entries: MapEntry[] = [];
  for (const key of objectKeys(parsed)) {
    const reason = targetProblem(key, app);
    if (reason) return { reason };
    const source = parsed[key];
    const path = typeof source === "string" ? dotPath(source) : { reason: "invalid_path" as const };
    if (!("value" in path)) return path;
    entries.push({ key, path: path.value });
  }
  return entries.length > 0 ? { value: entries } : { reason: "empty_map" };
}

export const userMetadataMap: SecretParser<MetadataMap> = (text) => parseMap(text, false);
export const appMetadataMap: SecretParser<MetadataMap> = (text) => parseMap(text, true);
