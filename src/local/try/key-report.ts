/**
 * Key by key, what the Action did with a legacy record: written, kept (Auth0 already has
 * a value), or skipped and why, and, for a side read through a map, the path each key
 * came from and the mapped paths that gave nothing. The reasons come from the Action's
 * own reader and fill plan, run on the same record and profile.
 */
import type { Config } from "../../action/config";
import { detect } from "../../action/detect";
import { planFill, type SkipReason, type Target } from "../../action/fill-plan";
import { readLegacyRecord } from "../../action/legacy-record";
import { buildMarker } from "../../action/marker";
import type { MetadataSource } from "../../action/metadata-map";
import { hasValue } from "../../action/plain-object";
import type { JsonObject, PostLoginEvent } from "../../action/types";

export interface KeyReport {
  target: Target;
  key: string;
  /** `absent`: a mapped path that leads to nothing or to null, so no key. */
  fate: "write" | "keep" | "skip" | "absent";
  value: unknown;
  reason?: SkipReason;
  /** The dot path the value was read at, for a side read through a map. */
  from?: string;
}

export const SKIP_EXPLANATIONS: Record<SkipReason, string> = {
  forbidden_name: 'its name has "." or "$" (or is empty or a prototype name): Auth0 cannot store it',
  marker_key: "it is the name of the Action's own marker",
  reserved: "Auth0 reserves this app_metadata name",
  not_allowed: "it is not in APP_METADATA_ALLOWED_KEYS",
  not_object_in_auth0: "Auth0 holds this metadata as something other than an object",
  over_budget: "it would take the metadata over Auth0's 32 kB per session",
  nested_forbidden_key: 'a field inside its value has "." or "$" in its name',
  too_deep: "its value is nested too deeply",
  ill_formed_string: "its value holds ill-formed Unicode text",
  unsafe_number: "its value holds an integer too large to store exactly",
};

function candidates(legacy: JsonObject | undefined, current: JsonObject): { wanted: string[]; kept: string[] } {
  if (!legacy) return { wanted: [], kept: [] };
  const present = Object.keys(legacy).filter((key) => hasValue(legacy, key));
  return {
    wanted: present.filter((key) => !hasValue(current, key)).sort(),
    kept: present.filter((key) => hasValue(current, key)),
  };
}

/** Each key a map fills, with its path as the map spells it; none for a side read at a path. */
function mappedPaths(source: MetadataSource): Map<string, string> {
  if (!("map" in source)) return new Map();
  return new Map(source.map.map(({ key, path }) => [key, path.join(".")]));
}

export type KeyAnalysis = { ok: true; keys: KeyReport[] } | { ok: false; reason: string };

export function analyseKeys(recordText: string, event: PostLoginEvent, config: Config): KeyAnalysis {
  let body: unknown;
  try {
    body = JSON.parse(recordText);
  } catch {
    return { ok: false, reason: "invalid_json" };
  }
  const record = readLegacyRecord(body, config);
  if (!record.ok) return { ok: false, reason: record.reason };
  const detection = detect(event, config);
  if (detection.kind !== "repair") return { ok: false, reason: `detection_${detection.kind}` };
  const marker = buildMarker(config.repairVersion, "repaired", new Date());
  const plan = planFill(detection.user, detection.app, record.userMetadata, record.appMetadata, config, marker);

  const keys: KeyReport[] = [];
  const sides = [
    { target: "user", legacy: record.userMetadata, side: detection.user, source: config.userMetadataSource },
    { target: "app", legacy: record.appMetadata, side: detection.app, source: config.appMetadataSource },
  ] as const;
  for (const { target, legacy, side, source } of sides) {
    const { wanted, kept } = candidates(legacy, side.current);
    const written = new Set(plan[target].map(([key]) => key));
    const reasons = new Map(
      plan.skipped.filter((skip) => skip.target === target).map((skip) => [skip.key, skip.reason]),
    );
    const paths = mappedPaths(source);
    const from = (key: string) => paths.get(key);
    for (const key of wanted) {
      const value = legacy?.[key];
      if (written.has(key)) keys.push({ target, key, fate: "write", value, from: from(key) });
      else keys.push({ target, key, fate: "skip", value, reason: reasons.get(key), from: from(key) });
    }
    for (const key of kept) keys.push({ target, key, fate: "keep", value: legacy?.[key], from: from(key) });
    for (const [key, path] of paths) {
      if (legacy === undefined || !hasValue(legacy, key))
        keys.push({ target, key, fate: "absent", value: undefined, from: path });
    }
  }
  return { ok: true, keys };
}
