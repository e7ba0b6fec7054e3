/** The three things measured side by side: the shipped Action and two baselines that are never shipped. */
export const VARIANT_IDS = ["action", "article", "full_deps"] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

export const VARIANT_LABELS: Record<VariantId, string> = {
  action: "Action (shipped)",
  article: "baseline (a): support-article style",
  full_deps: "baseline (b): zod + undici",
};
