// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  StatusError,
  StepFailure,
  causeOf,
  digitsValue,
  isRetryableCause,
  parseRetryAfter,
  readVariables
} from "./chunk-QTCBT552.js";
import {
  fileErrorReason
} from "./chunk-Y3KWZ7AQ.js";
import {
  ToolError
} from "./chunk-SGK6UJTW.js";

// src/action/builtins.ts
var hasOwn = Object.hasOwn;
var getPrototypeOf = Object.getPrototypeOf;
var objectKeys = Object.keys;
var OBJECT_PROTOTYPE = Object.prototype;
var isArray = Array.isArray;

// src/action/metadata-rules.ts
var MARKER_KEY = "legacy_metadata_repair";
var RESERVED_APP_METADATA_KEYS = /* @__PURE__ */ new Set([
  "__tenant",
  "_id",
  "blocked",
  "clientID",
  "created_at",
  "email_verified",
  "email",
  "globalClientID",
  "global_client_id",
  "identities",
  "lastIP",
  "lastLogin",
  "loginsCount",
  "metadata",
  "multifactor_last_modified",
  "multifactor",
  "updated_at",
  "user_id"
]);
var METADATA_BUDGET_BYTES = 32 * 1024;
var MAX_VALUE_DEPTH = 32;
var PROTOTYPE_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function isForbiddenKeyName(key) {
  return key === "" || key.includes(".") || key.includes("$") || key.includes("\0") || PROTOTYPE_KEYS.has(key) || !key.isWellFormed();
}

// src/action/plain-object.ts
function isPlainObject(value2) {
  if (typeof value2 !== "object" || value2 === null || isArray(value2)) return false;
  const proto = getPrototypeOf(value2);
  return proto === OBJECT_PROTOTYPE || proto === null;
}
function ownValue(object, key) {
  return hasOwn(object, key) ? object[key] : void 0;
}
function hasValue(object, key) {
  const value2 = ownValue(object, key);
  return value2 !== void 0 && value2 !== null;
}

// src/action/url-template.ts
var PLACEHOLDERS = ["email", "username", "legacy_id"];
var LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
var refused = (reason) => ({ ok: false, reason });
function isPlaceholder(name) {
  return PLACEHOLDERS.includes(name);
}
function isLoopbackHost(hostname) {
  return LOOPBACK_HOST.test(hostname);
}
function checkEndpointUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return refused("not_a_url");
  }
  if (url.username || url.password) return refused("credentials_in_url");
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return { ok: true, url };
  return refused("not_https");
}
function templatePieces(template) {
  const literals = [];
  const names = [];
  let strayBrace = false;
  let literalStart = 0;
  for (let at = nextBrace(template, 0); at !== -1; at = nextBrace(template, at + 1)) {
    const close = template.indexOf("}", at + 1);
    const open = template.indexOf("{", at + 1);
    if (template.charAt(at) === "{" && close !== -1 && (open === -1 || close < open)) {
      literals.push(template.slice(literalStart, at));
      names.push(template.slice(at + 1, close));
      literalStart = close + 1;
      at = close;
    } else strayBrace = true;
  }
  literals.push(template.slice(literalStart));
  return { literals, names, strayBrace };
}
function nextBrace(template, from) {
  const open = template.indexOf("{", from);
  const close = template.indexOf("}", from);
  return open === -1 ? close : close === -1 ? open : Math.min(open, close);
}
function checkUrlTemplate(template) {
  const { literals, names, strayBrace } = templatePieces(template);
  const placeholders = [];
  for (const name of names) {
    if (!isPlaceholder(name)) return refused("unknown_placeholder");
    if (!placeholders.includes(name)) placeholders.push(name);
  }
  if (strayBrace) return refused("unbalanced_brace");
  if (placeholders.length === 0) return refused("no_placeholder");
  if (template.includes("#")) return refused("has_fragment");
  const sampleA = checkEndpointUrl(literals.join("a"));
  if (!sampleA.ok) return sampleA;
  const sampleB = checkEndpointUrl(literals.join("b"));
  const { url: a } = sampleA;
  if (!sampleB.ok || a.protocol !== sampleB.url.protocol || a.host !== sampleB.url.host) {
    return refused("placeholder_in_host");
  }
  return { ok: true, placeholders };
}
function fillUrlTemplate(template, values) {
  const { literals, names } = templatePieces(template);
  let url = literals[0] ?? "";
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? "";
    const value2 = isPlaceholder(name) ? values[name] : void 0;
    if (value2 === void 0 || value2 === "" || value2 === "." || value2 === ".." || !value2.isWellFormed()) {
      return { ok: false, field: name };
    }
    url += encodeURIComponent(value2) + (literals[i + 1] ?? "");
  }
  return { ok: true, url };
}

// src/action/secret-parsers.ts
var HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
var anyText = (text) => ({ value: text });
var headerValue = (text) => {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 32 && unit !== 9 || unit === 127 || unit > 255) return { reason: "invalid_characters" };
  }
  return { value: text };
};
var headerName = (text) => HEADER_NAME.test(text) ? { value: text } : { reason: "invalid_header_name" };
var basicCredentials = (text) => text.indexOf(":") > 0 ? headerValue(text) : { reason: "expected_user_colon_password" };
var endpointUrl = (text) => {
  const check = checkEndpointUrl(text);
  return check.ok ? { value: text } : { reason: check.reason };
};
var urlTemplate = (text) => {
  const check = checkUrlTemplate(text);
  return check.ok ? { value: { template: text, placeholders: check.placeholders } } : { reason: check.reason };
};
function commaList(text) {
  const items = [];
  for (const item of text.split(",")) {
    const trimmed = item.trim();
    if (trimmed !== "") items.push(trimmed);
  }
  return items;
}
var nameSet = (text) => {
  const names = commaList(text);
  return names.length > 0 ? { value: new Set(names) } : { reason: "missing" };
};
var keyList = (text) => {
  const keys = commaList(text);
  return keys.some(isForbiddenKeyName) ? { reason: "invalid_key_name" } : { value: keys };
};
var allowedAppKeys = (text) => {
  if (text === "*") return { value: void 0 };
  const keys = keyList(text);
  if (!("value" in keys)) return keys;
  if (keys.value.some((key) => RESERVED_APP_METADATA_KEYS.has(key) || key === MARKER_KEY)) {
    return { reason: "reserved_key" };
  }
  return { value: new Set(keys.value) };
};
var dotPath = (text) => {
  const segments = text.split(".");
  const valid = segments.every(
    (segment) => segment !== "" && !PROTOTYPE_KEYS.has(segment) && !(segment in OBJECT_PROTOTYPE)
  );
  return valid ? { value: segments } : { reason: "invalid_path" };
};
function integerInRange(text, min, max) {
  const number = digitsValue(text);
  if (number === void 0) return { reason: "not_an_integer" };
  return number >= min && number <= max ? { value: number } : { reason: "out_of_range" };
}
function oneOf(text, choices) {
  const choice = choices.find((candidate) => candidate === text);
  return choice === void 0 ? { reason: "invalid_value" } : { value: choice };
}

// src/action/metadata-map.ts
function targetProblem(key, app) {
  if (isForbiddenKeyName(key)) return "invalid_key_name";
  if (app && (key === MARKER_KEY || RESERVED_APP_METADATA_KEYS.has(key))) return "reserved_key";
  return void 0;
}
function parseMap(text, app) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reason: "not_json" };
  }
  if (!isPlainObject(parsed)) return { reason: "not_an_object" };
  const entries = [];
  for (const key of objectKeys(parsed)) {
    const reason = targetProblem(key, app);
    if (reason) return { reason };
    const source = parsed[key];
    const path = typeof source === "string" ? dotPath(source) : { reason: "invalid_path" };
    if (!("value" in path)) return path;
    entries.push({ key, path: path.value });
  }
  return entries.length > 0 ? { value: entries } : { reason: "empty_map" };
}
var userMetadataMap = (text) => parseMap(text, false);
var appMetadataMap = (text) => parseMap(text, true);

// src/action/secret-table.ts
var ON_LEGACY_ERROR_CHOICES = ["continue", "deny"];
var UNSET = { value: void 0 };
var optional = (parse) => ({ parse, fallback: UNSET });
var orDefault = (parse, value2) => ({ parse, fallback: { value: value2 } });
var TIMEOUT_MS_RANGE = [100, 1e4, 4e3];
var REPAIR_VERSION_RANGE = [1, 1e6, 1];
var wholeNumberIn = ([min, max, fallback]) => orDefault((text) => integerInRange(text, min, max), fallback);
var SECRET_TABLE = {
  LEGACY_API_URL: { parse: urlTemplate },
  MIGRATION_CONNECTIONS: { parse: nameSet },
  LEGACY_API_TOKEN: optional(headerValue),
  LEGACY_API_BASIC_AUTH: optional(basicCredentials),
  LEGACY_API_KEY_HEADER: optional(headerName),
  LEGACY_API_KEY: optional(headerValue),
  LEGACY_OAUTH_TOKEN_URL: optional(endpointUrl),
  LEGACY_OAUTH_CLIENT_ID: optional(anyText),
  LEGACY_OAUTH_CLIENT_SECRET: optional(anyText),
  LEGACY_OAUTH_AUDIENCE: optional(anyText),
  LEGACY_OAUTH_SCOPE: optional(anyText),
  REQUIRED_USER_METADATA_KEYS: orDefault(keyList, []),
  REQUIRED_APP_METADATA_KEYS: orDefault(keyList, []),
  APP_METADATA_ALLOWED_KEYS: optional(allowedAppKeys),
  LEGACY_USER_METADATA_PATH: orDefault(dotPath, ["user_metadata"]),
  LEGACY_APP_METADATA_PATH: orDefault(dotPath, ["app_metadata"]),
  LEGACY_USER_METADATA_MAP: optional(userMetadataMap),
  LEGACY_APP_METADATA_MAP: optional(appMetadataMap),
  LEGACY_API_TIMEOUT_MS: wholeNumberIn(TIMEOUT_MS_RANGE),
  ON_LEGACY_ERROR: orDefault((text) => oneOf(text, ON_LEGACY_ERROR_CHOICES), ON_LEGACY_ERROR_CHOICES[0]),
  REPAIR_VERSION: wholeNumberIn(REPAIR_VERSION_RANGE)
};
var MAX_SECRET_VALUE_LENGTH = 4096;
var UNREPLACED_PLACEHOLDER = /^(@{2}\w+@{2}|#{2}\w+#{2})$/;
var AT_SIGN = 64;
var NUMBER_SIGN = 35;
function isSecretSet(secrets, name) {
  const value2 = secrets[name];
  return typeof value2 === "string" && value2.trim() !== "";
}
function readSecret(raw, field) {
  if (raw !== void 0) {
    if (typeof raw !== "string") return { reason: "not_a_string" };
    if (raw.length > MAX_SECRET_VALUE_LENGTH) return { reason: "too_long" };
  }
  const text = raw?.trim() ?? "";
  if (text === "") return field.fallback ?? { reason: "missing" };
  const first = text.charCodeAt(0);
  if ((first === AT_SIGN || first === NUMBER_SIGN) && UNREPLACED_PLACEHOLDER.test(text)) {
    return { reason: "unreplaced_placeholder" };
  }
  return field.parse(text);
}

// src/action/auth-method.ts
var AUTH_METHODS = {
  bearer: ["LEGACY_API_TOKEN"],
  basic: ["LEGACY_API_BASIC_AUTH"],
  header: ["LEGACY_API_KEY_HEADER", "LEGACY_API_KEY"],
  oauth: [
    "LEGACY_OAUTH_TOKEN_URL",
    "LEGACY_OAUTH_CLIENT_ID",
    "LEGACY_OAUTH_CLIENT_SECRET",
    "LEGACY_OAUTH_AUDIENCE",
    "LEGACY_OAUTH_SCOPE"
  ]
};
var AUTH_REQUIRED = {
  ...AUTH_METHODS,
  oauth: AUTH_METHODS.oauth.slice(0, 3)
};
var AUTH_KINDS = ["bearer", "basic", "header", "oauth"];
function chooseAuth(secrets) {
  const chosen = [];
  const named = [];
  for (const kind2 of AUTH_KINDS) {
    let used = false;
    for (const name of AUTH_METHODS[kind2]) {
      if (!isSecretSet(secrets, name)) continue;
      named.push(name);
      used = true;
    }
    if (used) chosen.push(kind2);
  }
  const [kind] = chosen;
  if (kind === void 0) return { subject: "LEGACY_API_TOKEN", reason: "missing_auth" };
  if (chosen.length > 1) return { subject: named.join("+"), reason: "multiple_auth_methods" };
  for (const name of AUTH_REQUIRED[kind]) if (!isSecretSet(secrets, name)) return { subject: name, reason: "missing" };
  return { kind };
}
var AUTH_BUILDERS = {
  bearer: (s) => ({ kind: "bearer", token: s.LEGACY_API_TOKEN ?? "" }),
  basic: (s) => ({ kind: "basic", credentials: s.LEGACY_API_BASIC_AUTH ?? "" }),
  header: (s) => ({ kind: "header", name: s.LEGACY_API_KEY_HEADER ?? "", value: s.LEGACY_API_KEY ?? "" }),
  oauth: (s) => ({
    kind: "oauth",
    tokenUrl: s.LEGACY_OAUTH_TOKEN_URL ?? "",
    clientId: s.LEGACY_OAUTH_CLIENT_ID ?? "",
    clientSecret: s.LEGACY_OAUTH_CLIENT_SECRET ?? "",
    audience: s.LEGACY_OAUTH_AUDIENCE,
    scope: s.LEGACY_OAUTH_SCOPE
  })
};
function buildAuth(kind, s) {
  return AUTH_BUILDERS[kind](s);
}

// src/action/secret-names.ts
var SECRET_NAMES = objectKeys(SECRET_TABLE);

// src/action/config.ts
var metadataSource = (map, path) => map ? { map } : { path };
function detectionOf(s) {
  return {
    connections: s.MIGRATION_CONNECTIONS,
    requiredUserKeys: s.REQUIRED_USER_METADATA_KEYS,
    // The marker is this Action's own key: it never makes app_metadata complete.
    requiredAppKeys: s.REQUIRED_APP_METADATA_KEYS.filter((key) => key !== MARKER_KEY),
    repairVersion: s.REPAIR_VERSION
  };
}
function configOf(s, authKind) {
  return {
    ...detectionOf(s),
    urlTemplate: s.LEGACY_API_URL.template,
    placeholders: s.LEGACY_API_URL.placeholders,
    auth: buildAuth(authKind, s),
    allowedAppKeys: s.APP_METADATA_ALLOWED_KEYS,
    userMetadataSource: metadataSource(s.LEGACY_USER_METADATA_MAP, s.LEGACY_USER_METADATA_PATH),
    appMetadataSource: metadataSource(s.LEGACY_APP_METADATA_MAP, s.LEGACY_APP_METADATA_PATH),
    timeoutMs: s.LEGACY_API_TIMEOUT_MS,
    onLegacyError: s.ON_LEGACY_ERROR
  };
}
var METADATA_SIDES = ["USER", "APP"];
function readSecrets(secrets, names, problems) {
  const parsed = {};
  for (const name of names) {
    const field = SECRET_TABLE[name];
    const result = readSecret(secrets[name], field);
    if ("value" in result) parsed[name] = result.value;
    else problems.push({ subject: name, reason: result.reason });
  }
  return parsed;
}
function parseConfig(secrets) {
  const problems = [];
  const parsed = readSecrets(secrets, SECRET_NAMES, problems);
  for (const side2 of METADATA_SIDES) {
    const map = `LEGACY_${side2}_METADATA_MAP`;
    const path = `LEGACY_${side2}_METADATA_PATH`;
    if (isSecretSet(secrets, map) && isSecretSet(secrets, path)) {
      problems.push({ subject: map, reason: "map_and_path_both_set" });
    }
  }
  const auth = chooseAuth(secrets);
  if ("reason" in auth) problems.push(auth);
  if (problems.length > 0 || "reason" in auth) return { ok: false, problems };
  return { ok: true, config: configOf(parsed, auth.kind) };
}

// src/shared/tenant-credentials.ts
var LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
var TENANT_DOMAIN = new RegExp(
  `^(?:(?=[^:]{1,253}(?::|$))${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?$`,
  "i"
);
var MAX_PORT = 65535;
var DOMAIN_RULE = "invalid: a host name or host:port (e.g. my-tenant.eu.auth0.com or localhost:8443), without https://, a path or credentials";
function isTenantDomain(domain) {
  const match = TENANT_DOMAIN.exec(domain);
  if (!match) return false;
  const port = match[1];
  return port === void 0 || Number(port) >= 1 && Number(port) <= MAX_PORT;
}
var isSet = (value2) => value2 !== void 0 && value2.trim() !== "";
function readCredentials(env) {
  const problems = [];
  const domain = env.AUTH0_DOMAIN?.trim() ?? "";
  if (domain === "") problems.push({ subject: "AUTH0_DOMAIN", reason: "missing" });
  else if (!isTenantDomain(domain)) problems.push({ subject: "AUTH0_DOMAIN", reason: DOMAIN_RULE });
  const { AUTH0_ACCESS_TOKEN: accessToken, AUTH0_CLIENT_ID: clientId, AUTH0_CLIENT_SECRET: clientSecret } = env;
  if (!isSet(accessToken)) {
    for (const [subject, value2] of [
      ["AUTH0_CLIENT_ID", clientId],
      ["AUTH0_CLIENT_SECRET", clientSecret]
    ]) {
      if (!isSet(value2)) problems.push({ subject, reason: "missing, or set AUTH0_ACCESS_TOKEN instead of both" });
    }
  }
  if (problems.length > 0) return { problems };
  const credentials = isSet(accessToken) ? { domain, accessToken: accessToken.trim() } : { domain, clientId: clientId?.trim() ?? "", clientSecret: clientSecret ?? "" };
  return { credentials, problems };
}

// src/shared/variable-help.ts
var rangeText = ([min, max, fallback]) => `a whole number from ${min} to ${max} (default ${fallback})`;
var LEGACY_AUTH_CHOICES = "set one way to call the legacy store: LEGACY_API_TOKEN, or LEGACY_API_BASIC_AUTH, or LEGACY_API_KEY_HEADER + LEGACY_API_KEY, or LEGACY_OAUTH_TOKEN_URL + LEGACY_OAUTH_CLIENT_ID + LEGACY_OAUTH_CLIENT_SECRET";
var METADATA_MAP_HELP = 'a JSON object {"<metadata key>": "<dot path in the legacy record>"}, e.g. {"given_name":"first_name"}; set it or the *_PATH secret of the same metadata, not both (docs/reference.md#metadata-maps)';
var HELP = {
  AUTH0_DOMAIN: "your tenant's domain, e.g. my-tenant.eu.auth0.com",
  AUTH0_CLIENT_ID: "client ID of a machine-to-machine application authorized for the Management API",
  AUTH0_CLIENT_SECRET: "client secret of that application",
  LEGACY_API_URL: "URL template of one user's legacy record, e.g. https://legacy.example.com/users/{legacy_id}",
  MIGRATION_CONNECTIONS: "comma-separated custom database connection(s) the users were migrated through",
  LEGACY_USER_METADATA_MAP: METADATA_MAP_HELP,
  LEGACY_APP_METADATA_MAP: METADATA_MAP_HELP,
  LEGACY_API_TIMEOUT_MS: `total milliseconds one login may spend on the legacy store: ${rangeText(TIMEOUT_MS_RANGE)}`,
  ON_LEGACY_ERROR: "continue (the default) or deny",
  REPAIR_VERSION: rangeText(REPAIR_VERSION_RANGE)
};
function helpFor(subject, reason) {
  if (reason === "missing_auth") return LEGACY_AUTH_CHOICES;
  return HELP[subject];
}

// src/tools/tool-settings.ts
var EXTRA_HELP = {
  LEGACY_API_LIST_URL: "URL of the legacy store's paged user list, e.g. https://legacy.example.com/users",
  AUTH0_ACCESS_TOKEN: "a Management API token with the scopes of the command (docs/tools.md), or set AUTH0_CLIENT_ID + AUTH0_CLIENT_SECRET"
};
var value = (env, name) => {
  const text = env[name]?.trim();
  return text === void 0 || text === "" ? void 0 : text;
};
function readTenant(env, problems) {
  const read = readCredentials(env);
  problems.push(...read.problems);
  return read.credentials;
}
function readListUrl(env, problems) {
  const url = value(env, "LEGACY_API_LIST_URL");
  if (url === void 0) {
    problems.push({ subject: "LEGACY_API_LIST_URL", reason: "missing" });
    return void 0;
  }
  const check = checkEndpointUrl(url);
  if (!check.ok) problems.push({ subject: "LEGACY_API_LIST_URL", reason: check.reason });
  return check.ok ? url : void 0;
}
function describe({ subject, reason }) {
  const help = helpFor(subject, reason) ?? (reason === "missing" ? EXTRA_HELP[subject] : void 0);
  return `  ${subject}: ${reason}${help ? ` (${help})` : ""}`;
}
function readToolSettings(processEnv, dotenv, needs) {
  const { env, problems: fileProblems } = readVariables(processEnv, dotenv);
  const problems = [...fileProblems];
  const parsed = parseConfig(env);
  if (!parsed.ok) problems.push(...parsed.problems);
  const tenant = needs.tenant ? readTenant(env, problems) : void 0;
  const listUrl = needs.listUrl ? readListUrl(env, problems) : void 0;
  if (!parsed.ok || problems.length > 0) {
    throw new ToolError(
      `the configuration is incomplete (read from the environment and ${dotenv.path}):
${problems.map(describe).join("\n")}`,
      "set these as for the deploy (see docs/tools.md), then run the command again"
    );
  }
  return { config: parsed.config, tenant, listUrl };
}

// src/tools/commands/tenant-source.ts
import { accessSync, constants, statSync } from "node:fs";

// src/shared/tenant-access.ts
import { ManagementClient } from "auth0";

// src/action/discard-body.ts
function discardBody(body) {
  body?.cancel().catch(() => void 0);
}

// src/action/read-body.ts
async function readCappedText(response, cap) {
  const declared = Number(response.headers.get("content-length"));
  if (!response.headers.has("content-encoding") && declared > cap) {
    discardBody(response.body);
    return { ok: false, reason: "body_too_large" };
  }
  const chunks = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (; ; ) {
      const { done, value: value2 } = await reader.read();
      if (done) break;
      size += value2.byteLength;
      if (size > cap) {
        discardBody(reader);
        return { ok: false, reason: "body_too_large" };
      }
      chunks.push(value2);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "body_not_utf8" };
  }
}

// src/shared/bounded-call.ts
var CallTimedOut = class extends Error {
  constructor() {
    super("the call's time bound was reached");
    this.name = "CallTimedOut";
  }
};
async function boundedCall(place, run) {
  const controller = new AbortController();
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new CallTimedOut());
      reject(new CallTimedOut());
    }, place.timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), timedOut]);
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    const cause = causeOf(error, controller.signal.aborted);
    if (cause === void 0) throw error;
    throw new StepFailure(place.step, place.host, cause, {
      timeoutMs: place.timeoutMs,
      source: place.source,
      hint: place.hint,
      cause: error
    });
  } finally {
    clearTimeout(timer);
  }
}

// src/shared/management-status.ts
import { ManagementError } from "auth0";
function errorCode(body) {
  if (typeof body !== "object" || body === null) return void 0;
  const { errorCode: code, error } = body;
  const text = typeof code === "string" ? code : typeof error === "string" ? error : void 0;
  return text !== void 0 && /^[\w .-]{1,60}$/.test(text) ? text : void 0;
}
async function withManagementStatus(call) {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ManagementError && error.statusCode !== void 0) {
      throw new StatusError(error.statusCode, error.rawResponse?.headers, errorCode(error.body), { cause: error });
    }
    throw error;
  }
}

// src/shared/tenant-access.ts
var TOKEN_STEP = "requesting a Management API token";
var TOKEN_BODY_CAP = 64 * 1024;
var TOKEN_HINT = "check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, and that the application is authorized for the Management API";
async function openTenant(credentials, options) {
  const { domain } = credentials;
  const accessToken = "accessToken" in credentials ? credentials.accessToken : await clientCredentialsToken(credentials, options.timeoutMs);
  const management = new ManagementClient({
    domain,
    token: accessToken,
    maxRetries: options.sdkRetries ?? 0,
    timeoutInSeconds: Math.max(1, Math.ceil(options.timeoutMs / 1e3))
  });
  return { domain, accessToken, management };
}
function parsedOrUndefined(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
async function clientCredentialsToken(credentials, timeoutMs) {
  const { domain } = credentials;
  const place = { step: TOKEN_STEP, host: domain, timeoutMs, source: "AUTH0_DOMAIN", hint: TOKEN_HINT };
  const answer = await boundedCall(place, async (signal) => {
    const response = await fetch(`https://${domain}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        audience: `https://${domain}/api/v2/`
      }).toString(),
      redirect: "manual",
      signal
    });
    const body = await readCappedText(response, TOKEN_BODY_CAP);
    const json = body.ok ? parsedOrUndefined(body.text) : void 0;
    if (response.status !== 200) throw new StatusError(response.status, response.headers, errorCode(json));
    return json;
  });
  const token = typeof answer === "object" && answer !== null ? answer.access_token : void 0;
  if (typeof token !== "string" || token === "") {
    throw new StepFailure(TOKEN_STEP, domain, { kind: "answer", detail: "no access_token in the answer" });
  }
  return token;
}

// src/tools/export/user-source.ts
import { createReadStream } from "node:fs";

// src/action/marker.ts
function markerVersion(value2) {
  if (typeof value2 === "number") return value2;
  if (typeof value2 !== "string") return void 0;
  return digitsValue(value2.trim());
}
function currentMarker(appMetadata, repairVersion) {
  if (!isPlainObject(appMetadata)) return void 0;
  const marker = ownValue(appMetadata, MARKER_KEY);
  if (!isPlainObject(marker)) return void 0;
  const version = markerVersion(ownValue(marker, "v"));
  return version !== void 0 && version >= repairVersion ? marker : void 0;
}
function buildMarker(repairVersion, status, now) {
  return { v: repairVersion, status, at: now.toISOString() };
}

// src/action/detect.ts
var SKIP = { kind: "skip" };
var EMPTY = Object.freeze({});
var REFRESH_TOKEN_EXCHANGE = "oauth2-refresh-token";
var AUTH0_PREFIX = /^auth0\|/;
function migrationIdentityId(user, connections) {
  const identities = user.identities;
  if (!isArray(identities)) return void 0;
  for (const identity of identities) {
    if (!isPlainObject(identity) || typeof identity.connection !== "string") continue;
    if (!connections.has(identity.connection)) continue;
    const id = identity.user_id;
    if (typeof id === "string") return id;
    if (typeof id === "number") return `${id}`;
    return user.user_id.replace(AUTH0_PREFIX, "");
  }
  return void 0;
}
function hasAnyValue(current, ignoredKey) {
  for (const key in current) {
    if (key !== ignoredKey && hasOwn(current, key) && current[key] !== void 0 && current[key] !== null) return true;
  }
  return false;
}
function isMissing(current, requiredKeys, ignoredKey) {
  if (requiredKeys.length === 0) return !hasAnyValue(current, ignoredKey);
  for (const key of requiredKeys) if (!hasValue(current, key)) return true;
  return false;
}
function side(value2, requiredKeys, ignoredKey) {
  if (value2 === void 0 || value2 === null) return { current: EMPTY, writable: true, missing: true };
  if (!isPlainObject(value2)) return { current: EMPTY, writable: false, missing: false };
  return { current: value2, writable: true, missing: isMissing(value2, requiredKeys, ignoredKey) };
}
function optionalString(value2) {
  return typeof value2 === "string" ? value2 : void 0;
}
function detect(event, config) {
  const legacyId = migrationIdentityId(event.user, config.connections);
  if (legacyId === void 0) return SKIP;
  if (event.transaction?.protocol === REFRESH_TOKEN_EXCHANGE) return SKIP;
  const { user_metadata, app_metadata } = event.user;
  if (currentMarker(app_metadata, config.repairVersion) !== void 0) return SKIP;
  const user = side(user_metadata, config.requiredUserKeys);
  const app = side(app_metadata, config.requiredAppKeys, MARKER_KEY);
  if (user.missing && user.writable || app.missing && app.writable) {
    const lookup = {
      email: optionalString(event.user.email),
      username: optionalString(event.user.username),
      legacy_id: legacyId
    };
    return { kind: "repair", user, app, lookup };
  }
  if (!user.writable) return { kind: "unrepairable", reason: "user_metadata_not_object" };
  if (!app.writable) return { kind: "unrepairable", reason: "app_metadata_not_object" };
  return SKIP;
}

// src/tools/tenant-user.ts
var optionalString2 = (value2) => typeof value2 === "string" ? value2 : void 0;
function asTenantUser(value2) {
  if (!isPlainObject(value2) || typeof value2.user_id !== "string" || value2.user_id === "") return void 0;
  const identities = Array.isArray(value2.identities) ? value2.identities : void 0;
  return {
    user_id: value2.user_id,
    email: optionalString2(value2.email),
    username: optionalString2(value2.username),
    user_metadata: value2.user_metadata,
    app_metadata: value2.app_metadata,
    identities
  };
}
function loginBlocker(user) {
  const loadable = (value2) => value2 === void 0 || value2 === null || isPlainObject(value2);
  if (!loadable(user.user_metadata)) return "user_metadata_not_object";
  if (!loadable(user.app_metadata)) return "app_metadata_not_object";
  return void 0;
}
function detectFor(user, config) {
  return detect({ user: { ...user }, secrets: {} }, config);
}
function tenantStanding(user, config) {
  if (loginBlocker(user)) return { state: "unrepairable" };
  const marker = currentMarker(user.app_metadata, config.repairVersion);
  if (marker) return { state: ownValue(marker, "status") === "not_found" ? "unknown_to_store" : "repaired" };
  const detection = detectFor(user, config);
  if (detection.kind === "repair") return { state: "needs_repair", repair: detection };
  if (detection.kind === "unrepairable") return { state: "unrepairable" };
  return { state: "complete" };
}
function tenantState(user, config) {
  return tenantStanding(user, config).state;
}

// src/tools/export/export-job.ts
import { setTimeout as sleep } from "node:timers/promises";
var EXPORT_FIELDS = ["user_id", "email", "username", "user_metadata", "app_metadata", "identities"];
var DEFAULT_POLL_MS = 3e3;
var PASS_THROUGH_HINT = "check AUTH0_DOMAIN: it must name the tenant, or a proxy that passes its answers through as they are";
async function connectionId(client, governor, name) {
  const step = `looking up the connection "${name}"`;
  const connections = await governor.call(step, async (signal) => {
    const page = await withManagementStatus(
      client.connections.list({ name, fields: "id,name", include_fields: true }, { abortSignal: signal })
    );
    const answer = page.response;
    if (!isPlainObject(answer) || !Array.isArray(answer.connections)) {
      throw new StepFailure(
        step,
        governor.host,
        {
          kind: "answer",
          detail: "the answer holds no list of connections"
        },
        { hint: PASS_THROUGH_HINT }
      );
    }
    return { data: page.data, rawResponse: page.rawResponse };
  });
  const match = connections.find((connection) => connection.name === name);
  if (match?.id === void 0) {
    throw new ToolError(
      `the tenant has no connection named "${name}"`,
      "MIGRATION_CONNECTIONS must name the custom database connection(s) the users were migrated through"
    );
  }
  return match.id;
}
var phrase = (text) => `"${text.replace(/["\\]/g, "\\$&")}"`;
async function connectionUserCount(client, governor, name) {
  const step = `counting the users of the connection "${name}"`;
  const total = await governor.call(step, async (signal) => {
    const page = await withManagementStatus(
      client.users.list(
        {
          q: `identities.connection:${phrase(name)}`,
          search_engine: "v3",
          include_totals: true,
          per_page: 1,
          page: 0,
          fields: "user_id",
          include_fields: true
        },
        { abortSignal: signal }
      )
    );
    return { data: page.response.total, rawResponse: page.rawResponse };
  });
  if (typeof total !== "number" || !Number.isSafeInteger(total) || total < 0) {
    throw new StepFailure(step, governor.host, { kind: "answer", detail: "the answer holds no total" });
  }
  return total;
}
var UNDER_WAY = /* @__PURE__ */ new Set(["pending", "processing"]);
function fileLocation(location) {
  if (typeof location !== "string" || !URL.canParse(location)) return void 0;
  return new URL(location).protocol === "https:" ? location : void 0;
}
var wait = (ms, signal) => sleep(ms, void 0, { signal }).catch(() => void 0);
async function exportConnection(client, governor, connection, options = {}) {
  const connection_id = await connectionId(client, governor, connection);
  const reportedUsers = await connectionUserCount(client, governor, connection);
  const fields = EXPORT_FIELDS.map((name) => ({ name }));
  const job = await governor.call(
    `starting the users export of "${connection}"`,
    (signal) => withManagementStatus(
      client.jobs.usersExports.create({ connection_id, format: "json", fields }, { abortSignal: signal }).withRawResponse()
    )
  );
  if (typeof job.id !== "string" || job.id === "") {
    throw new StepFailure(`starting the users export of "${connection}"`, governor.host, {
      kind: "answer",
      detail: "the answer holds no job id"
    });
  }
  const step = `waiting for the users export of "${connection}" (job ${job.id})`;
  for (; ; ) {
    if (options.signal?.aborted) throw new ToolError("interrupted while waiting for the export job");
    const status = await governor.call(
      step,
      (signal) => withManagementStatus(client.jobs.get(job.id, { abortSignal: signal }).withRawResponse())
    );
    options.onPoll?.(status.status, status.percentage_done);
    if (status.status === "completed") {
      const location = fileLocation(status.location);
      if (location === void 0) {
        const detail = status.location ? "the job completed with a file location that is not an https URL" : "the job completed without a file location";
        throw new StepFailure(step, governor.host, { kind: "answer", detail });
      }
      return { location, reportedUsers };
    }
    if (status.status === "failed") {
      const details = typeof status.status_details === "string" ? `: ${status.status_details}` : "";
      throw new StepFailure(step, governor.host, { kind: "answer", detail: `the job failed${details}` });
    }
    if (!UNDER_WAY.has(status.status)) {
      const named = typeof status.status === "string" ? JSON.stringify(status.status) : "(no status)";
      const detail = `the job is ${named}, neither pending, processing, completed nor failed`;
      throw new StepFailure(step, governor.host, { kind: "answer", detail });
    }
    await wait(options.pollIntervalMs ?? DEFAULT_POLL_MS, options.signal);
  }
}

// src/tools/export/ndjson-lines.ts
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
var MAX_LINE_CHARS = 8 * 1024 * 1024;
var NdjsonError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "NdjsonError";
  }
};
function isZlibError(error) {
  const code = error?.code;
  return error instanceof Error && typeof code === "string" && code.startsWith("Z_");
}
async function* gunzipIfNeeded(source) {
  const iterator = source[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    if (first.done) return;
    async function* all() {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    }
    if (first.value[0] !== 31 || first.value[1] !== 139) {
      yield* all();
      return;
    }
    const gunzip = createGunzip();
    const input = Readable.from(all(), { objectMode: false });
    input.on("error", (error) => gunzip.destroy(error));
    try {
      yield* input.pipe(gunzip);
    } catch (error) {
      if (isZlibError(error)) throw new NdjsonError(`the gzip stream is damaged (${error.message})`);
      throw error;
    }
  } finally {
    await iterator.return?.();
  }
}
async function* ndjsonLines(source) {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  for await (const chunk of gunzipIfNeeded(source)) {
    pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let start = 0;
    for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n", start)) {
      const line = pending.slice(start, end).trim();
      if (line !== "") yield line;
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS) throw new NdjsonError(`a line is longer than ${MAX_LINE_CHARS} characters`);
  }
  const last = (pending + decoder.end()).trim();
  if (last !== "") yield last;
}

// src/tools/export/user-source.ts
async function* parseUsers(lines, label, connection) {
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      let value2;
      try {
        value2 = JSON.parse(line);
      } catch {
        throw new ToolError(`${label} is not NDJSON: line ${lineNumber} is not JSON`);
      }
      const user = asTenantUser(value2);
      if (!user) throw new ToolError(`${label}: line ${lineNumber} is not a user (no user_id)`);
      if (user.identities === void 0 && connection !== void 0) user.identities = [{ connection }];
      yield user;
    }
  } catch (error) {
    if (error instanceof NdjsonError) throw new ToolError(`${label} is not NDJSON: ${error.message}`);
    throw error;
  }
}
function usersFromFile(path) {
  return () => parseUsers(ndjsonLines(createReadStream(path)), `the export file ${path}`);
}
async function* download(location, connection, timeoutMs) {
  const place = { step: `downloading the users export of "${connection}"`, host: new URL(location).host, timeoutMs };
  const body = await boundedCall(place, async (signal) => {
    const answer = await fetch(location, { signal });
    if (answer.status !== 200 || answer.body === null) {
      discardBody(answer.body);
      throw new StatusError(answer.status);
    }
    return answer.body;
  });
  const reader = body.getReader();
  try {
    for (; ; ) {
      const next = await boundedCall(place, () => reader.read());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await reader.cancel().catch(() => void 0);
  }
}
async function* counted(users, connection, reported) {
  let exported = 0;
  for await (const user of users) {
    exported++;
    yield user;
  }
  if (exported < reported) {
    throw new ToolError(
      `the export of "${connection}" holds ${exported} user(s), but the tenant reports ${reported} on that connection; the export is incomplete, so nothing was concluded or written from it`,
      "run the command again; if the numbers still disagree, export the users yourself and pass --export-file"
    );
  }
}
function usersFromTenant(client, governor, connections, options) {
  return async function* (stop) {
    const signals = [options.signal, stop].filter((signal2) => signal2 !== void 0);
    const signal = signals.length > 0 ? AbortSignal.any(signals) : void 0;
    for (const connection of connections) {
      const { location, reportedUsers } = await exportConnection(client, governor, connection, { ...options, signal });
      const users = parseUsers(
        ndjsonLines(download(location, connection, options.timeoutMs)),
        `the export of "${connection}"`,
        connection
      );
      yield* counted(users, connection, reportedUsers);
    }
  };
}

// src/tools/management/rate-governor.ts
import { setTimeout as sleep2 } from "node:timers/promises";

// src/action/backoff.ts
function backoffMs(attempt, firstMs, random = Math.random) {
  const step = firstMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(step / 2 + random() * (step / 2));
}

// src/tools/management/rate-governor.ts
var RATE_LIMIT_ATTEMPTS = 8;
var FAILURE_ATTEMPTS = 3;
var MAX_PAUSE_MS = 6e4;
var FIRST_BACKOFF_MS = 500;
var RESET_MARGIN_MS = 50;
var WAKE_JITTER_MS = 100;
var ANSWER_JITTER_MS = 20;
var ASSUMED_WINDOW_MS = 1e3;
var realClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep2(ms, void 0, { signal }).catch(() => void 0)
};
function header(headers, name) {
  const text = headers?.get(name)?.trim();
  return text === void 0 ? void 0 : digitsValue(text);
}
var RateGovernor = class {
  constructor(options) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
  }
  options;
  stats = { calls: 0, rateLimited: 0 };
  clock;
  random;
  window;
  limit;
  /** Whether an answer has come yet: before it, nothing is known of the limit. */
  answered = false;
  inFlight = 0;
  pausedUntil = 0;
  waiters = /* @__PURE__ */ new Set();
  get host() {
    return this.options.host;
  }
  async call(step, request, options = {}) {
    const failureAttempts = options.once ? 1 : FAILURE_ATTEMPTS;
    const paced = options.beforeResend === void 0;
    for (let attempt = 1, failures = 0; ; attempt++) {
      await this.takeTurn(paced);
      this.stats.calls++;
      let failure;
      try {
        const { data, rawResponse } = await boundedCall(
          {
            step,
            host: this.options.host,
            timeoutMs: this.options.timeoutMs,
            source: "AUTH0_DOMAIN",
            hint: this.options.refusalHint
          },
          request
        );
        this.settle(rawResponse.headers);
        return data;
      } catch (error) {
        const headers = error instanceof StepFailure && error.cause instanceof StatusError ? error.cause.headers : void 0;
        this.settle(headers);
        if (!(error instanceof StepFailure)) throw error;
        failure = error;
      }
      const { failure: cause } = failure;
      if (cause.kind === "status" && cause.status === 429) {
        this.stats.rateLimited++;
        if (attempt >= RATE_LIMIT_ATTEMPTS) throw failure;
        this.pauseAfter429(failure);
        await options.beforeResend?.();
        continue;
      }
      failures++;
      if (!isRetryableCause(cause) || failures >= failureAttempts) throw failure;
      this.options.onRetry?.(failure, failures, failureAttempts);
      await this.clock.sleep(backoffMs(failures, FIRST_BACKOFF_MS, this.random));
    }
  }
  /** The calls that may start now. */
  available() {
    const { window } = this;
    if (!this.answered) return 1 - this.inFlight;
    if (window === void 0) return Number.POSITIVE_INFINITY;
    return window.lowest - this.inFlight - window.unanswered;
  }
  /** Waits for a turn and takes it (counted in flight) before anyone else can look; unpaced, only a 429's pause holds it. */
  async takeTurn(paced) {
    for (; ; ) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.wait(this.pausedUntil);
        continue;
      }
      this.rollOver(now);
      if (!paced || this.available() > 0) {
        this.inFlight++;
        return;
      }
      const wokenByAnswer = await this.wait(this.window?.endsAt ?? now + MAX_PAUSE_MS);
      if (wokenByAnswer) await this.clock.sleep(backoffMs(1, ANSWER_JITTER_MS, this.random));
    }
  }
  /** Sleeps until `until` plus jitter, or until an answer changes the budget (then resolves true). */
  async wait(until) {
    const woken = new AbortController();
    const wake = () => woken.abort();
    this.waiters.add(wake);
    try {
      const jitter = backoffMs(1, WAKE_JITTER_MS, this.random);
      await this.clock.sleep(Math.max(0, until - this.clock.now()) + jitter, woken.signal);
      return woken.signal.aborted;
    } finally {
      this.waiters.delete(wake);
    }
  }
  rollOver(now) {
    const { window } = this;
    if (window === void 0 || now < window.endsAt || this.limit === void 0) return;
    this.window = {
      reset: window.reset,
      endsAt: now + ASSUMED_WINDOW_MS,
      lowest: this.limit,
      unanswered: 0,
      assumed: true
    };
  }
  /** A call ended: what its answer says about the window, then every waiter looks again. */
  settle(headers) {
    this.inFlight--;
    if (headers !== void 0) this.answered = true;
    const remaining = header(headers, "x-ratelimit-remaining");
    const reset = header(headers, "x-ratelimit-reset");
    if (remaining === void 0 || reset === void 0) {
      if (this.window) this.window.unanswered++;
    } else {
      this.observe(remaining, reset, header(headers, "x-ratelimit-limit"));
    }
    for (const wake of [...this.waiters]) wake();
  }
  observe(remaining, reset, limit) {
    this.limit = limit ?? Math.max(this.limit ?? 0, remaining + 1);
    const { window } = this;
    if (window === void 0 || reset > window.reset) {
      const endsAt = Math.min(reset * 1e3 + RESET_MARGIN_MS, this.clock.now() + MAX_PAUSE_MS);
      this.window = { reset, endsAt, lowest: remaining, unanswered: 0, assumed: false };
    } else if (reset === window.reset && !window.assumed) {
      window.lowest = Math.min(window.lowest, remaining);
    }
  }
  /**
   * Everyone waits for what the 429 asks: its `Retry-After`, else until its `X-RateLimit-Reset`
   * (when still ahead here), else a backoff step; at most MAX_PAUSE_MS.
   */
  pauseAfter429(failure) {
    const now = this.clock.now();
    const headers = failure.cause instanceof StatusError ? failure.cause.headers : void 0;
    const retryAfter = parseRetryAfter(headers?.get("retry-after") ?? null, now);
    const reset = header(headers, "x-ratelimit-reset");
    const untilReset = reset === void 0 ? void 0 : reset * 1e3 + RESET_MARGIN_MS - now;
    const pause = retryAfter ?? (untilReset !== void 0 && untilReset > 0 ? untilReset : void 0) ?? backoffMs(1, FIRST_BACKOFF_MS, this.random);
    this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(MAX_PAUSE_MS, Math.max(0, pause)));
  }
};

// src/tools/management/tenant-users.ts
var NOT_THE_USER = "not_the_user";
var READ_FIELDS = "user_id,email,username,user_metadata,app_metadata,identities";
function tenantUsers(client, governor) {
  return {
    async read(userId) {
      try {
        const step = `reading user ${userId}`;
        const answer = await governor.call(
          step,
          (signal) => withManagementStatus(
            client.users.get(userId, { fields: READ_FIELDS, include_fields: true }, { abortSignal: signal }).withRawResponse()
          )
        );
        const user = asTenantUser(answer);
        if (user?.user_id !== userId) {
          throw new StepFailure(step, governor.host, { kind: "answer", detail: NOT_THE_USER });
        }
        return user;
      } catch (error) {
        if (error instanceof StepFailure && error.failure.kind === "status" && error.failure.status === 404) {
          return void 0;
        }
        throw error;
      }
    },
    async update(userId, body) {
      await governor.call(
        `updating user ${userId}`,
        (signal) => withManagementStatus(client.users.update(userId, body, { abortSignal: signal }).withRawResponse())
      );
    }
  };
}

// src/tools/commands/tenant-source.ts
var USERS_SCOPES_HINT = "the application needs the Management API scopes read:users, update:users and read:connections";
function readableFile(path) {
  let reason;
  try {
    accessSync(path, constants.R_OK);
    if (statSync(path).isDirectory()) reason = "it is a folder";
  } catch (error) {
    reason = fileErrorReason(error);
  }
  if (reason !== void 0) throw new ToolError(`cannot read the export file ${path}: ${reason}`);
}
async function openTenantApi(credentials, io, timeoutMs, refusalHint = USERS_SCOPES_HINT) {
  const access = await openTenant(credentials, { timeoutMs });
  const governor = new RateGovernor({
    host: access.domain,
    timeoutMs,
    refusalHint,
    onRetry: (failure, attempt, attempts) => io.stderr.write(`${failure.message}; trying again (${attempt + 1} of ${attempts})
`)
  });
  return { access, governor };
}
function exportedUsers(config, io, api, timeoutMs) {
  let lastStatus = "";
  return usersFromTenant(api.access.management, api.governor, config.connections, {
    timeoutMs,
    pollIntervalMs: io.exportPollMs,
    signal: io.signal,
    onPoll: (status, percent) => {
      const line = `export job ${status}${percent === void 0 ? "" : ` ${percent}%`}`;
      if (line !== lastStatus) io.stderr.write(`${line}
`);
      lastStatus = line;
    }
  });
}
async function tenantSide(config, io, options) {
  const { timeoutMs } = options.common;
  if (options.exportFile !== void 0) readableFile(options.exportFile);
  const api = options.tenant ? await openTenantApi(options.tenant, io, timeoutMs) : void 0;
  const writes = api ? tenantUsers(api.access.management, api.governor) : void 0;
  if (options.exportFile !== void 0) return { source: usersFromFile(options.exportFile), writes, ...api };
  if (!api) throw new ToolError("the tenant's credentials are needed to export its users");
  return { source: exportedUsers(config, io, api, timeoutMs), writes, ...api };
}

export {
  ndjsonLines,
  objectKeys,
  isArray,
  MARKER_KEY,
  RESERVED_APP_METADATA_KEYS,
  METADATA_BUDGET_BYTES,
  MAX_VALUE_DEPTH,
  isForbiddenKeyName,
  isPlainObject,
  ownValue,
  hasValue,
  buildMarker,
  migrationIdentityId,
  asTenantUser,
  loginBlocker,
  detectFor,
  tenantStanding,
  tenantState,
  backoffMs,
  discardBody,
  readCappedText,
  fillUrlTemplate,
  headerValue,
  TIMEOUT_MS_RANGE,
  REPAIR_VERSION_RANGE,
  MAX_SECRET_VALUE_LENGTH,
  readToolSettings,
  errorCode,
  withManagementStatus,
  connectionId,
  openTenantApi,
  exportedUsers,
  tenantSide
};
