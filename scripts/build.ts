// `npm run build`: writes the one CommonJS file Auth0 runs and the Deploy CLI uploads.
import { relative } from "node:path";
import { BUNDLE_BUDGET_BYTES, buildAction } from "../src/shared/build-config";

const { bytes, path } = await buildAction();
console.log(`built ${relative(process.cwd(), path)}: ${bytes} bytes (budget ${BUNDLE_BUDGET_BYTES})`);
