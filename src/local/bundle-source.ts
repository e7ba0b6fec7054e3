/**
 * The bundle the local tools run: the committed `code.js`, built first when it is
 * missing, and rebuilt in memory (leaving the committed file alone) when src/action has
 * changed since, so that what runs locally is never older than the source.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ACTION_NAME } from "../shared/action-identity";
import { BUNDLE, buildAction, bundleText, ENTRY } from "../shared/build-config";
import { PostLoginRuntime, type RuntimeOptions } from "./runtime/post-login-runtime";

const ACTION_SOURCE_DIR = dirname(ENTRY);

export interface BundleCode {
  code: string;
  /** How it was obtained, said to the person running the tool. */
  origin: "committed" | "built" | "rebuilt_in_memory";
}

function newestSourceTime(): number {
  let newest = 0;
  for (const name of readdirSync(ACTION_SOURCE_DIR)) {
    if (name.endsWith(".ts")) newest = Math.max(newest, statSync(join(ACTION_SOURCE_DIR, name)).mtimeMs);
  }
  return newest;
}

export async function loadBundleCode(): Promise<BundleCode> {
  if (!existsSync(BUNDLE)) {
    await buildAction();
    return { code: readFileSync(BUNDLE, "utf8"), origin: "built" };
  }
  const committed = readFileSync(BUNDLE, "utf8");
  // File times after a clone say little, so a suspicion of staleness is settled by building.
  if (existsSync(ACTION_SOURCE_DIR) && newestSourceTime() > statSync(BUNDLE).mtimeMs) {
    const fresh = await bundleText();
    if (fresh !== committed) return { code: fresh, origin: "rebuilt_in_memory" };
  }
  return { code: committed, origin: "committed" };
}

/** A fresh instance with the bundle as its one Action, named as on the tenant. */
export function runtimeForBundle(
  code: string,
  secrets: Record<string, string>,
  options?: RuntimeOptions,
): PostLoginRuntime {
  return new PostLoginRuntime([{ name: ACTION_NAME, code, secrets, filename: "code.js" }], options);
}

export function describeBundleOrigin(origin: BundleCode["origin"]): string {
  switch (origin) {
    case "committed":
      return "actions/repair-migrated-metadata/code.js";
    case "built":
      return "actions/repair-migrated-metadata/code.js (just built)";
    case "rebuilt_in_memory":
      return "a fresh in-memory build: src/action differs from code.js (run `npm run build` to update it)";
  }
}
