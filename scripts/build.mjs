// Bundles the Action into the one CommonJS file Auth0 runs (and the Deploy CLI uploads).
import { buildAction } from "./build-config.mjs";

const { bytes, path } = await buildAction();
console.log(`built ${path} (${bytes} bytes)`);
