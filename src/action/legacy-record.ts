/**
 * Validates the legacy store's answer and takes the two metadata objects out of it at
 * the configured paths. Objects are checked, never copied, so that keys such as
 * `__proto__` stay plain data for the fill plan to refuse.
 */
import * as z from "zod/mini";
import type { Config } from "./config";
import { isPlainObject, ownValue } from "./plain-object";
import type { JsonObject } from "./types";

export type LegacyRecord =
  | { ok: true; userMetadata: JsonObject | undefined; appMetadata: JsonObject | undefined }
  | { ok: false; reason: string };

const plainObject = z.custom<JsonObject>(isPlainObject);
const metadataSchema = z.union([z.undefined(), z.null(), plainObject]);

type PathValue = { found: true; value: unknown } | { found: false };

function valueAtPath(record: JsonObject, path: readonly string[]): PathValue {
  let current: unknown = record;
  for (const segment of path) {
    if (current === undefined || current === null) return { found: true, value: undefined };
    if (!isPlainObject(current)) return { found: false };
    current = ownValue(current, segment);
  }
  return { found: true, value: current };
}

function metadataAt(record: JsonObject, path: readonly string[]): JsonObject | undefined | false {
  const at = valueAtPath(record, path);
  if (!at.found) return false;
  const checked = metadataSchema.safeParse(at.value);
  if (!checked.success) return false;
  return checked.data ?? undefined;
}

export function readLegacyRecord(body: unknown, config: Config): LegacyRecord {
  const record = plainObject.safeParse(body);
  if (!record.success) return { ok: false, reason: "record_not_object" };
  const userMetadata = metadataAt(record.data, config.userMetadataPath);
  if (userMetadata === false) return { ok: false, reason: "user_metadata_not_object" };
  const appMetadata = metadataAt(record.data, config.appMetadataPath);
  if (appMetadata === false) return { ok: false, reason: "app_metadata_not_object" };
  return { ok: true, userMetadata, appMetadata };
}
