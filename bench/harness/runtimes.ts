/**
 * A variant loaded into the local Actions runtime, the way every case runs it; the same
 * bundle loaded alone in the runtime's vm context, so its handler can be called without
 * the runtime around it; and the bundle required in plain Node, outside any vm context.
 */
import { createRequire } from "node:module";

import { ActionCache } from "../../src/local/runtime/action-cache";
import { loadAction } from "../../src/local/runtime/load-action";
import { buildPostLoginEvent, type LoginInput } from "../../src/local/runtime/post-login-event";
import { EXECUTIONS, PostLoginRuntime } from "../../src/local/runtime/post-login-runtime";
import { ACTION_NAME } from "../../src/shared/action-identity";
import type { Variant } from "../variants";

/**
 * One instance with a cache that keeps its entries (the runtime's "reliable" model), so
 * that every figure is per instance and comparable from run to run; on Auth0 each
 * instance pays for what it has not seen itself (docs/performance.md, group 6).
 */
export function runtimeFor(
  variant: Variant,
  secrets: Record<string, string>,
  options: { executionLimitMs?: number } = {},
): PostLoginRuntime {
  const source = { name: ACTION_NAME, code: variant.code, secrets, filename: `${variant.id}.js` };
  return new PostLoginRuntime([source], { cache: "reliable", executionLimitMs: options.executionLimitMs });
}

export interface DirectHandler {
  /** The login's event, built once and copied into the Action's realm as the runtime does. */
  eventFor(login: LoginInput): unknown;
  /** One execution of the handler alone: no event building, no deferred-write bookkeeping. */
  run(event: unknown): Promise<unknown>;
  /** How many metadata keys the handler set so far. */
  readonly writes: number;
}

/** A post-login `api` that counts metadata writes, with the runtime's cache behind it. */
function countingApi() {
  const cache = new ActionCache();
  let writes = 0;
  const api = {
    user: {
      setUserMetadata: () => {
        writes++;
        return api;
      },
      setAppMetadata: () => {
        writes++;
        return api;
      },
    },
    access: { deny: () => api },
    idToken: { setCustomClaim: () => api },
    accessToken: { setCustomClaim: () => api },
    cache: {
      get: (key: string) => cache.get(key),
      set: (key: string, value: string, options?: { ttl?: number; expires_at?: number }) =>
        cache.set(key, value, options),
      delete: (key: string) => cache.delete(key),
    },
  };
  return {
    api,
    get writes() {
      return writes;
    },
  };
}

function eventOf(login: LoginInput, secrets: Readonly<Record<string, string>>) {
  return buildPostLoginEvent(login, (target) => login.user[target], secrets, new Date());
}

export function directHandlerFor(variant: Variant, secrets: Record<string, string>): DirectHandler {
  // The runtime's one store: an AsyncLocalStorage per call would slow every later promise.
  const action = loadAction(
    { name: ACTION_NAME, code: variant.code, secrets },
    { executions: EXECUTIONS, resolveFetch: () => globalThis.fetch, timeoutMs: 20_000 },
  );
  const counting = countingApi();
  return {
    eventFor: (login) => action.intoRealm(eventOf(login, action.secrets)),
    // Outside any execution, log lines go to the load-time capture: nothing is added to the call.
    run: (event) => action.handler(event, counting.api),
    get writes() {
      return counting.writes;
    },
  };
}

type Handler = (event: unknown, api: unknown) => Promise<unknown>;

/** The bundle required as Node itself would, its handler called with events of this realm. */
export function plainHandlerFor(variant: Variant, secrets: Record<string, string>): DirectHandler {
  const loaded = createRequire(import.meta.url)(variant.file) as { onExecutePostLogin: Handler };
  const counting = countingApi();
  return {
    eventFor: (login) => structuredClone(eventOf(login, secrets)),
    run: (event) => loaded.onExecutePostLogin(event, counting.api),
    get writes() {
      return counting.writes;
    },
  };
}
