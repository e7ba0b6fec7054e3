// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  ACTION_NAME
} from "./chunk-HW5AEGFW.js";
import {
  MARKER_KEY,
  MAX_SECRET_VALUE_LENGTH,
  REPAIR_VERSION_RANGE,
  TIMEOUT_MS_RANGE,
  errorCode,
  isPlainObject,
  openTenantApi,
  readCappedText,
  readToolSettings
} from "./chunk-ZPMHBCPE.js";
import {
  StatusError,
  StepFailure,
  causeOfReason,
  describeCause,
  digitsValue,
  formatSeconds
} from "./chunk-QTCBT552.js";
import "./chunk-Y3KWZ7AQ.js";
import {
  ToolError
} from "./chunk-SGK6UJTW.js";

// src/action/log-line.ts
var LOG_PREFIX = "repair-migrated-metadata";

// src/shared/action-log-fields.ts
function actionLogLine(output) {
  return output.split(/\r?\n/).find((candidate) => candidate.startsWith(`${LOG_PREFIX} `));
}
function actionLogFields(output) {
  const line = actionLogLine(output);
  if (line === void 0) return void 0;
  const fields = {};
  for (const word of line.slice(LOG_PREFIX.length + 1).split(" ")) {
    const equals = word.indexOf("=");
    if (equals > 0) fields[word.slice(0, equals)] = word.slice(equals + 1);
  }
  return fields;
}

// src/shared/management-fetch.ts
var ANSWER_CAP_BYTES = 4 * 1024 * 1024;
function parsedOrUndefined(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function managementRequest(tenant, method, path, body) {
  return async (signal) => {
    const response = await fetch(`https://${tenant.domain}/api/v2${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tenant.accessToken}`,
        accept: "application/json",
        ...body === void 0 ? {} : { "content-type": "application/json" }
      },
      body: body === void 0 ? void 0 : JSON.stringify(body),
      redirect: "manual",
      signal
    });
    const text = await readCappedText(response, ANSWER_CAP_BYTES);
    if (response.status < 200 || response.status > 299) {
      const code = text.ok ? errorCode(parsedOrUndefined(text.text)) : void 0;
      throw new StatusError(response.status, response.headers, code);
    }
    return { data: text, rawResponse: { headers: response.headers } };
  };
}

// src/shared/smoke/find-action.ts
import { setTimeout as sleep } from "node:timers/promises";
import * as z from "zod/mini";
var actionSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.optional(z.string()),
  all_changes_deployed: z.optional(z.boolean())
});
var listSchema = z.object({ actions: z.array(z.unknown()) });
var BUILDING = /* @__PURE__ */ new Set(["pending", "building", "packaged", "retrying"]);
var DEFAULT_POLL_MS = 1e3;
function json(text, step, host) {
  try {
    if (text.ok) return JSON.parse(text.text);
  } catch {
  }
  throw new StepFailure(step, host, { kind: "answer", detail: "the answer is not JSON" });
}
function asAction(value) {
  const parsed = actionSchema.safeParse(value);
  if (!parsed.success) return void 0;
  const { id, name, status, all_changes_deployed } = parsed.data;
  return { id, name, status, allChangesDeployed: all_changes_deployed };
}
async function lookUp({ tenant, call, name }) {
  const step = `finding the Action "${name}"`;
  const query = new URLSearchParams({ actionName: name, per_page: "50" });
  const text = await call(step, managementRequest(tenant, "GET", `/actions/actions?${query}`));
  const list = listSchema.safeParse(json(text, step, tenant.domain));
  if (!list.success) throw new StepFailure(step, tenant.domain, { kind: "answer", detail: "no list of actions" });
  const matches = list.data.actions.map(asAction).filter((action) => action?.name === name);
  const [found] = matches;
  if (found === void 0) {
    throw new StepFailure(
      step,
      tenant.domain,
      { kind: "answer", detail: `the tenant has no Action named "${name}"` },
      { hint: "deploy it first: npm run deploy" }
    );
  }
  return found;
}
async function reread(options, id) {
  const step = `waiting for the Action "${options.name}" to be built`;
  const text = await options.call(step, managementRequest(options.tenant, "GET", `/actions/actions/${id}`));
  const action = asAction(json(text, step, options.tenant.domain));
  if (!action) throw new StepFailure(step, options.tenant.domain, { kind: "answer", detail: "not an Action" });
  return action;
}
async function findAction(options) {
  let action = await lookUp(options);
  const started = Date.now();
  while (action.status !== void 0 && BUILDING.has(action.status)) {
    if (Date.now() - started >= options.buildWaitMs) {
      throw new StepFailure(
        `waiting for the Action "${options.name}" to be built`,
        options.tenant.domain,
        { kind: "answer", detail: `still ${action.status} after ${formatSeconds(options.buildWaitMs)}` },
        { hint: "Auth0 is still building the Action's code: run the command again in a minute" }
      );
    }
    await sleep(options.pollMs ?? DEFAULT_POLL_MS);
    action = await reread(options, action.id);
  }
  if (action.status === "failed") {
    throw new StepFailure(
      `finding the Action "${options.name}"`,
      options.tenant.domain,
      { kind: "answer", detail: "the Action's code failed to build in Auth0" },
      { hint: "the Action's page in the dashboard shows the build error; deploy again once it is fixed" }
    );
  }
  return action;
}

// src/shared/smoke/smoke-event.ts
import { randomBytes } from "node:crypto";
var SMOKE_PROVIDER = "repair-migrated-metadata-smoke";
var hex = (bytes) => randomBytes(bytes).toString("hex");
function missingLookup(config, user) {
  if (config.placeholders.includes("legacy_id") && user.legacyId === void 0) {
    return "LEGACY_API_URL uses {legacy_id}: pass --legacy-id <the user's id in the legacy store>";
  }
  if (config.placeholders.includes("username") && user.username === void 0) {
    return "LEGACY_API_URL uses {username}: pass --username <the user's username>";
  }
  return void 0;
}
function smokeUserId() {
  return `${SMOKE_PROVIDER}|${hex(8)}`;
}
function buildSmokeEvent(input, userId) {
  const { user, connection, now } = input;
  const at = now.toISOString();
  const identityId = user.legacyId ?? userId.slice(SMOKE_PROVIDER.length + 1);
  return {
    user: {
      user_id: userId,
      email: user.email,
      email_verified: true,
      ...user.username === void 0 ? {} : { username: user.username },
      user_metadata: {},
      app_metadata: {},
      identities: [{ connection, provider: "auth0", user_id: identityId, isSocial: false }],
      created_at: at,
      updated_at: at,
      last_login: at
    },
    connection: { id: `con_${hex(8)}`, name: connection, strategy: "auth0", metadata: {} },
    client: { client_id: SMOKE_PROVIDER, name: `${SMOKE_PROVIDER} (synthetic)`, metadata: {} },
    transaction: {
      id: `tx_${hex(8)}`,
      protocol: "oidc-basic-profile",
      requested_scopes: ["openid", "profile", "email"],
      locale: "en"
    },
    request: {
      ip: "127.0.0.1",
      method: "GET",
      user_agent: SMOKE_PROVIDER,
      language: "en",
      query: {},
      body: {},
      geoip: {}
    },
    stats: { logins_count: 1 },
    tenant: { id: input.tenantDomain.split(/[.:]/)[0] ?? input.tenantDomain },
    session: { id: `ses_${hex(8)}` },
    authentication: { methods: [{ name: "pwd", timestamp: at }] },
    authorization: { roles: [] }
  };
}

// src/shared/config-problem-text.ts
var CONFIG_REASONS = {
  missing: "is not set",
  not_a_string: "is not a string",
  unreplaced_placeholder: "still holds a Deploy CLI placeholder (@@NAME@@ / ##NAME##)",
  not_a_url: "is not a URL",
  not_https: "must use https: (http: only for localhost / 127.x / [::1])",
  credentials_in_url: "must not carry a user or password in the URL",
  unknown_placeholder: "uses a placeholder other than {email}, {username}, {legacy_id}",
  unbalanced_brace: "has an unbalanced { or }",
  no_placeholder: "has no {email}, {username} or {legacy_id} placeholder",
  has_fragment: "must not contain #",
  placeholder_in_host: "puts a placeholder in the host name",
  invalid_characters: "holds characters an HTTP header cannot carry",
  expected_user_colon_password: "must be user:password",
  invalid_header_name: "is not a valid HTTP header name",
  invalid_key_name: 'names a metadata key with "." or "$" (or NUL, or a prototype name)',
  reserved_key: "names an app_metadata key Auth0 reserves (or the Action's marker)",
  not_an_integer: "is not a whole number",
  out_of_range: `is out of range (LEGACY_API_TIMEOUT_MS: ${TIMEOUT_MS_RANGE[0]} to ${TIMEOUT_MS_RANGE[1]}; REPAIR_VERSION: ${REPAIR_VERSION_RANGE[0]} to ${REPAIR_VERSION_RANGE[1]})`,
  invalid_path: "is not a valid dot path, or maps a key to one (not a string, empty segments, or names every object inherits such as toString)",
  invalid_value: "must be continue or deny",
  missing_auth: "is not set, and no other legacy API authentication is configured",
  multiple_auth_methods: "configure more than one authentication method; keep exactly one",
  too_long: `is longer than the ${MAX_SECRET_VALUE_LENGTH} characters Auth0 stores in a secret`,
  not_json: "is not JSON",
  not_an_object: 'is not a JSON object ({"<metadata key>": "<dot path>"})',
  empty_map: "maps no key: a map needs at least one",
  map_and_path_both_set: "is set together with the *_PATH secret of the same metadata; set one of the two"
};
function isConfigReason(reason) {
  return Object.hasOwn(CONFIG_REASONS, reason);
}
function explainConfigProblem(problem) {
  const { reason } = problem;
  return `${problem.subject} ${isConfigReason(reason) ? CONFIG_REASONS[reason] : `is invalid (${reason})`}`;
}

// src/shared/legacy-auth-secrets.ts
var AUTH_SECRETS = {
  bearer: "LEGACY_API_TOKEN",
  basic: "LEGACY_API_BASIC_AUTH",
  header: "LEGACY_API_KEY_HEADER / LEGACY_API_KEY",
  oauth: "LEGACY_OAUTH_CLIENT_ID / LEGACY_OAUTH_CLIENT_SECRET (and LEGACY_OAUTH_AUDIENCE / _SCOPE)"
};

// src/shared/smoke/smoke-verdict.ts
var VERDICT_HEADLINES = {
  store_answered: "OK: the Action reached the legacy store from inside Auth0",
  store_failed: "FAILED: the Action could not use the legacy store from inside Auth0",
  configuration_wrong: "FAILED: the Action's configuration in Auth0 is wrong",
  action_failed: "FAILED: the Action did not complete in Auth0's runtime",
  action_silent: "FAILED: the Action ran but did nothing for this user",
  answer_unreadable: "UNKNOWN: Auth0's answer could not be read"
};
var FROM_AUTH0 = "Auth0 calls the store from its own network: the host must resolve in public DNS, let Auth0's outbound IP addresses through any allow list, and present a certificate from a public CA, valid for that host";
var METADATA_PATH_SECRETS = {
  user_metadata_not_object: "LEGACY_USER_METADATA_PATH",
  app_metadata_not_object: "LEGACY_APP_METADATA_PATH"
};
function where(reason) {
  return reason.startsWith("oauth_") ? "the OAuth token endpoint (LEGACY_OAUTH_TOKEN_URL)" : "the legacy store";
}
function storeFailure(reason) {
  const cause = causeOfReason(reason);
  const hint = cause.kind === "status" ? "the store answered but failed; look at its own logs for this request" : cause.kind === "answer" ? void 0 : FROM_AUTH0;
  return { verdict: "store_failed", detail: `${where(reason)} failed: ${describeCause(cause)}`, hint };
}
function invalidResponse(reason, config) {
  const cause = causeOfReason(reason);
  if (cause.kind === "status" && (cause.status === 401 || cause.status === 403)) {
    const secret = reason.startsWith("oauth_") ? AUTH_SECRETS.oauth : AUTH_SECRETS[config.auth.kind];
    return {
      verdict: "configuration_wrong",
      detail: `${where(reason)} refused the credentials (HTTP ${cause.status})`,
      secret,
      hint: `check the Action's ${secret} in Auth0 (deploy again with the right value)`
    };
  }
  const pathSecret = METADATA_PATH_SECRETS[reason];
  if (pathSecret) {
    return {
      verdict: "configuration_wrong",
      detail: `the store's record holds something that is not an object at ${pathSecret}`,
      secret: pathSecret,
      hint: `check ${pathSecret} against the record the store sends`
    };
  }
  return storeFailure(reason);
}
function fromOutcome(fields, config) {
  const reason = fields.reason ?? "";
  switch (fields.outcome) {
    case "repaired":
      return { verdict: "store_answered", detail: "it answered with the user's record" };
    case "not_found":
      return {
        verdict: "store_answered",
        detail: "it answered that it does not know this user (404)",
        hint: "if the user exists in the legacy store, check LEGACY_API_URL and the --email / --legacy-id / --username given"
      };
    case "legacy_error":
      return storeFailure(reason);
    case "legacy_down":
      return {
        verdict: "store_failed",
        detail: "an earlier failure of the store is remembered in Auth0's cache, so the Action did not call it",
        hint: "the store failed shortly before; run smoke again in two minutes"
      };
    case "invalid_response":
      return invalidResponse(reason, config);
    case "config_error": {
      const secret = fields.secret ?? "a secret";
      const lookup = /^user_has_no_usable_(\w+)$/.exec(reason);
      if (lookup) {
        return {
          verdict: "configuration_wrong",
          detail: `LEGACY_API_URL, as deployed, needs the user's ${lookup[1]}, which was not given`,
          secret: "LEGACY_API_URL",
          hint: `pass --${lookup[1] === "legacy_id" ? "legacy-id" : lookup[1]}, or check that the deployed LEGACY_API_URL is the one you meant`
        };
      }
      return {
        verdict: "configuration_wrong",
        detail: explainConfigProblem({ subject: secret, reason }),
        secret,
        hint: "set it as for the deploy, then run npm run deploy again"
      };
    }
    case "internal_error":
      return { verdict: "action_failed", detail: `the Action hit an unexpected error (${reason}); please report it` };
    default:
      return {
        verdict: "answer_unreadable",
        detail: `the Action's log line has an outcome this version does not know (${fields.outcome ?? "none"})`
      };
  }
}
function findingFor(answer, fields, config, connection) {
  if (answer.kind === "unexpected") {
    return {
      verdict: "answer_unreadable",
      detail: answer.why,
      hint: "run again with --json to see the answer as Auth0 sent it"
    };
  }
  if (answer.error) {
    const { name, message } = answer.error;
    const thrown = [name, message].filter((part) => part !== void 0).join(": ") || "an error without a message";
    return {
      verdict: "action_failed",
      detail: `Auth0 reported ${thrown}`,
      hint: "run again with --json to see the whole error (its stack included)"
    };
  }
  if (fields) return fromOutcome(fields, config);
  return {
    verdict: "action_silent",
    detail: `no log line came back: the Action skipped the user, as it does for users of connections it is not configured for`,
    hint: `check that the deployed MIGRATION_CONNECTIONS names "${connection}"; --json shows Auth0's whole answer`
  };
}

// src/shared/smoke/test-answer.ts
var MAX_DEPTH = 8;
function findLogLine(value, at, depth) {
  if (typeof value === "string") {
    if (!value.includes(LOG_PREFIX)) return void 0;
    const line = actionLogLine(value);
    return line === void 0 ? void 0 : { line, at };
  }
  if (depth >= MAX_DEPTH) return void 0;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findLogLine(item, `${at}[${index}]`, depth + 1);
      if (found) return found;
    }
    return void 0;
  }
  if (!isPlainObject(value)) return void 0;
  for (const [key, item] of Object.entries(value)) {
    const found = findLogLine(item, `${at}.${key}`, depth + 1);
    if (found) return found;
  }
  return void 0;
}
function thrownError(value) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value === "string") return { message: value };
  if (!isPlainObject(value)) return { message: JSON.stringify(value) };
  const text = (field) => typeof field === "string" ? field : void 0;
  return { name: text(value.name), message: text(value.message) };
}
function numbers(value) {
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry) => Number.isFinite(entry[1]))
  );
}
var UNREADABLE = {
  body_too_large: "the answer is larger than 4 MiB",
  body_not_utf8: "the answer is not UTF-8 text"
};
function readTestAnswer(answer) {
  if (!answer.ok) return { kind: "unexpected", why: UNREADABLE[answer.reason] };
  let json2;
  try {
    json2 = JSON.parse(answer.text);
  } catch {
    return { kind: "unexpected", why: "the answer is not JSON", text: answer.text };
  }
  if (!isPlainObject(json2)) return { kind: "unexpected", why: "the answer is not a JSON object", json: json2 };
  const { payload } = json2;
  if (!isPlainObject(payload)) return { kind: "unexpected", why: "the answer has no payload object", json: json2 };
  const log = findLogLine(payload, "payload", 0);
  const logKey = log?.at.split(/[.[]/)[1];
  const otherKeys = Object.keys(payload).filter((key) => key !== "error" && key !== "stats" && key !== logKey);
  return { kind: "ran", json: json2, log, error: thrownError(payload.error), stats: numbers(payload.stats), otherKeys };
}

// src/shared/smoke/run-smoke.ts
var SMOKE_SCOPES_HINT = "the application needs the Management API scopes read:actions (to find the Action) and create:actions (to test it)";
var count = (text) => (text === void 0 ? void 0 : digitsValue(text)) ?? 0;
function wouldWrite(fields) {
  if (fields?.outcome === "not_found") return { userKeys: 0, appKeys: 0, skippedKeys: 0, marker: "not_found" };
  if (fields?.outcome !== "repaired") return void 0;
  return {
    userKeys: count(fields.user_keys),
    appKeys: count(fields.app_keys),
    skippedKeys: count(fields.skipped_keys),
    marker: "repaired"
  };
}
async function runSmoke(request) {
  const { tenant, call, config, user } = request;
  const lookup = missingLookup(config, user);
  if (lookup) throw new Error(`smoke started without what LEGACY_API_URL needs: ${lookup}`);
  const [connection = ""] = config.connections;
  const action = await findAction({
    tenant,
    call,
    name: ACTION_NAME,
    buildWaitMs: request.buildWaitMs,
    pollMs: request.pollMs
  });
  const userId = smokeUserId();
  const event = buildSmokeEvent({ user, connection, tenantDomain: tenant.domain, now: /* @__PURE__ */ new Date() }, userId);
  const step = `testing the Action "${ACTION_NAME}" in Auth0's runtime`;
  const text = await (request.testCall ?? call)(
    step,
    managementRequest(tenant, "POST", `/actions/actions/${action.id}/test`, { payload: { event } })
  );
  const answer = readTestAnswer(text);
  const fields = answer.kind === "ran" && answer.log ? actionLogFields(answer.log.line) : void 0;
  const finding = findingFor(answer, fields, config, connection);
  const writes = finding.verdict === "store_answered" ? wouldWrite(fields) : void 0;
  return { domain: tenant.domain, action, connection, userId, event, answer, fields, finding, wouldWrite: writes };
}
function smokePassed(result) {
  return result.finding.verdict === "store_answered";
}

// src/shared/smoke/smoke-report.ts
var RAW_PREVIEW = 400;
function writesLine(writes) {
  if (writes === void 0) return "Would write: nothing";
  const marker = `the marker app_metadata.${MARKER_KEY} with status ${writes.marker}`;
  if (writes.marker === "not_found") return `Would write: only ${marker}`;
  const skipped = writes.skippedKeys > 0 ? `, skipping ${writes.skippedKeys} key(s) it cannot store as they are` : "";
  return `Would write: ${writes.userKeys} user_metadata key(s) and ${writes.appKeys} app_metadata key(s)${skipped}, and ${marker}`;
}
function answerLines(result) {
  const { answer } = result;
  if (answer.kind === "unexpected") {
    const raw = answer.text ?? (answer.json === void 0 ? void 0 : JSON.stringify(answer.json));
    if (raw === void 0) return [`Auth0's answer could not be read: ${answer.why}`];
    const cut = raw.length > RAW_PREVIEW ? `${raw.slice(0, RAW_PREVIEW)}…` : raw;
    return [
      `Auth0's answer has an unexpected shape: ${answer.why}. As received${raw.length > RAW_PREVIEW ? ` (first ${RAW_PREVIEW} characters)` : ""}:`,
      `  ${JSON.stringify(cut)}`
    ];
  }
  const lines = answer.log ? [`Log line, as Auth0 returned it (${answer.log.at}):`, `  ${answer.log.line}`] : ["Log line: none in Auth0's answer"];
  const stats = Object.entries(answer.stats).map(([name, value]) => `${name}=${value}`);
  if (stats.length > 0) lines.push(`Auth0's figures (ms): ${stats.join(" ")}`);
  if (answer.otherKeys.length > 0) lines.push(`Other parts of the answer: ${answer.otherKeys.join(", ")} (see --json)`);
  return lines;
}
function smokeReportLines(result) {
  const { action, finding } = result;
  const lines = [
    `Smoke test: the Action "${action.name}" (${action.id}) run in Auth0's runtime at ${result.domain}`,
    `  for a synthetic first login through "${result.connection}" with empty metadata, as user ${result.userId}`,
    `  (the "${SMOKE_PROVIDER}" provider exists in no tenant, so no user has that id)`
  ];
  if (action.allChangesDeployed === false) {
    lines.push("  note: the Action has changes that are not deployed; Auth0 tested its current draft");
  }
  lines.push("", ...answerLines(result), writesLine(result.wouldWrite), "");
  lines.push(`Verdict: ${VERDICT_HEADLINES[finding.verdict]}: ${finding.detail}.`);
  if (finding.secret) lines.push(`  secret to check: ${finding.secret}`);
  if (finding.hint) lines.push(`  ${finding.hint}`);
  lines.push("Nothing was written to any user: the test ran for a user id no tenant user can have.");
  return lines;
}
function smokeReportJson(result) {
  const { action, answer, finding } = result;
  return JSON.stringify(
    {
      action: {
        id: action.id,
        name: action.name,
        status: action.status,
        all_changes_deployed: action.allChangesDeployed
      },
      user_id: result.userId,
      connection: result.connection,
      event: result.event,
      answer: answer.json ?? null,
      ...answer.kind === "unexpected" && answer.text !== void 0 ? { answer_text: answer.text } : {},
      log_line: answer.kind === "ran" ? answer.log?.line ?? null : null,
      log_fields: result.fields ?? null,
      would_write: result.wouldWrite ?? null,
      verdict: finding.verdict,
      ok: finding.verdict === "store_answered",
      summary: `${VERDICT_HEADLINES[finding.verdict]}: ${finding.detail}`,
      secret: finding.secret ?? null,
      hint: finding.hint ?? null
    },
    null,
    2
  );
}

// src/tools/commands/smoke-command.ts
async function runSmokeCommand(args, common, io) {
  const settings = readToolSettings(io.env, common.dotenv, { tenant: true, listUrl: false });
  const { config } = settings;
  const user = { email: args.email, legacyId: args.legacyId, username: args.username };
  const lookup = missingLookup(config, user);
  if (lookup) throw new ToolError(lookup);
  if (!settings.tenant) throw new ToolError("the tenant's credentials are needed to test the Action");
  const { access, governor } = await openTenantApi(settings.tenant, io, common.timeoutMs, SMOKE_SCOPES_HINT);
  const result = await runSmoke({
    tenant: access,
    call: (step, request) => governor.call(step, request),
    // A 429 ran nothing and is waited out; a timeout or a 5xx may have run the Action once already.
    testCall: (step, request) => governor.call(step, request, { once: true }),
    config,
    user,
    buildWaitMs: common.timeoutMs,
    pollMs: io.buildPollMs
  });
  io.stdout(`${args.json ? smokeReportJson(result) : smokeReportLines(result).join("\n")}
`);
  return smokePassed(result) ? 0 : 1;
}
export {
  runSmokeCommand
};
