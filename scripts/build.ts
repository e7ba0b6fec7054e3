// `npm run build`: writes the one CommonJS file Auth0 runs and the Deploy CLI uploads, and
// the operator CLI's JavaScript (dist/cli), which `npx repair-migrated-metadata` runs.
import { relative } from "node:path";
import { BUNDLE_BUDGET_BYTES, buildAction } from "../src/shared/build-config";
import { buildCli, CLI_DIR } from "../src/shared/cli-build";

const { bytes, path } = await buildAction();
console.log(`built ${relative(process.cwd(), path)}: ${bytes} bytes (budget ${BUNDLE_BUDGET_BYTES})`);
const cli = await buildCli();
console.log(`built ${relative(process.cwd(), CLI_DIR)}: ${cli.files} files, ${cli.bytes} bytes`);
