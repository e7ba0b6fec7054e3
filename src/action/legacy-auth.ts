/** The request headers that carry the configured legacy API credentials. */
import type { LegacyAuth } from "./config";
import type { Deadline } from "./deadline";
import type { HttpFailure } from "./http-failure";
import { getToken } from "./oauth-token";
import type { PostLoginCache } from "./types";

export type AuthHeaders =
  | { ok: true; headers: Record<string, string>; freshToken: boolean }
  | { ok: false; failure: HttpFailure };

function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function authHeaders(
  auth: LegacyAuth,
  fetchFn: typeof fetch,
  cache: PostLoginCache,
  deadline: Deadline,
): Promise<AuthHeaders> {
  switch (auth.kind) {
    case "bearer":
      return { ok: true, headers: { authorization: `Bearer ${auth.token}` }, freshToken: false };
    case "basic":
      return { ok: true, headers: { authorization: `Basic ${base64Utf8(auth.credentials)}` }, freshToken: false };
    case "header":
      return { ok: true, headers: { [auth.name.toLowerCase()]: auth.value }, freshToken: false };
    case "oauth": {
      const token = await getToken(auth, fetchFn, cache, deadline);
      if (!token.ok) return token;
      return { ok: true, headers: { authorization: `Bearer ${token.token}` }, freshToken: token.fresh };
    }
  }
}
