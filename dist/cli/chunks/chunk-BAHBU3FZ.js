// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  discardBody,
  headerValue,
  isArray,
  readCappedText
} from "./chunk-ZPMHBCPE.js";
import {
  atTokenEndpoint,
  classifyStatus,
  classifyThrown,
  digitsValue,
  invalid
} from "./chunk-QTCBT552.js";

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

// src/tools/legacy/failed-endpoint.ts
function failedEndpoint(reason, config, url, urlSource) {
  if (reason.startsWith("oauth_") && config.auth.kind === "oauth") {
    return { token: true, host: new URL(config.auth.tokenUrl).host, source: "LEGACY_OAUTH_TOKEN_URL" };
  }
  return { token: false, host: new URL(url).host, source: urlSource };
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
      promise.finally(() => this.signal.removeEventListener("abort", onAbort)).then(resolve, reject);
    });
  }
  dispose() {
    clearTimeout(this.timer);
  }
};
var DeadlineExceeded = class extends Error {
  constructor() {
    super();
    this.name = "DeadlineExceeded";
  }
};

// src/action/fnv-hash.ts
function fnv1a(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

// src/action/json-depth.ts
var MAX_JSON_NESTING = 256;
var QUOTE = 34;
var BACKSLASH = 92;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var BRACKET_TO_BRACE = 32;
function nestsTooDeep(text) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (inString) {
      if (unit === BACKSLASH) i++;
      else if (unit === QUOTE) inString = false;
    } else if (unit === QUOTE) inString = true;
    else if ((unit | BRACKET_TO_BRACE) === OPEN_BRACE) {
      if (++depth > MAX_JSON_NESTING) return true;
    } else if ((unit | BRACKET_TO_BRACE) === CLOSE_BRACE) depth--;
  }
  return false;
}

// src/action/token-answer.ts
var MAX_ACCESS_TOKEN_LENGTH = 8192;
function lifetime(value) {
  if (value === void 0) return void 0;
  if (typeof value === "number") return Number.isFinite(value) ? value : false;
  const seconds = typeof value === "string" ? digitsValue(value) : void 0;
  return seconds ?? false;
}
function readTokenAnswer(body) {
  if (typeof body !== "object" || body === null || isArray(body)) return void 0;
  const { access_token: accessToken, expires_in: expiresIn } = body;
  if (typeof accessToken !== "string" || accessToken.length === 0 || accessToken.length > MAX_ACCESS_TOKEN_LENGTH || !("value" in headerValue(accessToken))) {
    return void 0;
  }
  const expiresInSeconds = lifetime(expiresIn);
  return expiresInSeconds === false ? void 0 : { accessToken, expiresInSeconds };
}

// src/action/oauth-token.ts
var TOKEN_REQUEST_LIMIT_MS = 1e4;
var TOKEN_BODY_CAP = 16 * 1024;
var DEFAULT_LIFETIME_S = 300;
var MAX_REFRESH_MARGIN_MS = 6e4;
var held = /* @__PURE__ */ new Map();
var inFlight = /* @__PURE__ */ new Map();
function keyFor(auth) {
  return fnv1a([auth.tokenUrl, auth.clientId, auth.clientSecret, auth.audience, auth.scope].join("\0"));
}
function cacheKey(key) {
  return `rmm:oauth:${key}`;
}
function refreshTime(expiresInSeconds, at) {
  const lifetime2 = expiresInSeconds * 1e3;
  return at + lifetime2 - Math.min(MAX_REFRESH_MARGIN_MS, lifetime2 / 2);
}
function safeJson(text) {
  if (nestsTooDeep(text)) return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
async function exchange(auth, fetchFn, bound) {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: auth.clientId,
    client_secret: auth.clientSecret
  });
  if (auth.audience) body.set("audience", auth.audience);
  if (auth.scope) body.set("scope", auth.scope);
  const response = await fetchFn(auth.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: body.toString(),
    redirect: "manual",
    signal: bound.signal
  });
  if (response.status !== 200) {
    discardBody(response.body);
    return { ok: false, failure: atTokenEndpoint(classifyStatus(response)) };
  }
  const text = await readCappedText(response, TOKEN_BODY_CAP);
  const answer = text.ok && readTokenAnswer(safeJson(text.text));
  if (!answer) return { ok: false, failure: atTokenEndpoint(invalid(text.ok ? "invalid_response" : text.reason)) };
  return { ok: true, token: answer.accessToken, expiresIn: answer.expiresInSeconds ?? DEFAULT_LIFETIME_S };
}
async function requestToken(auth, fetchFn) {
  const bound = new Deadline(TOKEN_REQUEST_LIMIT_MS);
  try {
    return await bound.race(exchange(auth, fetchFn, bound));
  } catch (error) {
    return { ok: false, failure: atTokenEndpoint(classifyThrown(error, bound.expired)) };
  } finally {
    bound.dispose();
  }
}
async function requestAndKeep(auth, fetchFn, cache, key) {
  const issued = await requestToken(auth, fetchFn);
  if (!issued.ok) return issued;
  const refreshAt = refreshTime(issued.expiresIn, Date.now());
  held.set(key, { token: issued.token, refreshAt });
  cache.set(cacheKey(key), issued.token, { expires_at: refreshAt });
  return { ok: true, token: issued.token, fresh: true };
}
async function getToken(auth, fetchFn, cache, deadline) {
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
    pending.finally(() => inFlight.delete(key)).catch(() => void 0);
  }
  return deadline.race(pending);
}
function forgetToken(auth, cache, refused) {
  const key = keyFor(auth);
  if (held.get(key)?.token === refused) held.delete(key);
  if (cache.get(cacheKey(key))?.value === refused) cache.delete(cacheKey(key));
}

// src/action/legacy-auth.ts
function base64Utf8(text) {
  return Buffer.from(text, "utf8").toString("base64");
}
async function authHeaders(auth, fetchFn, cache, deadline) {
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

// src/shared/legacy-contract.ts
import { z } from "zod";
var metadataObject = z.record(z.string(), z.unknown()).describe("Metadata to restore: a JSON object. Keys Auth0 cannot store as sent are skipped one by one.");
var DEFAULT_METADATA_PATHS = { user: ["user_metadata"], app: ["app_metadata"] };
var pathOf = (source) => "path" in source ? source.path : void 0;
function metadataPathsOf(config) {
  return { user: pathOf(config.userMetadataSource), app: pathOf(config.appMetadataSource) };
}
function pathTree(paths) {
  const root = { leaf: false, children: /* @__PURE__ */ new Map() };
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      let child = node.children.get(segment);
      if (!child) {
        child = { leaf: false, children: /* @__PURE__ */ new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.leaf = true;
  }
  return root;
}
function nodeSchema(node) {
  const shape = {};
  for (const [segment, child] of node.children) shape[segment] = nodeSchema(child).nullable().optional();
  if (node.children.size === 0) return metadataObject;
  const container = z.looseObject(shape);
  return node.leaf ? metadataObject.and(container) : container;
}
var RECORD_DESCRIPTIONS = {
  paths: "One user's legacy record (GET LEGACY_API_URL, status 200). The metadata objects are at LEGACY_USER_METADATA_PATH and LEGACY_APP_METADATA_PATH (here the defaults); either may be absent or null. A side configured with a map (LEGACY_USER_METADATA_MAP / LEGACY_APP_METADATA_MAP) asks nothing of the record.",
  mapped: "One user's legacy record (GET LEGACY_API_URL, status 200) when both LEGACY_USER_METADATA_MAP and LEGACY_APP_METADATA_MAP are set: any JSON object. Each mapped key takes the value at its dot path as it is; a path that leads to nothing, to null or through a value that is neither an object nor an array gives no key."
};
function legacyRecordSchema(paths = DEFAULT_METADATA_PATHS) {
  const constrained = [paths.user, paths.app].filter((path) => path !== void 0);
  const description = constrained.length === 0 ? RECORD_DESCRIPTIONS.mapped : RECORD_DESCRIPTIONS.paths;
  return nodeSchema(pathTree(constrained)).describe(description);
}
var legacyUserListPageSchema = z.object({
  users: z.array(
    z.object({
      legacy_id: z.union([z.string().min(1), z.number()]).describe("The id in the user's Auth0 user_id, auth0|<legacy_id>."),
      email: z.string().nullable().optional(),
      username: z.string().nullable().optional()
    })
  ),
  next_cursor: z.string().nullable().optional().describe(
    "Ask again with cursor=<next_cursor> while this is a non-empty string; null, absent or empty ends the list."
  )
}).describe("One page of the legacy user list (GET LEGACY_API_LIST_URL), read by `verify`.");
var oauthTokenAnswerSchema = z.object({
  access_token: z.string().min(1).max(MAX_ACCESS_TOKEN_LENGTH).regex(/^[\t -~\u0080-\u00ff]*$/).describe(
    "Sent as `Authorization: Bearer <access_token>`: no line break, control character or character beyond U+00FF."
  ),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/)]).optional().describe("Seconds the token lives; 300 when absent.")
}).describe("The answer of LEGACY_OAUTH_TOKEN_URL to a client-credentials request (status 200).");

export {
  failedEndpoint,
  Deadline,
  nestsTooDeep,
  fnv1a,
  forgetToken,
  authHeaders,
  metadataPathsOf,
  legacyRecordSchema,
  legacyUserListPageSchema,
  pooledFetch,
  processCache
};
