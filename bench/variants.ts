/**
 * The bundles measured: the committed Action exactly as it ships, and the two baselines
 * built fresh for this run. A stale committed bundle is measured anyway, but said.
 */
import { readFile } from "node:fs/promises";
import { BUNDLE, bundleText } from "../src/shared/build-config";
import { buildBaselines } from "./baselines/build-baselines";
import { VARIANT_IDS, VARIANT_LABELS, type VariantId } from "./variant-ids";

export interface Variant {
  id: VariantId;
  label: string;
  /** The CommonJS file, in a folder whose package.json says so. */
  file: string;
  code: string;
}

export interface Variants {
  all: readonly Variant[];
  notes: string[];
}

export async function prepareVariants(): Promise<Variants> {
  const baselines = await buildBaselines();
  const files: Record<VariantId, string> = {
    action: BUNDLE,
    article: baselines.article,
    full_deps: baselines.fullDeps,
  };
  const all = await Promise.all(
    VARIANT_IDS.map(async (id) => ({
      id,
      label: VARIANT_LABELS[id],
      file: files[id],
      code: await readFile(files[id], "utf8"),
    })),
  );
  const notes: string[] = [];
  const action = all.find((variant) => variant.id === "action");
  if (action && action.code !== (await bundleText())) {
    notes.push(
      "actions/repair-migrated-metadata/code.js differs from a fresh build of src/action: run `npm run build`.",
    );
  }
  return { all, notes };
}
