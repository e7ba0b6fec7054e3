/**
 * An msw server standing in for the legacy store, which records every request it sees
 * so tests can assert the calls made (or not made) and the headers sent.
 */
import { type HttpHandler, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { LEGACY_BASE } from "./fake-api";

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export function legacyMock() {
  const seen: SeenRequest[] = [];
  const server = setupServer();
  server.events.on("request:start", async ({ request }) => {
    const body = request.method === "GET" ? "" : await request.clone().text();
    seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return {
    seen,
    use: (...handlers: HttpHandler[]) => server.use(...handlers),
    /** Requests to the legacy record endpoint only. */
    recordCalls: () => seen.filter((r) => r.url.pathname.startsWith("/users/")),
  };
}

export const recordRoute = (resolver: Parameters<typeof http.get>[1]) => http.get(`${LEGACY_BASE}/users/:id`, resolver);
