/**
 * The `fetch` the legacy client receives when it runs in the tools: undici's, over one
 * keep-alive pool per origin sized by the tool's concurrency, so a backfill reuses its
 * connections instead of opening one per user. The legacy client code is the Action's.
 */
import { Agent, fetch as undiciFetch } from "undici";

export interface PooledFetch {
  fetch: typeof fetch;
  close(): Promise<void>;
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

export function pooledFetch(connections: number): PooledFetch {
  const agent = new Agent({ connections, keepAliveTimeout: 30_000 });
  const pooled = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (typeof input !== "string" && !(input instanceof URL)) throw new TypeError("pooled fetch takes a URL");
    if (init?.body !== undefined && init.body !== null && typeof init.body !== "string") {
      throw new TypeError("pooled fetch sends string bodies only");
    }
    const response = await undiciFetch(input, {
      method: init?.method,
      headers: headerRecord(init?.headers),
      body: init?.body,
      redirect: init?.redirect,
      signal: init?.signal,
      dispatcher: agent,
    });
    // Node's own Response is undici's class; the package's copy differs only in its type declarations.
    return response as unknown as Response;
  };
  // Destroyed, not drained: after a failure elsewhere, a hanging request must not hold the command open.
  return { fetch: pooled, close: () => agent.destroy() };
}
