/**
 * The post-login `api` object one Action sees in one execution: metadata writes deferred
 * to the end of the flow, `api.access.deny`, custom claims and `api.cache`.
 */
import type { CacheOptions } from "./action-cache";
import type { ExecutionCache } from "./execution-cache";
import type { FlowResult } from "./flow-result";
import type { LoadedAction } from "./load-action";
import type { PendingMetadata } from "./pending-metadata";

/** What the Actions of one execution share. */
export interface FlowScope {
  pending: PendingMetadata;
  claims: FlowResult["claims"];
  cache: ExecutionCache;
  /** Closed when the flow has ended; an Action still running then (a timeout) changes nothing. */
  state: { open: boolean };
}

/**
 * The `api` one Action sees. After the flow has ended (a timeout), its late calls change
 * nothing. Cache answers are made in the Action's own realm, as everything Auth0 hands it.
 */
export function apiFor(action: LoadedAction, flow: FlowScope, deny: (reason: string) => void) {
  const { pending, claims, cache, state } = flow;
  const own = (answer: unknown) => (answer === undefined ? undefined : action.intoRealm(answer));
  const api = {
    user: {
      setUserMetadata(key: unknown, value: unknown) {
        if (state.open) pending.set(action.name, "user_metadata", key, value);
        return api;
      },
      setAppMetadata(key: unknown, value: unknown) {
        if (state.open) pending.set(action.name, "app_metadata", key, value);
        return api;
      },
    },
    access: {
      deny(reason: unknown) {
        if (state.open) deny(String(reason));
        return api;
      },
    },
    idToken: {
      setCustomClaim(name: string, value: unknown) {
        if (state.open) claims.id_token[name] = value;
        return api;
      },
    },
    accessToken: {
      setCustomClaim(name: string, value: unknown) {
        if (state.open) claims.access_token[name] = value;
        return api;
      },
    },
    cache: {
      get: (key: string) => own(cache.get(key)),
      set: (key: string, value: string, options?: CacheOptions) => own(cache.set(key, value, options)),
      delete: (key: string) => own(cache.delete(key)),
    },
  };
  return api;
}
