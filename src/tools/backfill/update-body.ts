/**
 * The Management API update for one user: the plan's keys and the marker, nothing else.
 * Auth0 merges the top level of user_metadata and app_metadata on update, so keys the
 * body does not name are left as they are.
 */
import type { FillPlan } from "../../action/fill-plan";
import type { Marker } from "../../action/marker";
import { MARKER_KEY } from "../../action/metadata-rules";
import type { JsonObject } from "../../action/types";

export interface UpdateBody {
  user_metadata?: JsonObject;
  app_metadata?: JsonObject;
}

/** Without a writable app_metadata there is nowhere to keep the marker (the Action's rule too). */
export function updateBody(plan: Pick<FillPlan, "user" | "app">, marker: Marker, appWritable: boolean): UpdateBody {
  const body: UpdateBody = {};
  if (plan.user.length > 0) body.user_metadata = Object.fromEntries(plan.user);
  const app: JsonObject = Object.fromEntries(plan.app);
  if (appWritable) app[MARKER_KEY] = marker;
  if (Object.keys(app).length > 0) body.app_metadata = app;
  return body;
}

export function isEmpty(body: UpdateBody): boolean {
  return body.user_metadata === undefined && body.app_metadata === undefined;
}
