/**
 * A `fetch` that records every exchange the Action makes, and keeps a copy of each
 * successful GET body so that the report can say, key by key, what the Action did with
 * the record it received.
 */
import type { FetchLike } from "../runtime/context-globals";

export interface Exchange {
  method: string;
  url: string;
  status?: number;
  /** The thrown error's code (`ECONNREFUSED`...) when no response came. */
  error?: string;
  copy?: Response;
}

function urlOf(input: Parameters<FetchLike>[0]): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

/** The code (`ECONNREFUSED`…); without one, the error's name and its innermost cause's message (`TypeError (bad port)`). */
function errorCode(error: unknown): string {
  let current: unknown = error;
  let innermost: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    innermost = current;
    current = (current as { cause?: unknown }).cause;
  }
  const name = error instanceof Error ? error.name : "error";
  return innermost !== error && innermost instanceof Error && innermost.message
    ? `${name} (${innermost.message})`
    : name;
}

export class RecordingFetch {
  readonly exchanges: Exchange[] = [];

  constructor(private readonly network: FetchLike = (input, init) => globalThis.fetch(input, init)) {}

  readonly fetch: FetchLike = async (input, init) => {
    const exchange: Exchange = { method: (init?.method ?? "GET").toUpperCase(), url: urlOf(input) };
    this.exchanges.push(exchange);
    try {
      const response = await this.network(input, init);
      exchange.status = response.status;
      if (exchange.method === "GET" && response.status === 200) exchange.copy = response.clone();
      return response;
    } catch (error) {
      exchange.error = errorCode(error);
      throw error;
    }
  };

  /** The body of the last successful GET, when the Action read it to the end. */
  async lastRecordText(): Promise<string | undefined> {
    const last = this.exchanges.findLast((exchange) => exchange.copy !== undefined);
    const copy = last?.copy;
    if (!copy) return undefined;
    last.copy = undefined;
    return copy.text();
  }

  /** Copies nobody will read must not hold their connections open. */
  async discard(): Promise<void> {
    await Promise.all(
      this.exchanges.map(async (exchange) => {
        const copy = exchange.copy;
        exchange.copy = undefined;
        await copy?.body?.cancel().catch(() => undefined);
      }),
    );
  }
}

/** Origin and path only: a query string may carry a key, and a URL is shown, not its secrets. */
export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.origin}${url.pathname}${url.search ? "?…" : ""}`;
  } catch {
    return "(invalid URL)";
  }
}
