/**
 * How much one login may count on what earlier logins left behind. On Auth0, module
 * state lives on one instance and executions may land on any instance; `api.cache` is
 * best effort across executions. Neither is promised, so by default the local runtime
 * does not promise them either; the other models are switches (docs/local-run.md).
 */
export const CACHE_MODELS = ["best-effort", "reliable", "none"] as const;

export type CacheModel = (typeof CACHE_MODELS)[number];

export const DEFAULT_CACHE_MODEL: CacheModel = "best-effort";

export interface InstanceModel {
  /** Instances taking logins in turn, each loading the Actions with their own module state. */
  instances: number;
  /** Later execution starts an `api.cache` entry survives (Infinity: until it expires). */
  keepsFor: number;
}

export const INSTANCE_MODELS: Readonly<Record<CacheModel, InstanceModel>> = {
  "best-effort": { instances: 2, keepsFor: 1 },
  reliable: { instances: 1, keepsFor: Number.POSITIVE_INFINITY },
  none: { instances: 2, keepsFor: 0 },
};

export const CACHE_MODEL_EXPLANATIONS: Readonly<Record<CacheModel, string>> = {
  "best-effort":
    "2 instances take logins in turn, each with its own module state; an api.cache entry is still there for the next login only",
  reliable: "1 instance; api.cache keeps every entry until it expires (more than Auth0 promises)",
  none: "2 instances take logins in turn, each with its own module state; api.cache keeps nothing from one login to the next",
};

export function isCacheModel(value: string): value is CacheModel {
  return (CACHE_MODELS as readonly string[]).includes(value);
}
