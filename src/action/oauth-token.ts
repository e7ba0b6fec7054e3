/**
 * OAuth2 client-credentials token for the legacy API. Kept at module level (Auth0 reuses
 * an instance's module state) and in `api.cache` (shared more widely, best effort),
 * refreshed before it expires, and requested once however many logins need it at once.
 */
import type { LegacyAuth } from "./auth-method";
import { Deadline } from "./deadline";
import { discardBody } from "./discard-body";
import { fnv1a } from "./fnv-hash";
import { atTokenEndpoint, classifyStatus, classifyThrown, type HttpFailure, invalid } from "./http-failure";
import { nestsTooDeep } from "./json-depth";
import { readCappedText } from "./read-body";
import { readTokenAnswer } from "./token-answer";
import type { PostLoginCache } from "./types";

type OAuth = Extract<LegacyAuth, { kind: "oauth" }>;

export type TokenResult = { ok: true; token: string; fresh: boolean } | { ok: false; failure: HttpFailure };

interface HeldToken {
  token: string;
  refreshAt: number;
}

/**
 * The token request is shared by every login that needs a token meanwhile, so it runs
 * under a bound of its own rather than the deadline of whichever login started it: each
 * login waits only as long as its own budget, and a slow endpoint still gets its answer
 * kept for later logins. Auth0 allows an outbound call 10 s.
 */
export const TOKEN_REQUEST_LIMIT_MS = 10_000;
const TOKEN_BODY_CAP = 16 * 1024;
const DEFAULT_LIFETIME_S = 300;
const MAX_REFRESH_MARGIN_MS = 60_000;

const held = new Map<string, HeldToken>();
const inFlight = new Map<string, Promise<TokenResult>>();

function keyFor(auth: OAuth): string {
  return fnv1a([auth.tokenUrl, auth.clientId, auth.clientSecret, auth.audience, auth.scope].join("\u0000"));
}

function cacheKey(key: string): string {
  return `rmm:oauth:${key}`;
}

function refreshTime(expiresInSeconds: number, at: number): number {
  const lifetime = expiresInSeconds * 1000;
  return at + lifetime - Math.min(MAX_REFRESH_MARGIN_MS, lifetime / 2);
}

function safeJson(text: string): unknown {
  if (nestsTooDeep(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Issued = { ok: true; token: string; expiresIn: number } | { ok: false; failure: HttpFailure };

async function exchange(auth: OAuth, fetchFn: typeof fetch, bound: Deadline): Promise<Issued> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: auth.clientId,
    client_secret: auth.clientSecret,
  });
  if (auth.audience) body.set("audience", auth.audience);
  if (auth.scope) body.set("scope", auth.scope);
  const response = await fetchFn(auth.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: body.toString(),
    redirect: "manual",
    signal: bound.signal,
  });
  if (response.status !== 200) {
    discardBody(response.body);
    return { ok: false, failure: atTokenEndpoint(classifyStatus(response)) };
  }
  const text = await readCappedText(response, TOKEN_BODY_CAP);
  const answer = text.ok && readTokenAnswer(safeJson(text.text));
  // A body over the cap or not UTF-8 keeps its own reason (oauth_body_too_large…), as docs/reference.md names it.
  if (!answer) return { ok: false, failure: atTokenEndpoint(invalid(text.ok ? "invalid_response" : text.reason)) };
  return { ok: true, token: answer.accessToken, expiresIn: answer.expiresInSeconds ?? DEFAULT_LIFETIME_S };
}

/** One request under its own bound; race() returns at the bound even if fetch ignores the signal. */
async function requestToken(auth: OAuth, fetchFn: typeof fetch): Promise<Issued> {
  const bound = new Deadline(TOKEN_REQUEST_LIMIT_MS);
  try {
    return await bound.race(exchange(auth, fetchFn, bound));
  } catch (error) {
    return { ok: false, failure: atTokenEndpoint(classifyThrown(error, bound.expired)) };
  } finally {
    bound.dispose();
  }
}

async function requestAndKeep(auth: OAuth, fetchFn: typeof fetch, cache: PostLoginCache, key: string) {
  const issued = await requestToken(auth, fetchFn);
  if (!issued.ok) return issued;
  const refreshAt = refreshTime(issued.expiresIn, Date.now());
  held.set(key, { token: issued.token, refreshAt });
  cache.set(cacheKey(key), issued.token, { expires_at: refreshAt });
  return { ok: true, token: issued.token, fresh: true } as const;
}

/** A token for this login, waiting at most until its own deadline. */
export async function getToken(
  auth: OAuth,
  fetchFn: typeof fetch,
  cache: PostLoginCache,
  deadline: Deadline,
): Promise<TokenResult> {
  const key = keyFor(auth);
  const at = Date.now();
  const local = held.get(key);
  if (local && local.refreshAt > at) return { ok: true, token: local.token, fresh: false };
  const shared = cache.get(cacheKey(key));
  if (shared && shared.expires_at > at && shared.value) {
    held.set(key, { token: shared.value, refreshAt: shared.expires_at });
    return { ok: true, token: shared.value, fresh: false };
  }
  let pending = inFlight.get(key);
  if (!pending) {
    pending = requestAndKeep(auth, fetchFn, cache, key);
    inFlight.set(key, pending);
    pending.finally(() => inFlight.delete(key)).catch(() => undefined);
  }
  return deadline.race(pending);
}

/**
 * The legacy API refused `refused`: forget it so the next attempt asks for a new one,
 * unless another login has already replaced it (a late 401 for an old token must not
 * throw away the new one).
 */
export function forgetToken(auth: OAuth, cache: PostLoginCache, refused: string): void {
  const key = keyFor(auth);
  if (held.get(key)?.token === refused) held.delete(key);
  if (cache.get(cacheKey(key))?.value === refused) cache.delete(cacheKey(key));
}
