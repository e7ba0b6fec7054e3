/** The request headers that carry the configured legacy API credentials. */
import type { LegacyAuth } from "./auth-method";
import type { Deadline } from "./deadline";
import type { HttpFailure } from "./http-failure";
import { getToken } from "./oauth-token";
import type { PostLoginCache } from "./types";

/** With OAuth, the token sent: if the API refuses it, that token (and only that one) is forgotten. */
export interface SentToken {
  value: string;
  /** Requested for this attempt (or joined while in flight), rather than kept from earlier. */
  fresh: boolean;
}

export type AuthHeaders =
  | { ok: true; headers: Record<string, string>; sentToken?: SentToken }
  | { ok: false; failure: HttpFailure };

function base64Utf8(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

export async function authHeaders(
  auth: LegacyAuth,
  fetchFn: typeof fetch,
  cache: PostLoginCache,
  deadline: Deadline,
): Promise<AuthHeaders> {
  switch (auth.kind) {
    case "bearer":
      return { ok: true, headers: { authorization: `Bearer ${auth.token}` } };
    case "basic":
      return { ok: true, headers: { authorization: `Basic ${base64Utf8(auth.credentials)}` } };
    case "header":
      return { ok: true, headers: { [auth.name.toLowerCase()]: auth.value } };
    case "oauth": {
      const token = await getToken(auth, fetchFn, cache, deadline);
      if (!token.ok) return token;
      const sentToken = { value: token.token, fresh: token.fresh };
      return { ok: true, headers: { authorization: `Bearer ${token.token}` }, sentToken };
    }
  }
}
