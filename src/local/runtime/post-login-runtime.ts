/**
 * One instance of Auth0's post-login trigger: the bound Actions loaded once, their
 * shared `api.cache`, and `execute()` for each login. Module state and the cache live
 * as long as the instance, as they do between executions on Auth0.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { ActionCache } from "./action-cache";
import { ConsoleCapture } from "./console-capture";
import type { FetchLike } from "./context-globals";
import type { ActionLog, FlowOutcome, FlowResult } from "./flow-result";
import { type ActionSource, type LoadedAction, loadAction } from "./load-action";
import { PendingMetadata } from "./pending-metadata";
import { buildPostLoginEvent, isRefreshTokenExchange, type LocalUser, type LoginInput } from "./post-login-event";

/** Each execution of a flow must complete in 20 seconds (Auth0: Actions limitations). */
export const EXECUTION_LIMIT_MS = 20_000;

export interface RuntimeOptions {
  /** Only tests shorten it; Auth0's limit is the default. */
  executionLimitMs?: number;
  /** The network the Actions reach; the global `fetch` (looked up at call time) by default. */
  fetch?: FetchLike;
  /** The cache's clock. */
  now?: () => number;
}

/**
 * Which execution a console call belongs to. One store for every instance: each
 * `run()` scopes its own capture, and an AsyncLocalStorage per instance would stay
 * active for the life of the process, slowing every later promise (seen on Node 20).
 */
export const EXECUTIONS = new AsyncLocalStorage<ConsoleCapture>();

interface ExecutionState {
  open: boolean;
  current?: { action: string; capture: ConsoleCapture };
  logs: ActionLog[];
}

function describe(error: unknown): string {
  if (error instanceof Error || (typeof error === "object" && error !== null && "message" in error)) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return `${String(name ?? "Error")}: ${String(message)}`;
  }
  return String(error);
}

function logOf(action: string, capture: ConsoleCapture): ActionLog {
  return { action, kept: capture.kept, full: capture.full };
}

export class PostLoginRuntime {
  private readonly cacheStore: ActionCache;
  private readonly actions: readonly LoadedAction[];
  private readonly limitMs: number;

  constructor(sources: readonly ActionSource[], options: RuntimeOptions = {}) {
    this.limitMs = options.executionLimitMs ?? EXECUTION_LIMIT_MS;
    this.cacheStore = new ActionCache(options.now);
    const resolveFetch = () => options.fetch ?? globalThis.fetch;
    this.actions = sources.map((source) =>
      loadAction(source, { executions: EXECUTIONS, resolveFetch, timeoutMs: this.limitMs }),
    );
  }

  /** What the instance holds in `api.cache` now. */
  get cache(): Pick<ActionCache, "get" | "keys"> {
    return this.cacheStore;
  }

  async execute(login: LoginInput): Promise<FlowResult> {
    const started = performance.now();
    const pending = new PendingMetadata(login.user);
    const claims = { id_token: {}, access_token: {} };
    const state: ExecutionState = { open: true, logs: [] };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<FlowOutcome>((resolve) => {
      timer = setTimeout(() => {
        const action = state.current?.action;
        resolve({ status: "failed", error: { code: "timeout", action, message: `not done in ${this.limitMs} ms` } });
      }, this.limitMs);
    });
    let outcome = await Promise.race([this.runActions(login, pending, claims, state), timedOut]);
    clearTimeout(timer);
    state.open = false;
    if (state.current) {
      state.current.capture.close();
      state.logs.push(logOf(state.current.action, state.current.capture));
    }

    let user = login.user;
    let persisted = false;
    if (outcome.status !== "failed") {
      const stored = pending.persist();
      if (stored.ok) {
        user = this.updatedUser(login, stored.metadata, pending.writes.length > 0);
        persisted = true;
      } else outcome = { status: "failed", error: stored.refusal };
    }
    const durationMs = performance.now() - started;
    return { ...outcome, user, writes: pending.writes, persisted, claims, logs: state.logs, durationMs };
  }

  private async runActions(
    login: LoginInput,
    pending: PendingMetadata,
    claims: FlowResult["claims"],
    state: ExecutionState,
  ): Promise<FlowOutcome> {
    for (const action of this.actions) {
      let denial: string | undefined;
      const api = this.apiFor(action.name, pending, claims, state, (reason) => {
        denial ??= reason;
      });
      const event = action.intoRealm(
        buildPostLoginEvent(login, (target) => pending.view(target), action.secrets, new Date()),
      );
      const capture = new ConsoleCapture();
      state.current = { action: action.name, capture };
      try {
        await EXECUTIONS.run(capture, () => action.handler(event, api));
      } catch (error) {
        return { status: "failed", error: { code: "action_threw", action: action.name, message: describe(error) } };
      } finally {
        if (state.open) {
          capture.close();
          state.logs.push(logOf(action.name, capture));
          state.current = undefined;
        }
      }
      if (denial !== undefined) return { status: "denied", action: action.name, reason: denial };
    }
    return { status: "completed" };
  }

  /** After the flow has ended (a timeout), an Action's late calls change nothing. */
  private apiFor(
    action: string,
    pending: PendingMetadata,
    claims: FlowResult["claims"],
    state: ExecutionState,
    deny: (reason: string) => void,
  ) {
    const cache = this.cacheStore;
    const api = {
      user: {
        setUserMetadata(key: unknown, value: unknown) {
          if (state.open) pending.set(action, "user_metadata", key, value);
          return api;
        },
        setAppMetadata(key: unknown, value: unknown) {
          if (state.open) pending.set(action, "app_metadata", key, value);
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
        get: (key: string) => cache.get(key),
        set: (key: string, value: string, options?: { ttl?: number; expires_at?: number }) =>
          cache.set(key, value, options),
        delete: (key: string) => cache.delete(key),
      },
    };
    return api;
  }

  private updatedUser(login: LoginInput, metadata: Pick<LocalUser, "user_metadata" | "app_metadata">, wrote: boolean) {
    const now = new Date().toISOString();
    const refresh = isRefreshTokenExchange(login);
    const user: LocalUser = { ...login.user, ...metadata };
    if (!refresh) {
      user.logins_count = (login.user.logins_count ?? 0) + 1;
      user.last_login = now;
    }
    if (wrote) user.updated_at = now;
    return user;
  }
}
