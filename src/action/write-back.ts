/**
 * Applies a fill plan through the Actions API: one call per key, then the marker. Auth0
 * defers these writes and persists them together when the flow ends.
 */
import type { MetadataSide } from "./detect";
import type { FillPlan } from "./fill-plan";
import { jsonBytes } from "./json-size";
import type { Marker } from "./marker";
import { MARKER_KEY, METADATA_BUDGET_BYTES } from "./metadata-rules";
import type { PostLoginApi } from "./types";

export function writeKeys(api: PostLoginApi, plan: FillPlan): void {
  for (const [key, value] of plan.user) api.user.setUserMetadata(key, value);
  for (const [key, value] of plan.app) api.user.setAppMetadata(key, value);
}

/**
 * Without a writable app_metadata there is nowhere to keep the marker, and none is
 * written where it would take app_metadata past Auth0's 32 kB (which fails the login):
 * the next login re-checks. The fill plan kept the marker's room, so keys it planned fit.
 */
export function writeMarker(api: PostLoginApi, marker: Marker, app: MetadataSide): void {
  if (app.writable && jsonBytes({ ...app.current, [MARKER_KEY]: marker }) <= METADATA_BUDGET_BYTES) {
    api.user.setAppMetadata(MARKER_KEY, marker);
  }
}
