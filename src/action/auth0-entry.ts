/**
 * What Auth0 loads: a CommonJS module whose `exports.onExecutePostLogin` is the handler.
 * It is assigned here rather than exported, so that the bundle carries none of esbuild's
 * ESM-to-CommonJS interop helpers (about 500 bytes, parsed at every cold start).
 */
import { onExecutePostLogin } from "./index";

declare const exports: { onExecutePostLogin?: typeof onExecutePostLogin };
exports.onExecutePostLogin = onExecutePostLogin;
