/**
 * The marker `app_metadata.legacy_metadata_repair = {v, status, at}` records that this
 * user's legacy record was checked for the configured REPAIR_VERSION.
 */

import { digitsValue } from "./digits";
import { MARKER_KEY } from "./metadata-rules";
import { isPlainObject, ownValue } from "./plain-object";
import type { JsonObject } from "./types";

export type MarkerStatus = "repaired" | "not_found";

export interface Marker {
  v: number;
  status: MarkerStatus;
  at: string;
}

/**
 * The marker's version: a number as this Action writes it, or a string of digits as a
 * person editing app_metadata in the dashboard would type it.
 */
function markerVersion(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  return digitsValue(value.trim());
}

/**
 * The marker when it is of this version or a newer one (an operator rolling
 * REPAIR_VERSION back should not re-check everyone): the user was already handled.
 */
export function currentMarker(appMetadata: unknown, repairVersion: number): JsonObject | undefined {
  if (!isPlainObject(appMetadata)) return undefined;
  const marker = ownValue(appMetadata, MARKER_KEY);
  if (!isPlainObject(marker)) return undefined;
  const version = markerVersion(ownValue(marker, "v"));
  return version !== undefined && version >= repairVersion ? marker : undefined;
}

export function buildMarker(repairVersion: number, status: MarkerStatus, now: Date): Marker {
  return { v: repairVersion, status, at: now.toISOString() };
}
