/**
 * Applies a fill plan through the Actions API: one call per key, then the marker. Auth0
 * defers these writes and persists them together when the flow ends.
 */
import type { FillPlan } from "./fill-plan";
import type { Marker } from "./marker";
import { MARKER_KEY } from "./metadata-rules";
import type { PostLoginApi } from "./types";

export function writeKeys(api: PostLoginApi, plan: FillPlan): void {
  for (const [key, value] of plan.user) api.user.setUserMetadata(key, value);
  for (const [key, value] of plan.app) api.user.setAppMetadata(key, value);
}

/** Without a writable app_metadata there is nowhere to keep the marker: the next login re-checks. */
export function writeMarker(api: PostLoginApi, marker: Marker, appWritable: boolean): void {
  if (appWritable) api.user.setAppMetadata(MARKER_KEY, marker);
}
