// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.

// src/action/digits.ts
var DIGITS = /^\d+$/;
function digitsValue(text) {
  return DIGITS.test(text) ? Number(text) : void 0;
}

// src/action/http-failure.ts
var TRANSPORT_CODES = [
  [/REFUSED/, "connection_refused"],
  [/RESET|EPIPE|SOCKET|CLOSED/, "connection_reset"],
  [/NOTFOUND|EAI_AGAIN/, "dns"],
  [/TIMEDOUT|TIMEOUT/, "timeout"]
];
var TLS_CODE = /CERT|TLS|SSL|UNABLE_TO_VERIFY/;
var DECODING_CODE = /^Z_|^ERR__ERROR_|BROTLI|ZSTD|content-encoding/i;
var PARSER_CODE = /^HPE_|HEADERS_OVERFLOW/;
function errorCode(error) {
  let current = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = current.code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return void 0;
}
function transient(reason, status, retryAfterMs) {
  return { outcome: "legacy_error", retryable: true, reason, status, retryAfterMs };
}
function invalid(reason, status) {
  return { outcome: "invalid_response", retryable: false, reason, status };
}
function classifyThrown(error, deadlineExpired) {
  if (deadlineExpired) return transient("timeout");
  const code = errorCode(error) ?? `${error?.cause}`;
  if (DECODING_CODE.test(code)) return invalid("body_not_decodable");
  if (PARSER_CODE.test(code)) return invalid("not_http");
  if (TLS_CODE.test(code)) return { outcome: "legacy_error", retryable: false, reason: "tls" };
  return transient(TRANSPORT_CODES.find(([pattern]) => pattern.test(code))?.[1] ?? "network");
}
function isTransientStatus(status) {
  return status === 429 || status === 408 || status >= 500 && status < 600;
}
function classifyStatus(response) {
  const reason = `status_${response.status}`;
  if (!isTransientStatus(response.status)) return invalid(reason, response.status);
  return transient(reason, response.status, parseRetryAfter(response.headers.get("retry-after")));
}
function atTokenEndpoint(failure) {
  return { ...failure, reason: `oauth_${failure.reason}` };
}
function parseRetryAfter(header, now = Date.now()) {
  if (header === null) return void 0;
  const value = header.trim();
  const seconds = digitsValue(value);
  if (seconds !== void 0) return seconds * 1e3;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return void 0;
  return Math.max(0, date - now);
}

// src/shared/failure-cause.ts
var NETWORK_CAUSE_TEXT = {
  dns: "DNS: the host name does not resolve",
  refused: "refused: nothing accepts connections on that host and port",
  tls: "TLS: the certificate is not trusted or not for this host",
  timeout: "timeout: no answer in time",
  reset: "the connection was closed before the answer was complete",
  network: "a network error"
};
var FROM_ACTION_REASON = {
  dns: "dns",
  connection_refused: "refused",
  tls: "tls",
  timeout: "timeout",
  connection_reset: "reset",
  network: "network"
};
var StatusError = class extends Error {
  constructor(status, headers, detail, options) {
    super(`status ${status}${detail ? ` (${detail})` : ""}`, options);
    this.status = status;
    this.headers = headers;
    this.detail = detail;
    this.name = "StatusError";
  }
  status;
  headers;
  detail;
};
function networkCause(error, timedOut) {
  return FROM_ACTION_REASON[classifyThrown(error, timedOut).reason] ?? "network";
}
function causeOf(error, timedOut) {
  if (timedOut) return { kind: "timeout" };
  const found = causeInChain(error);
  if (found) return found;
  for (const link of chain(error)) {
    if (link instanceof TypeError && link.message === "fetch failed") {
      const reason = link.cause instanceof Error ? link.cause.message : void 0;
      return { kind: "network", detail: reason };
    }
  }
  return void 0;
}
var NETWORK_CODE = /^(ECONN[A-Z]+|EPIPE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$|CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/;
function* chain(error) {
  let current = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    yield current;
    current = current.cause;
  }
}
function causeInChain(error) {
  for (const link of chain(error)) {
    if (link instanceof StatusError) return { kind: "status", status: link.status, detail: link.detail };
    const { code, statusCode } = link;
    if (typeof code === "string" && NETWORK_CODE.test(code)) {
      return { kind: networkCause(link, false) };
    }
    if (typeof statusCode === "number") return { kind: "status", status: statusCode };
  }
  return void 0;
}
function causeOfReason(reason) {
  const bare = reason.replace(/^oauth_/, "");
  const status = /^status_(\d{3})$/.exec(bare);
  if (status) return { kind: "status", status: Number(status[1]) };
  const network = FROM_ACTION_REASON[bare];
  return network ? { kind: network } : { kind: "answer", detail: `an unusable answer (${bare})` };
}
function describeCause(cause, timeoutMs) {
  switch (cause.kind) {
    case "status":
      return `HTTP ${cause.status}${cause.detail ? ` (${cause.detail})` : ""}`;
    case "answer":
      return cause.detail;
    case "timeout":
      return timeoutMs === void 0 ? NETWORK_CAUSE_TEXT.timeout : `timeout: no answer within ${formatSeconds(timeoutMs)}`;
    default:
      return cause.detail ? `${NETWORK_CAUSE_TEXT[cause.kind]} (${cause.detail})` : NETWORK_CAUSE_TEXT[cause.kind];
  }
}
function formatSeconds(ms) {
  return `${Number((ms / 1e3).toFixed(1))} s`;
}
function isRetryableCause(cause) {
  if (cause.kind === "status") return cause.status === 429 || cause.status === 408 || cause.status >= 500;
  return cause.kind === "timeout" || cause.kind === "reset" || cause.kind === "network";
}

// src/shared/step-failure.ts
var NETWORK_HINTS = {
  dns: (source) => `check ${source}: this machine cannot resolve that name`,
  refused: (source) => `check ${source} (host and port), and that the service is running`,
  tls: () => "the certificate must be valid for the host; a private CA can be trusted with NODE_EXTRA_CA_CERTS",
  timeout: () => "check the network between this machine and the host; if the service is only slow, raise --timeout",
  reset: (source) => `check ${source} and the network between this machine and the host`,
  network: (source) => `check ${source} and the network between this machine and the host`
};
function hintFor(cause, details) {
  switch (cause.kind) {
    case "status":
      if (cause.status === 429 || cause.status >= 500) return "the service is failing or overloaded: try again later";
      return details.hint;
    case "answer":
      return details.hint;
    default:
      return NETWORK_HINTS[cause.kind](details.source ?? "the host");
  }
}
var StepFailure = class extends Error {
  constructor(step, host, failure, details = {}) {
    super(`${step} failed at ${host}: ${describeCause(failure, details.timeoutMs)}`, { cause: details.cause });
    this.step = step;
    this.host = host;
    this.failure = failure;
    this.name = "StepFailure";
    this.hint = hintFor(failure, details);
  }
  step;
  host;
  failure;
  /** What the command had changed when it stopped, filled in by the command (`noteChanges`). */
  changed;
  hint;
};
async function noteChanges(work, changed) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StepFailure && error.changed === void 0) error.changed = changed();
    throw error;
  }
}
function stepFailureLines(failure, unchanged) {
  const lines = [failure.message, `  ${failure.changed ?? unchanged}`];
  if (failure.hint) lines.push(`  ${failure.hint}`);
  return lines;
}

// src/shared/env-file.ts
import { readFileSync } from "node:fs";
var EnvFileError = class extends Error {
  /** `line` is absent when the problem is the file itself (it does not exist). */
  constructor(file, line, problem) {
    super(`${file}${line === void 0 ? "" : `:${line}`}: ${problem}`);
    this.name = "EnvFileError";
  }
};
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var ESCAPES = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" };
function unquoteDouble(body) {
  let value = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char !== "\\") {
      value += char;
      continue;
    }
    const escaped = ESCAPES[body[i + 1] ?? ""];
    if (escaped === void 0) return { ok: false, problem: "unknown escape in double-quoted value" };
    value += escaped;
    i++;
  }
  return { ok: true, value };
}
function parseValue(raw) {
  const text = raw.trim();
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const end = quote === '"' ? closingDoubleQuote(text) : text.indexOf("'", 1);
    if (end < 0) return { ok: false, problem: "unterminated quoted value" };
    const rest = text.slice(end + 1).trim();
    if (rest !== "" && !rest.startsWith("#")) return { ok: false, problem: "text after the closing quote" };
    const body = text.slice(1, end);
    return quote === '"' ? unquoteDouble(body) : { ok: true, value: body };
  }
  const comment = text.search(/\s#/);
  return { ok: true, value: (comment >= 0 ? text.slice(0, comment) : text).trim() };
}
function closingDoubleQuote(text) {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
function parseEnvText(text, file = ".env") {
  const values = /* @__PURE__ */ Object.create(null);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const assignment = trimmed.replace(/^export\s+/, "");
    const equals = assignment.indexOf("=");
    if (equals < 0) throw new EnvFileError(file, index + 1, "expected NAME=value");
    const name = assignment.slice(0, equals).trim();
    if (!NAME.test(name)) throw new EnvFileError(file, index + 1, "invalid variable name");
    const parsed = parseValue(assignment.slice(equals + 1));
    if (!parsed.ok) throw new EnvFileError(file, index + 1, parsed.problem);
    values[name] = parsed.value;
  });
  return { ...values };
}
function loadEnvFile(path, options = {}) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" && !options.required) return {};
    if (code === "ENOENT") throw new EnvFileError(path, void 0, "no such file");
    if (code === "EISDIR" || code === "EACCES") throw new EnvFileError(path, void 0, "cannot be read");
    throw error;
  }
  return parseEnvText(text, path);
}

// src/shared/variables.ts
var DOTENV_FLAG = "dotenv";
var DEFAULT_DOTENV = ".env";
function dotenvChoice(flagValue) {
  return flagValue === void 0 ? { path: DEFAULT_DOTENV, required: false } : { path: flagValue, required: true };
}
function readVariables(processEnv, file) {
  let fromFile = {};
  try {
    fromFile = loadEnvFile(file.path, { required: file.required });
  } catch (error) {
    if (!(error instanceof EnvFileError)) throw error;
    const subject = file.required ? `--${DOTENV_FLAG}` : DEFAULT_DOTENV;
    return { env: processEnv, problems: [{ subject, reason: error.message }] };
  }
  const env = { ...fromFile };
  for (const [name, value] of Object.entries(processEnv)) if (value !== void 0 && value !== "") env[name] = value;
  return { env, problems: [] };
}

export {
  digitsValue,
  invalid,
  classifyThrown,
  classifyStatus,
  atTokenEndpoint,
  parseRetryAfter,
  StatusError,
  causeOf,
  causeOfReason,
  describeCause,
  formatSeconds,
  isRetryableCause,
  StepFailure,
  noteChanges,
  stepFailureLines,
  DOTENV_FLAG,
  dotenvChoice,
  readVariables
};
