// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  discardBody,
  readCappedText
} from "./chunk-VLR63JM7.js";
import {
  classifyStatus,
  classifyThrown,
  invalid
} from "./chunk-KVQZM24A.js";

// src/tools/legacy/pooled-fetch.ts
import { Agent, fetch as undiciFetch } from "undici";
function headerRecord(headers) {
  const record = {};
  new Headers(headers).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}
function pooledFetch(connections) {
  const agent = new Agent({ connections, keepAliveTimeout: 3e4 });
  const pooled = async (input, init) => {
    if (typeof input !== "string" && !(input instanceof URL)) throw new TypeError("pooled fetch takes a URL");
    if (init?.body !== void 0 && init.body !== null && typeof init.body !== "string") {
      throw new TypeError("pooled fetch sends string bodies only");
    }
    const response = await undiciFetch(input, {
      method: init?.method,
      headers: headerRecord(init?.headers),
      body: init?.body,
      redirect: init?.redirect,
      signal: init?.signal,
      dispatcher: agent
    });
    return response;
  };
  return { fetch: pooled, close: () => agent.destroy() };
}

// src/tools/process-cache.ts
var DEFAULT_TTL_MS = 15 * 6e4;
var SUCCESS = { type: "success" };
function processCache() {
  const entries = /* @__PURE__ */ new Map();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry && entry.expires_at <= Date.now()) {
        entries.delete(key);
        return void 0;
      }
      return entry;
    },
    set(key, value, options) {
      const expires_at = options?.expires_at ?? Date.now() + (options?.ttl ?? DEFAULT_TTL_MS);
      entries.set(key, { value, expires_at });
      return SUCCESS;
    },
    delete(key) {
      entries.delete(key);
      return SUCCESS;
    }
  };
}

// src/action/deadline.ts
var Deadline = class {
  signal;
  controller = new AbortController();
  endsAt;
  timer;
  constructor(budgetMs) {
    this.endsAt = Date.now() + budgetMs;
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExceeded()), budgetMs);
  }
  remaining() {
    return Math.max(0, this.endsAt - Date.now());
  }
  get expired() {
    return this.signal.aborted;
  }
  /** Waits `ms`, or less if the budget ends first; resolves false when it did. */
  sleep(ms) {
    if (this.signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (completed) => {
        clearTimeout(timer);
        this.signal.removeEventListener("abort", onAbort);
        resolve(completed);
      };
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(true), ms);
      this.signal.addEventListener("abort", onAbort, { once: true });
    });
  }
  /** Resolves with `promise`, or rejects with DeadlineExceeded when the budget ends first. */
  race(promise) {
    if (this.signal.aborted) return Promise.reject(new DeadlineExceeded());
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(new DeadlineExceeded());
      this.signal.addEventListener("abort", onAbort, { once: true });
      promise.then(
        (value) => {
          this.signal.removeEventListener("abort", onAbort);
          resolve(value);
        },
        (error) => {
          this.signal.removeEventListener("abort", onAbort);
          reject(error);
        }
      );
    });
  }
  dispose() {
    clearTimeout(this.timer);
  }
};
var DeadlineExceeded = class extends Error {
  constructor() {
    super("legacy time budget exhausted");
    this.name = "DeadlineExceeded";
  }
};

// src/action/oauth-token.ts
import * as z from "zod/mini";

// src/action/fnv-hash.ts
function fnv1a(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

// src/action/oauth-token.ts
var TOKEN_BODY_CAP = 16 * 1024;
var DEFAULT_LIFETIME_S = 300;
var MAX_REFRESH_MARGIN_MS = 6e4;
var tokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1), z.maxLength(8192)),
  expires_in: z.optional(z.union([z.number(), z.string().check(z.regex(/^\d+$/))]))
});
var held = /* @__PURE__ */ new Map();
var inFlight = /* @__PURE__ */ new Map();
function keyFor(auth) {
  return fnv1a([auth.tokenUrl, auth.clientId, auth.clientSecret, auth.audience, auth.scope].join("\0"));
}
function cacheKey(key) {
  return `rmm:oauth:${key}`;
}
function refreshTime(expiresInSeconds, now) {
  const lifetime = expiresInSeconds * 1e3;
  return now + lifetime - Math.min(MAX_REFRESH_MARGIN_MS, lifetime / 2);
}
async function requestToken(auth, fetchFn, deadline) {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: auth.clientId,
    client_secret: auth.clientSecret
  });
  if (auth.audience) body.set("audience", auth.audience);
  if (auth.scope) body.set("scope", auth.scope);
  try {
    const response = await fetchFn(auth.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
      redirect: "manual",
      signal: deadline.signal
    });
    if (response.status !== 200) {
      discardBody(response.body);
      return { ok: false, failure: classifyStatus(response, "oauth_") };
    }
    const text = await readCappedText(response, TOKEN_BODY_CAP);
    const parsed = text.ok ? tokenResponseSchema.safeParse(safeJson(text.text)) : void 0;
    if (!parsed?.success) return { ok: false, failure: invalid("oauth_invalid_response") };
    const expiresIn = Number(parsed.data.expires_in ?? DEFAULT_LIFETIME_S);
    return { ok: true, token: parsed.data.access_token, expiresIn };
  } catch (error) {
    const failure = classifyThrown(error, deadline.expired);
    return { ok: false, failure: { ...failure, reason: `oauth_${failure.reason}` } };
  }
}
function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
async function getToken(auth, fetchFn, cache, deadline) {
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
    pending = requestToken(auth, fetchFn, deadline).then((issued) => {
      if (!issued.ok) return issued;
      const refreshAt = refreshTime(issued.expiresIn, Date.now());
      held.set(key, { token: issued.token, refreshAt });
      cache.set(cacheKey(key), issued.token, { expires_at: refreshAt });
      return { ok: true, token: issued.token, fresh: true };
    });
    inFlight.set(key, pending);
    pending.finally(() => inFlight.delete(key)).catch(() => void 0);
  }
  return deadline.race(pending);
}
function forgetToken(auth, cache) {
  const key = keyFor(auth);
  held.delete(key);
  cache.delete(cacheKey(key));
}

// src/action/legacy-auth.ts
function base64Utf8(text) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
async function authHeaders(auth, fetchFn, cache, deadline) {
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

export {
  Deadline,
  fnv1a,
  forgetToken,
  authHeaders,
  pooledFetch,
  processCache
};
