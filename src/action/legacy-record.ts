/**
 * Validates the legacy store's answer and takes the two metadata objects out of it: the
 * object at each side's path, or the keys each side's map picks. Objects at a path are
 * checked, never copied, so that keys such as `__proto__` stay plain data for the fill
 * plan to refuse. The legacy API contract (src/shared/legacy-contract.ts) states the
 * same rules as a schema, and a property test holds the two to the same verdicts.
 */
import type { Config } from "./config";
import { mappedMetadata } from "./mapped-metadata";
import type { MetadataSource } from "./metadata-map";
import { isPlainObject, ownValue } from "./plain-object";
import type { JsonObject } from "./types";

export type RecordReason = "record_not_object" | "user_metadata_not_object" | "app_metadata_not_object";

export type LegacyRecord =
  | { ok: true; userMetadata: JsonObject | undefined; appMetadata: JsonObject | undefined }
  | { ok: false; reason: RecordReason };

/** Where a path leads: a metadata object, nothing (absent or null on the way), or something else. */
const NOT_AN_OBJECT = false;

function metadataAt(record: JsonObject, path: readonly string[]): JsonObject | undefined | typeof NOT_AN_OBJECT {
  let current: unknown = record;
  for (const segment of path) {
    if (current === undefined || current === null) return undefined;
    if (!isPlainObject(current)) return NOT_AN_OBJECT;
    current = ownValue(current, segment);
  }
  if (current === undefined || current === null) return undefined;
  return isPlainObject(current) ? current : NOT_AN_OBJECT;
}

function metadataFrom(record: JsonObject, source: MetadataSource): JsonObject | undefined | typeof NOT_AN_OBJECT {
  return "map" in source ? mappedMetadata(record, source.map) : metadataAt(record, source.path);
}

export function readLegacyRecord(body: unknown, config: Config): LegacyRecord {
  if (!isPlainObject(body)) return { ok: false, reason: "record_not_object" };
  const userMetadata = metadataFrom(body, config.userMetadataSource);
  if (userMetadata === NOT_AN_OBJECT) return { ok: false, reason: "user_metadata_not_object" };
  const appMetadata = metadataFrom(body, config.appMetadataSource);
  if (appMetadata === NOT_AN_OBJECT) return { ok: false, reason: "app_metadata_not_object" };
  return { ok: true, userMetadata, appMetadata };
}
