/**
 * Bounds every request made through Node's global fetch while `work` runs, for a library
 * that takes no signal (the Deploy CLI): a dispatcher with connect, headers and body
 * timeouts stands in for the default one, then the default comes back.
 */
import { Agent, type Dispatcher } from "undici";

/** Where Node's fetch looks for its dispatcher (undici's own `setGlobalDispatcher` writes there). */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");
const globals = globalThis as unknown as Record<symbol, Dispatcher | undefined>;

/**
 * Makes `dispatcher` the one Node's fetch uses, and returns what puts the previous one
 * back: none at all when there was none, so that Node's own default comes back too.
 */
export function replaceGlobalDispatcher(dispatcher: Dispatcher): () => void {
  const previous = globals[GLOBAL_DISPATCHER];
  globals[GLOBAL_DISPATCHER] = dispatcher;
  return () => {
    if (previous === undefined) delete globals[GLOBAL_DISPATCHER];
    else globals[GLOBAL_DISPATCHER] = previous;
  };
}

export async function withBoundedGlobalFetch<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const bounded = new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const restore = replaceGlobalDispatcher(bounded);
  try {
    return await work();
  } finally {
    restore();
    await bounded.destroy();
  }
}
