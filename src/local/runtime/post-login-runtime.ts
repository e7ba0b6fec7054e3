/**
 * Auth0's post-login trigger: the bound Actions loaded on one or more instances, their
 * shared `api.cache`, and `execute()` for each login. Logins go to the instances in turn,
 * and the cache is best effort across executions (cache-model.ts), because Auth0
 * promises neither that a login lands where the last one ran nor that the cache keeps
 * what it was given; `cache: "reliable"` is the switch back to one instance that keeps
 * everything.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { ActionCache } from "./action-cache";
import { type CacheModel, DEFAULT_CACHE_MODEL, INSTANCE_MODELS } from "./cache-model";
import { ConsoleCapture } from "./console-capture";
import type { FetchLike } from "./context-globals";
import { ExecutionCache } from "./execution-cache";
import type { ActionLog, FlowOutcome, FlowResult } from "./flow-result";
import { type ActionSource, type LoadedAction, loadAction } from "./load-action";
import { PendingMetadata } from "./pending-metadata";
import { apiFor, type FlowScope } from "./post-login-api";
import { buildPostLoginEvent, isRefreshTokenExchange, type LocalUser, type LoginInput } from "./post-login-event";
import { unloadableProfile } from "./unloadable-profile";

/** Each execution of a flow must complete in 20 seconds (Auth0: Actions limitations). */
export const EXECUTION_LIMIT_MS = 20_000;

export interface RuntimeOptions {
  /** Only tests shorten it; Auth0's limit is the default. */
  executionLimitMs?: number;
  /** The network the Actions reach; the global `fetch` (looked up at call time) by default. */
  fetch?: FetchLike;
  /** The cache's clock. */
  now?: () => number;
  /** How far one login may count on what earlier ones left behind; best effort by default. */
  cache?: CacheModel;
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

/** The stored user once Auth0 has counted the login, which it does before any Action runs. */
function countedLogin(login: LoginInput, now: string): LocalUser {
  if (isRefreshTokenExchange(login)) return login.user;
  return { ...login.user, logins_count: (login.user.logins_count ?? 0) + 1, last_login: now };
}

export class PostLoginRuntime {
  private readonly cacheStore: ActionCache;
  /** Per instance, the bound Actions loaded with their own module state. */
  private readonly instances: readonly (readonly LoadedAction[])[];
  private readonly limitMs: number;
  private readonly now: () => number;
  private started = 0;

  constructor(sources: readonly ActionSource[], options: RuntimeOptions = {}) {
    this.limitMs = options.executionLimitMs ?? EXECUTION_LIMIT_MS;
    this.now = options.now ?? Date.now;
    const model = INSTANCE_MODELS[options.cache ?? DEFAULT_CACHE_MODEL];
    this.cacheStore = new ActionCache(this.now, model.keepsFor);
    const resolveFetch = () => options.fetch ?? globalThis.fetch;
    const load = () =>
      sources.map((source) => loadAction(source, { executions: EXECUTIONS, resolveFetch, timeoutMs: this.limitMs }));
    this.instances = Array.from({ length: model.instances }, load);
  }

  /** What the trigger holds in `api.cache` now. */
  get cache(): Pick<ActionCache, "get" | "keys"> {
    return this.cacheStore;
  }

  get instanceCount(): number {
    return this.instances.length;
  }

  async execute(login: LoginInput): Promise<FlowResult> {
    const started = performance.now();
    const claims = { id_token: {}, access_token: {} };
    const counted = countedLogin(login, new Date().toISOString());
    const unloadable = unloadableProfile(login.user);
    if (unloadable) {
      const durationMs = performance.now() - started;
      const failure = { status: "failed", error: unloadable } as const;
      return {
        ...failure,
        user: counted,
        writes: [],
        persisted: false,
        claims,
        logs: [],
        durationMs,
        cacheKeysAtStart: [],
      };
    }

    const instance = this.started++ % this.instances.length;
    this.cacheStore.executionStarted();
    const cacheKeysAtStart = this.cacheStore.keys();
    const actions = this.instances[instance] ?? [];
    const cache = new ExecutionCache(this.cacheStore, this.now);
    const pending = new PendingMetadata(login.user);
    const state: ExecutionState = { open: true, logs: [] };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<FlowOutcome>((resolve) => {
      timer = setTimeout(() => {
        const action = state.current?.action;
        resolve({ status: "failed", error: { code: "timeout", action, message: `not done in ${this.limitMs} ms` } });
      }, this.limitMs);
    });
    let outcome = await Promise.race([this.runActions(actions, login, { pending, claims, cache, state }), timedOut]);
    clearTimeout(timer);
    state.open = false;
    if (state.current) {
      state.current.capture.close();
      state.logs.push(logOf(state.current.action, state.current.capture));
    }

    let user = counted;
    let persisted = false;
    if (outcome.status !== "failed") {
      const stored = pending.persist();
      if (stored.ok) {
        user = { ...counted, ...stored.metadata };
        if (pending.writes.length > 0) user.updated_at = new Date().toISOString();
        persisted = true;
      } else outcome = { status: "failed", error: stored.refusal };
    }
    const durationMs = performance.now() - started;
    const { logs } = state;
    return {
      ...outcome,
      user,
      writes: pending.writes,
      persisted,
      claims,
      logs,
      durationMs,
      instance,
      cacheKeysAtStart,
    };
  }

  private async runActions(
    actions: readonly LoadedAction[],
    login: LoginInput,
    flow: FlowScope & { state: ExecutionState },
  ): Promise<FlowOutcome> {
    const { pending, state } = flow;
    for (const action of actions) {
      // After a timeout the flow is over: no later Action starts, so none of its calls go out.
      if (!state.open) break;
      let denial: string | undefined;
      const api = apiFor(action, flow, (reason) => {
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
}
