/**
 * BASELINE (b), for comparison only, never shipped: the shipped Action's own code with
 * the two dependency choices reversed. The legacy record and the token answer are read
 * through the zod schemas of the legacy API contract (full zod 4) in place of the
 * Action's hand-written readers (an esbuild plugin, see build-baselines.ts); undici's
 * `fetch` replaces the runtime's global one here.
 */
import { fetch as undiciFetch } from "undici";

// The Action looks up globalThis.fetch on every login, so this swaps its HTTP client.
globalThis.fetch = undiciFetch as unknown as typeof fetch;

export { onExecutePostLogin } from "../../src/action/index";
