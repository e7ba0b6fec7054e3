/**
 * How the Action is known to the tenant and to the Deploy CLI (the README's contract): the
 * deploy, the tenant file and the tests all name it from here.
 */
export const ACTION_NAME = "repair-migrated-metadata";

/** Relative to tenant.yaml's folder (the repository root), as the Deploy CLI resolves it. */
export const ACTION_CODE_PATH = "./actions/repair-migrated-metadata/code.js";

export const ACTION_RUNTIME = "node22";

export const POST_LOGIN = { id: "post-login", version: "v3" } as const;
