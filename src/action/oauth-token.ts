/**
 * OAuth2 client-credentials token for the legacy API. Kept at module level (Auth0 reuses
 * an instance's module state) and in `api.cache` (shared more widely, best effort),
 * refreshed before it expires, and requested once however many logins need it at once.
 */

import * as z from "zod/mini";
import type { LegacyAuth } from "./config";
import type { Deadline } from "./deadline";
import { discardBody } from "./discard-body";
import { fnv1a } from "./fnv-hash";
import { classifyStatus, classifyThrown, type HttpFailure, invalid } from "./http-failure";
import { readCappedText } from "./read-body";
import type { PostLoginCache } from "./types";

type OAuth = Extract<LegacyAuth, { kind: "oauth" }>;

export type TokenResult = { ok: true; token: string; fresh: boolean } | { ok: false; failure: HttpFailure };

interface HeldToken {
  token: string;
  refreshAt: number;
}

const TOKEN_BODY_CAP = 16 * 1024;
const DEFAULT_LIFETIME_S = 300;
const MAX_REFRESH_MARGIN_MS = 60_000;

const tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1), z.maxLength(8192)),
  expires_in: z.optional(z.union([z.number(), z.string().check(z.regex(/^\d+$/))])),
});

const held = new Map<string, HeldToken>();
const inFlight = new Map<string, Promise<TokenResult>>();

function keyFor(auth: OAuth): string {
  return fnv1a([auth.tokenUrl, auth.clientId, auth.clientSecret, auth.audience, auth.scope].join("\u0000"));
}

function cacheKey(key: string): string {
  return `rmm:oauth:${key}`;
}

function refreshTime(expiresInSeconds: number, now: number): number {
  const lifetime = expiresInSeconds * 1000;
  return now + lifetime - Math.min(MAX_REFRESH_MARGIN_MS, lifetime / 2);
}

type Issued = { ok: true; token: string; expiresIn: number } | { ok: false; failure: HttpFailure };

async function requestToken(auth: OAuth, fetchFn: typeof fetch, deadline: Deadline): Promise<Issued> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: auth.clientId,
    client_secret: auth.clientSecret,
  });
  if (auth.audience) body.set("audience", auth.audience);
  if (auth.scope) body.set("scope", auth.scope);
  try {
    const response = await fetchFn(auth.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
      redirect: "manual",
      signal: deadline.signal,
    });
    if (response.status !== 200) {
      discardBody(response.body);
      return { ok: false, failure: classifyStatus(response, "oauth_") };
    }
    const text = await readCappedText(response, TOKEN_BODY_CAP);
    const parsed = text.ok ? tokenResponseSchema.safeParse(safeJson(text.text)) : undefined;
    if (!parsed?.success) return { ok: false, failure: invalid("oauth_invalid_response") };
    const expiresIn = Number(parsed.data.expires_in ?? DEFAULT_LIFETIME_S);
    return { ok: true, token: parsed.data.access_token, expiresIn };
  } catch (error) {
    const failure = classifyThrown(error, deadline.expired);
    return { ok: false, failure: { ...failure, reason: `oauth_${failure.reason}` } };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function getToken(
  auth: OAuth,
  fetchFn: typeof fetch,
  cache: PostLoginCache,
  deadline: Deadline,
): Promise<TokenResult> {
  const key = keyFor(auth);
  const now = Date.now();
  const local = held.get(key);
  if (local && local.refreshAt > now) return { ok: true, token: local.token, fresh: false };
  const shared = cache.get(cacheKey(key));
  if (shared && shared.expires_at > now && shared.value) {
    held.set(key, { token: shared.value, refreshAt: shared.expires_at });
    return { ok: true, token: shared.value, fresh: false };
  }
  let pending = inFlight.get(key);
  if (!pending) {
    pending = requestToken(auth, fetchFn, deadline).then((issued): TokenResult => {
      if (!issued.ok) return issued;
      const refreshAt = refreshTime(issued.expiresIn, Date.now());
      held.set(key, { token: issued.token, refreshAt });
      cache.set(cacheKey(key), issued.token, { expires_at: refreshAt });
      return { ok: true, token: issued.token, fresh: true };
    });
    inFlight.set(key, pending);
    pending.finally(() => inFlight.delete(key)).catch(() => undefined);
  }
  return deadline.race(pending);
}

/** The legacy API refused a cached token: drop it so the next attempt asks for a new one. */
export function forgetToken(auth: OAuth, cache: PostLoginCache): void {
  const key = keyFor(auth);
  held.delete(key);
  cache.delete(cacheKey(key));
}
