import { fileURLToPath } from "node:url";

/** The repository root: tenant.yaml's folder, against which the Deploy CLI resolves the code path. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
