/**
 * A legacy list endpoint over generated users (ids computed from the index, nothing held
 * in memory), with the sample store's contract: `limit`, an opaque `cursor`, bearer auth.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { SampleUser } from "../src/local/sample-store/sample-users";

export interface GeneratedStore {
  listUrl: string;
  token: string;
  close(): Promise<void>;
}

export const legacyIdAt = (index: number) => String(1_000_000 + index);

/** The same users as full records with complete metadata, to seed the sample store (which answers record lookups). */
export function generatedSampleUsers(count: number, idAt: (index: number) => string = legacyIdAt): SampleUser[] {
  return Array.from({ length: count }, (_, i) => ({
    legacy_id: idAt(i),
    email: `u${i}@example.com`,
    username: `u${i}`,
    name: `U ${i}`,
    created_at: "2020-01-01T00:00:00Z",
    user_metadata: { locale: "en", timezone: "UTC" },
    app_metadata: { plan: "free" },
  }));
}

export async function startGeneratedStore(count: number): Promise<GeneratedStore> {
  const token = "bench-token";
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401).end();
      return;
    }
    const limit = Number(url.searchParams.get("limit") ?? "1000");
    const start = Number(url.searchParams.get("cursor") ?? "0");
    const end = Math.min(count, start + limit);
    const users = [];
    for (let i = start; i < end; i++)
      users.push({ legacy_id: legacyIdAt(i), email: `u${i}@example.com`, username: `u${i}` });
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ users, next_cursor: end < count ? String(end) : null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    listUrl: `http://127.0.0.1:${port}/users?limit=1000`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
