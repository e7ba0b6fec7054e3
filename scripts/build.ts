// `npm run build`: writes the one CommonJS file Auth0 runs and the Deploy CLI uploads, the
// operator CLI's JavaScript (dist/cli), which `npx repair-migrated-metadata` runs, and the
// legacy API contract as JSON Schema for the team that owns the legacy API.
import { relative } from "node:path";
import { BUNDLE_BUDGET_BYTES, buildAction } from "../src/shared/build-config";
import { buildCli, CLI_DIR } from "../src/shared/cli-build";
import { writeLegacyContractDocument } from "../src/shared/legacy-contract-document";

const { bytes, path } = await buildAction();
console.log(`built ${relative(process.cwd(), path)}: ${bytes} bytes (budget ${BUNDLE_BUDGET_BYTES})`);
const cli = await buildCli();
console.log(`built ${relative(process.cwd(), CLI_DIR)}: ${cli.files} files, ${cli.bytes} bytes`);
const contract = await writeLegacyContractDocument();
console.log(`wrote ${relative(process.cwd(), contract)}: the legacy API contract as JSON Schema`);
