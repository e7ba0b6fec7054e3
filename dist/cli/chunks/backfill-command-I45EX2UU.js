// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  EXIT
} from "./chunk-WA2RMS7B.js";
import {
  temporaryPathFor,
  writeFileAtomically
} from "./chunk-ZVJPC4PO.js";
import {
  Deadline,
  authHeaders,
  failedEndpoint,
  forgetToken,
  legacyRecordSchema,
  metadataPathsOf,
  nestsTooDeep,
  pooledFetch,
  processCache
} from "./chunk-BAHBU3FZ.js";
import {
  MARKER_KEY,
  MAX_VALUE_DEPTH,
  METADATA_BUDGET_BYTES,
  RESERVED_APP_METADATA_KEYS,
  asTenantUser,
  backoffMs,
  buildMarker,
  detectFor,
  discardBody,
  fillUrlTemplate,
  hasValue,
  isArray,
  isForbiddenKeyName,
  isPlainObject,
  loginBlocker,
  ndjsonLines,
  objectKeys,
  ownValue,
  readCappedText,
  readToolSettings,
  tenantSide,
  tenantState
} from "./chunk-ZPMHBCPE.js";
import {
  StepFailure,
  atTokenEndpoint,
  causeOfReason,
  classifyStatus,
  classifyThrown,
  invalid,
  noteChanges
} from "./chunk-QTCBT552.js";
import {
  fileErrorReason
} from "./chunk-Y3KWZ7AQ.js";
import {
  ToolError
} from "./chunk-SGK6UJTW.js";

// src/tools/backfill/backfill-summary.ts
function emptySummary(dryRun) {
  return {
    dryRun,
    interrupted: false,
    needingRepair: 0,
    fromCheckpoint: 0,
    processed: 0,
    outcomes: { repaired: 0, not_found: 0, already_repaired: 0, deleted: 0, unrepairable: 0, failed: 0 },
    userKeys: 0,
    appKeys: 0,
    skippedKeys: 0,
    managementCalls: 0,
    rateLimited: 0
  };
}
function record(summary, result) {
  summary.processed++;
  summary.outcomes[result.outcome]++;
  if (result.outcome === "repaired") {
    summary.userKeys += result.userKeys.length;
    summary.appKeys += result.appKeys.length;
    summary.skippedKeys += result.skipped.length;
  }
}
function summaryLines(summary) {
  const { outcomes, dryRun } = summary;
  const would = (text) => dryRun ? `would be ${text}` : text;
  const lines = [
    `${dryRun ? "dry run (nothing written)" : "backfill"} ${summary.interrupted ? "interrupted" : "finished"}: ${summary.needingRepair} user(s) needing repair, ${summary.fromCheckpoint} already done in an earlier run, ${summary.processed} processed now`,
    `  ${would("repaired").padEnd(28)} ${outcomes.repaired}  (user_metadata keys ${summary.userKeys}, app_metadata keys ${summary.appKeys}, keys skipped ${summary.skippedKeys})`,
    `  ${would("marked not_found").padEnd(28)} ${outcomes.not_found}`,
    `  ${"cannot log in".padEnd(28)} ${outcomes.unrepairable}  (metadata that is not an object: fix by hand)`,
    `  ${"failed".padEnd(28)} ${outcomes.failed}${outcomes.failed > 0 ? "  (run the command again to retry them)" : ""}`
  ];
  if (!dryRun) {
    lines.splice(
      3,
      0,
      `  ${"repaired since the export".padEnd(28)} ${outcomes.already_repaired}  (left untouched)`,
      `  ${"deleted since the export".padEnd(28)} ${outcomes.deleted}`
    );
  }
  if (summary.managementCalls > 0) {
    lines.push(
      `  Management API: ${summary.managementCalls} call(s), ${summary.rateLimited} rate-limited (429) answer(s)`
    );
  }
  if (summary.interrupted) lines.push("Interrupted: run the same command again to continue where it stopped.");
  return lines;
}

// src/tools/backfill/checkpoint.ts
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import * as z from "zod/mini";
var KIND = "repair-migrated-metadata/backfill-checkpoint";
var WRITE_HINT = "pass --checkpoint <path> in a folder this user can write";
var cannotWrite = (path, error) => new ToolError(`cannot write the checkpoint ${path}: ${fileErrorReason(error)}`, WRITE_HINT);
var fileSchema = z.object({
  kind: z.literal(KIND),
  repair_version: z.number(),
  connections: z.array(z.string()),
  done: z.array(z.string())
});
var Checkpoint = class _Checkpoint {
  constructor(path, scope, done) {
    this.path = path;
    this.scope = scope;
    this.done = done;
  }
  path;
  scope;
  done;
  dirty = false;
  /**
   * A checkpoint written for another REPAIR_VERSION or other connections would skip users
   * this run must check, so it is refused rather than silently used.
   */
  static open(path, scope) {
    let text;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return new _Checkpoint(path, scope, /* @__PURE__ */ new Set());
      throw new ToolError(
        `cannot read the checkpoint ${path}: ${fileErrorReason(error)}`,
        "pass another --checkpoint path"
      );
    }
    let parsed;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch {
      throw new ToolError(`the checkpoint ${path} is not a backfill checkpoint`, "pass another --checkpoint path");
    }
    const sameConnections = [...parsed.connections].sort().join(",") === [...scope.connections].sort().join(",");
    if (parsed.repair_version !== scope.repairVersion || !sameConnections) {
      throw new ToolError(
        `the checkpoint ${path} was written for REPAIR_VERSION ${parsed.repair_version} and connection(s) ${parsed.connections.join(", ")}`,
        "delete it (or pass another --checkpoint path) to start a new backfill"
      );
    }
    return new _Checkpoint(path, scope, new Set(parsed.done));
  }
  get size() {
    return this.done.size;
  }
  has(userId) {
    return this.done.has(userId);
  }
  markDone(userId) {
    this.done.add(userId);
    this.dirty = true;
  }
  /**
   * Tried before a run writes anything: a checkpoint that cannot be written would only fail once
   * users had been updated, leaving the run unable to say where it stopped.
   */
  ensureWritable() {
    const probe = temporaryPathFor(this.path);
    try {
      writeFileSync(probe, "");
      rmSync(probe, { force: true });
    } catch (error) {
      throw cannotWrite(this.path, error);
    }
  }
  /** Synchronous, so that it can run in a signal handler just before the process exits. */
  save() {
    if (!this.dirty) return;
    const body = {
      kind: KIND,
      repair_version: this.scope.repairVersion,
      connections: [...this.scope.connections],
      done: [...this.done]
    };
    try {
      writeFileAtomically(this.path, `${JSON.stringify(body)}
`);
    } catch (error) {
      throw cannotWrite(this.path, error);
    }
    this.dirty = false;
  }
};

// src/tools/backfill/run-backfill.ts
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync as rmSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/tools/backfill/outcome-line.ts
function keyList(label, keys) {
  return keys.length > 0 ? `${label}: ${keys.join(", ")}` : void 0;
}
function outcomeLine(userId, result, dryRun) {
  const verb = dryRun ? "would write" : "wrote";
  switch (result.outcome) {
    case "repaired": {
      const parts = [keyList("user_metadata", result.userKeys), keyList("app_metadata", result.appKeys)].filter(
        (part) => part !== void 0
      );
      const keys = parts.length > 0 ? parts.join("; ") : "no keys (the legacy record adds nothing)";
      const skipped = result.skipped.length > 0 ? `; skipped ${result.skipped.length} (${[...new Set(result.skipped)].join(", ")})` : "";
      return `${userId}  ${verb} ${keys}${skipped}; marker repaired`;
    }
    case "not_found":
      return `${userId}  not in the legacy store: ${verb} marker not_found`;
    case "already_repaired":
      return `${userId}  nothing missing any more (repaired by a login since the export): left untouched`;
    case "deleted":
      return `${userId}  no longer in the tenant: skipped`;
    case "unrepairable":
      return `${userId}  cannot log in until their profile is fixed (${result.reason}): fix it by hand, nothing written`;
    case "failed":
      return `${userId}  FAILED ${result.reason} (retried on the next run)`;
  }
}

// src/action/json-size.ts
function utf8Length(text) {
  return Buffer.byteLength(text, "utf8");
}
function jsonBytes(value) {
  return utf8Length(JSON.stringify(value) ?? "");
}

// src/action/storable-value.ts
function scalarProblem(value) {
  if (typeof value === "string") return value.isWellFormed() ? void 0 : "ill_formed_string";
  if (typeof value !== "number") return void 0;
  return Number.isSafeInteger(value) || Number.isFinite(value) && !Number.isInteger(value) ? void 0 : "unsafe_number";
}
function valueProblem(value, depth = 0) {
  if (typeof value !== "object" || value === null) return scalarProblem(value);
  if (depth >= MAX_VALUE_DEPTH) return "too_deep";
  if (isArray(value)) {
    for (const element of value) {
      const problem = valueProblem(element, depth + 1);
      if (problem) return problem;
    }
    return void 0;
  }
  if (!isPlainObject(value)) return void 0;
  for (const key of objectKeys(value)) {
    if (isForbiddenKeyName(key)) return "nested_forbidden_key";
    const problem = valueProblem(value[key], depth + 1);
    if (problem) return problem;
  }
  return void 0;
}

// src/action/fill-plan.ts
function entryBytes(key, value) {
  return utf8Length(JSON.stringify(key)) + 1 + jsonBytes(value);
}
function appKeyProblem(key, config) {
  if (key === MARKER_KEY) return "marker_key";
  if (RESERVED_APP_METADATA_KEYS.has(key)) return "reserved";
  if (config.allowedAppKeys && !config.allowedAppKeys.has(key)) return "not_allowed";
  return void 0;
}
function planSide(target, side, legacy, config, plan, reservedEntry) {
  if (!legacy) return;
  const candidates = Object.keys(legacy).filter((key) => hasValue(legacy, key) && !hasValue(side.current, key)).sort();
  const storable = [];
  for (const key of candidates) {
    const value = legacy[key];
    const reason = (!side.writable ? "not_object_in_auth0" : void 0) ?? (isForbiddenKeyName(key) ? "forbidden_name" : void 0) ?? (target === "app" ? appKeyProblem(key, config) : void 0) ?? valueProblem(value);
    if (reason) plan.skipped.push({ target, key, reason });
    else storable.push([key, value]);
  }
  plan[target].push(...withinBudget(target, side.current, storable, reservedEntry, plan));
}
function withinBudget(target, current, storable, reservedEntry, plan) {
  let size = jsonBytes(current);
  const grow = (entryBytes2) => entryBytes2 + (size > 2 ? 1 : 0);
  if (reservedEntry !== void 0) size += grow(reservedEntry);
  if (size + jsonBytes(Object.fromEntries(storable)) <= METADATA_BUDGET_BYTES) return storable;
  const fitting = [];
  for (const [key, value] of storable) {
    const added = grow(entryBytes(key, value));
    if (size + added > METADATA_BUDGET_BYTES) {
      plan.skipped.push({ target, key, reason: "over_budget" });
      continue;
    }
    size += added;
    fitting.push([key, value]);
  }
  return fitting;
}
function planFill(user, app, legacyUser, legacyApp, config, marker) {
  const plan = { user: [], app: [], skipped: [] };
  planSide("user", user, legacyUser, config, plan, void 0);
  planSide("app", app, legacyApp, config, plan, app.writable ? entryBytes(MARKER_KEY, marker) : void 0);
  return plan;
}

// src/action/legacy-client.ts
var BODY_CAP_BYTES = 256 * 1024;
var MAX_ATTEMPTS = 4;
var MAX_SAME_ORIGIN_REDIRECTS = 3;
var FIRST_BACKOFF_MS = 100;
var MIN_ATTEMPT_MS = 100;
var failed = (failure) => ({ kind: "failed", failure });
function isJsonMediaType(contentType) {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || type.endsWith("+json");
}
async function readRecord(response) {
  if (!isJsonMediaType(response.headers.get("content-type"))) {
    discardBody(response.body);
    return failed(invalid("not_json", 200));
  }
  const text = await readCappedText(response, BODY_CAP_BYTES);
  if (!text.ok) return failed(invalid(text.reason, 200));
  if (nestsTooDeep(text.text)) return failed(invalid("json_too_deep", 200));
  try {
    return { kind: "found", body: JSON.parse(text.text) };
  } catch {
    return failed(invalid("invalid_json", 200));
  }
}
function redirectTarget(location, current, origin) {
  let next;
  try {
    next = new URL(location, current);
  } catch {
    return "redirect_invalid_location";
  }
  if (next.origin !== origin) return "redirect_other_origin";
  return next.username === "" && next.password === "" ? next : "redirect_with_credentials";
}
async function getFollowingSameOrigin(url, headers, deps) {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await deps.fetch(current, {
      headers: { accept: "application/json", ...headers },
      redirect: "manual",
      signal: deps.deadline.signal
    });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || location === null) return response;
    discardBody(response.body);
    const next = redirectTarget(location, current, origin);
    if (typeof next === "string") return { redirectRefused: next };
    if (hop >= MAX_SAME_ORIGIN_REDIRECTS) return { redirectRefused: "too_many_redirects" };
    current = next.href;
  }
}
async function attemptOnce(url, config, deps, step) {
  step.waitingForToken = true;
  const auth = await authHeaders(config.auth, deps.fetch, deps.cache, deps.deadline);
  step.waitingForToken = false;
  if (!auth.ok) return failed(auth.failure);
  const response = await getFollowingSameOrigin(url, auth.headers, deps);
  if ("redirectRefused" in response) return failed(invalid(response.redirectRefused));
  if (response.status === 200) return readRecord(response);
  discardBody(response.body);
  if (response.status === 404) return { kind: "not_found" };
  const failure = classifyStatus(response);
  if (response.status === 401 && config.auth.kind === "oauth" && auth.sentToken && !auth.sentToken.fresh) {
    forgetToken(config.auth, deps.cache, auth.sentToken.value);
    return { kind: "failed", failure, retryNow: true };
  }
  return { kind: "failed", failure };
}
async function guardedAttempt(url, config, deps) {
  const step = { waitingForToken: false };
  try {
    return await deps.deadline.race(attemptOnce(url, config, deps, step));
  } catch (error) {
    const failure = classifyThrown(error, deps.deadline.expired);
    return failed(step.waitingForToken ? atTokenEndpoint(failure) : failure);
  }
}
async function fetchLegacyRecord(url, config, deps) {
  for (let attempts = 1; ; attempts++) {
    const result = await guardedAttempt(url, config, deps);
    if (result.kind !== "failed") return { ...result, attempts };
    const { failure } = result;
    const wait = result.retryNow ? 0 : failure.retryAfterMs ?? backoffMs(attempts, FIRST_BACKOFF_MS);
    const canRetry = (failure.retryable || result.retryNow) && attempts < MAX_ATTEMPTS;
    if (!canRetry || deps.deadline.remaining() < wait + MIN_ATTEMPT_MS) return { kind: "failed", attempts, failure };
    if (!await deps.deadline.sleep(wait)) return { kind: "failed", attempts, failure };
  }
}

// src/action/mapped-metadata.ts
var ARRAY_INDEX = /^(0|[1-9]\d{0,8})$/;
function valueAt(record2, path) {
  let current = record2;
  for (const segment of path) {
    if (isPlainObject(current)) current = ownValue(current, segment);
    else if (isArray(current) && ARRAY_INDEX.test(segment)) current = current[Number(segment)];
    else return void 0;
  }
  return current;
}
function mappedMetadata(record2, map) {
  const metadata = {};
  for (const { key, path } of map) {
    const value = valueAt(record2, path);
    if (value !== void 0 && value !== null) metadata[key] = value;
  }
  return metadata;
}

// src/action/legacy-record.ts
var NOT_AN_OBJECT = false;
function metadataAt(record2, path) {
  let current = record2;
  for (const segment of path) {
    if (current === void 0 || current === null) return void 0;
    if (!isPlainObject(current)) return NOT_AN_OBJECT;
    current = ownValue(current, segment);
  }
  if (current === void 0 || current === null) return void 0;
  return isPlainObject(current) ? current : NOT_AN_OBJECT;
}
function metadataFrom(record2, source) {
  return "map" in source ? mappedMetadata(record2, source.map) : metadataAt(record2, source.path);
}
function readLegacyRecord(body, config) {
  if (!isPlainObject(body)) return { ok: false, reason: "record_not_object" };
  const userMetadata = metadataFrom(body, config.userMetadataSource);
  if (userMetadata === NOT_AN_OBJECT) return { ok: false, reason: "user_metadata_not_object" };
  const appMetadata = metadataFrom(body, config.appMetadataSource);
  if (appMetadata === NOT_AN_OBJECT) return { ok: false, reason: "app_metadata_not_object" };
  return { ok: true, userMetadata, appMetadata };
}

// src/tools/legacy/contract-record.ts
var schemas = /* @__PURE__ */ new WeakMap();
function schemaFor(config) {
  let schema = schemas.get(config);
  if (!schema) {
    schema = legacyRecordSchema(metadataPathsOf(config));
    schemas.set(config, schema);
  }
  return schema;
}
var startsWith = (path, prefix) => prefix !== void 0 && path.length <= prefix.length && path.every((segment, index) => segment === prefix[index]);
function reasonAt(path, config) {
  if (path.length === 0) return "record_not_object";
  const { user } = metadataPathsOf(config);
  return startsWith(path, user) ? "user_metadata_not_object" : "app_metadata_not_object";
}
function readContractRecord(body, config) {
  const checked = schemaFor(config).safeParse(body);
  if (!checked.success) {
    const reasons = checked.error.issues.map((issue) => reasonAt(issue.path, config));
    const reason = reasons.find((each) => each === "record_not_object") ?? reasons.find((each) => each === "user_metadata_not_object") ?? "app_metadata_not_object";
    return { ok: false, reason };
  }
  return readLegacyRecord(body, config);
}

// src/tools/backfill/update-body.ts
function updateBody(plan, marker, appWritable) {
  const body = {};
  if (plan.user.length > 0) body.user_metadata = Object.fromEntries(plan.user);
  const app = Object.fromEntries(plan.app);
  if (appWritable) app[MARKER_KEY] = marker;
  if (Object.keys(app).length > 0) body.app_metadata = app;
  return body;
}
function isEmpty(body) {
  return body.user_metadata === void 0 && body.app_metadata === void 0;
}

// src/tools/backfill/repair-user.ts
var DEFAULT_LEGACY_ROUNDS = 3;
var FIRST_PAUSE_MS = 1e3;
async function fetchWithRounds(url, deps) {
  const rounds = deps.legacyRounds ?? DEFAULT_LEGACY_ROUNDS;
  for (let round = 1; ; round++) {
    await deps.legacyPause.wait();
    const deadline = new Deadline(deps.config.timeoutMs);
    const fetched = await fetchLegacyRecord(url, deps.config, {
      fetch: deps.legacyFetch,
      cache: deps.cache,
      deadline
    }).finally(() => deadline.dispose());
    if (fetched.kind !== "failed" || !fetched.failure.retryable || round >= rounds) return fetched;
    deps.legacyPause.pauseFor(fetched.failure.retryAfterMs ?? backoffMs(round, FIRST_PAUSE_MS));
  }
}
var failureReason = (failure) => `${failure.outcome}:${failure.reason}`;
function repairOf(user, config) {
  const blocker = loginBlocker(user);
  if (blocker) return { outcome: "unrepairable", reason: blocker };
  const detection = detectFor(user, config);
  if (detection.kind === "skip") return { outcome: "already_repaired" };
  if (detection.kind === "unrepairable") return { outcome: "unrepairable", reason: detection.reason };
  return detection;
}
async function currentSides(user, exported, deps) {
  if (!deps.tenant) return exported;
  const current = await deps.tenant.read(user.user_id);
  return current === void 0 ? { outcome: "deleted" } : repairOf(current, deps.config);
}
async function repairUser(user, deps) {
  const { config } = deps;
  const detection = repairOf(user, config);
  if ("outcome" in detection) return detection;
  const url = fillUrlTemplate(config.urlTemplate, detection.lookup);
  if (!url.ok) return { outcome: "failed", reason: `user_has_no_usable_${url.field}` };
  const fetched = await fetchWithRounds(url.url, deps);
  if (fetched.kind === "failed") return { outcome: "failed", reason: failureReason(fetched.failure) };
  const record2 = fetched.kind === "found" ? readContractRecord(fetched.body, config) : void 0;
  if (record2 !== void 0 && !record2.ok) return { outcome: "failed", reason: `invalid_response:${record2.reason}` };
  const sides = await currentSides(user, detection, deps);
  if ("outcome" in sides) return sides;
  if (record2 === void 0) {
    const body2 = updateBody(
      { user: [], app: [] },
      buildMarker(config.repairVersion, "not_found", /* @__PURE__ */ new Date()),
      sides.app.writable
    );
    if (!isEmpty(body2)) await deps.tenant?.update(user.user_id, body2);
    return { outcome: "not_found" };
  }
  const marker = buildMarker(config.repairVersion, "repaired", /* @__PURE__ */ new Date());
  const plan = planFill(sides.user, sides.app, record2.userMetadata, record2.appMetadata, config, marker);
  const body = updateBody(plan, marker, sides.app.writable);
  if (!isEmpty(body)) await deps.tenant?.update(user.user_id, body);
  return {
    outcome: "repaired",
    userKeys: plan.user.map(([key]) => key),
    appKeys: plan.app.map(([key]) => key),
    skipped: plan.skipped.map((skip) => skip.reason)
  };
}

// src/tools/backfill/process-user.ts
var UNREACHABLE = /^legacy_error:((?:oauth_)?(?:connection_refused|dns|tls|timeout|status_429|status_5\d\d))$/;
var UNREACHABLE_BEFORE_GIVING_UP = 3;
function failsEveryUser(failure) {
  const cause = failure.failure;
  if (cause.kind !== "status") return cause.kind !== "answer";
  return cause.status === 401 || cause.status === 403 || cause.status === 429 || cause.status >= 500;
}
async function repairOrStop(user, run) {
  try {
    return await repairUser(user, run.deps);
  } catch (error) {
    if (!(error instanceof StepFailure))
      return { outcome: "failed", reason: error instanceof Error ? error.name : "unknown" };
    if (failsEveryUser(error)) {
      run.stop(error);
      return void 0;
    }
    const cause = error.failure;
    const reason = cause.kind === "status" ? `status_${cause.status}` : cause.kind === "answer" ? cause.detail : cause.kind;
    return { outcome: "failed", reason: `management_api:${reason}` };
  }
}
function noteUnreachable(result, run) {
  if (result.outcome !== "failed") return;
  const match = UNREACHABLE.exec(result.reason);
  if (!match || run.summary.processed !== run.summary.outcomes.failed) return;
  if (++run.unreachable < UNREACHABLE_BEFORE_GIVING_UP) return;
  const reason = match[1] ?? "";
  const step = `fetching legacy records (${run.unreachable} users in a row)`;
  const { config } = run.deps;
  const recordUrl = config.urlTemplate.replace(/\{[a-z_]+\}/g, "x");
  const { host, source } = failedEndpoint(reason, config, recordUrl, "LEGACY_API_URL");
  run.stop(new StepFailure(step, host, causeOfReason(reason), { source }));
}
async function processUser(user, run) {
  const result = await repairOrStop(user, run);
  if (result === void 0) return;
  noteUnreachable(result, run);
  record(run.summary, result);
  const { dryRun } = run.summary;
  const finished = result.outcome !== "failed" && result.outcome !== "unrepairable";
  if (finished && !dryRun) run.checkpoint.markDone(user.user_id);
  if (dryRun) run.progress.around(() => run.planOutput(outcomeLine(user.user_id, result, true)));
  else if (!finished) run.progress.log(outcomeLine(user.user_id, result, false));
  run.progress.tick(result.outcome === "failed");
  run.onResult?.(user, result);
}

// src/tools/backfill/progress.ts
var BAR_WIDTH = 24;
var REDRAW_MS = 100;
function formatDuration(seconds) {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor(s % 3600 / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}
var Progress = class {
  constructor(options) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }
  options;
  done = 0;
  failed = 0;
  lastDraw = 0;
  started;
  now;
  tick(failed2) {
    this.done++;
    if (failed2) this.failed++;
    const interval = this.options.output.isTTY ? REDRAW_MS : this.options.lineEveryMs ?? 5e3;
    if (this.done === this.options.total || this.now() - this.lastDraw >= interval) this.draw();
  }
  /** Prints a line above the bar. */
  log(line) {
    const { output } = this.options;
    if (output.isTTY) output.write(`\r\x1B[2K${line}
`);
    else output.write(`${line}
`);
    if (output.isTTY && this.done > 0) this.draw();
  }
  /**
   * Runs `print`, which writes elsewhere (stdout) on the same terminal: the bar is cleared
   * first and drawn again after, so the two never share a line.
   */
  around(print) {
    const { output } = this.options;
    if (output.isTTY && this.done > 0) output.write("\r\x1B[2K");
    print();
    if (output.isTTY && this.done > 0) this.draw();
  }
  finish() {
    if (this.options.output.isTTY && this.done > 0) this.options.output.write("\n");
  }
  /** Users per second since the start, and the time left at that rate. */
  figures() {
    const elapsed = Math.max(1e-3, (this.now() - this.started) / 1e3);
    const rate = this.done / elapsed;
    const left = Math.max(0, this.options.total - this.done);
    return { rate, etaSeconds: rate > 0 ? left / rate : Number.POSITIVE_INFINITY };
  }
  line() {
    const { total } = this.options;
    const { rate, etaSeconds } = this.figures();
    const percent = total > 0 ? Math.floor(this.done / total * 100) : 100;
    const failed2 = this.failed > 0 ? `  failed ${this.failed}` : "";
    return `${this.done}/${total} ${percent}%  ${rate.toFixed(1)} users/s  ETA ${formatDuration(etaSeconds)}${failed2}`;
  }
  draw() {
    this.lastDraw = this.now();
    const { output, total } = this.options;
    if (!output.isTTY) {
      output.write(`progress ${this.line()}
`);
      return;
    }
    const filled = total > 0 ? Math.round(this.done / total * BAR_WIDTH) : BAR_WIDTH;
    const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
    output.write(`\r\x1B[2K${bar} ${this.line()}`);
  }
};

// src/tools/backfill/shared-pause.ts
import { setTimeout as sleep } from "node:timers/promises";
var SharedPause = class {
  constructor(maxMs = 6e4) {
    this.maxMs = maxMs;
  }
  maxMs;
  until = 0;
  pauseFor(ms) {
    this.until = Math.max(this.until, Date.now() + Math.min(this.maxMs, Math.max(0, ms)));
  }
  async wait() {
    for (let left = this.until - Date.now(); left > 0; left = this.until - Date.now()) await sleep(left);
  }
};

// src/tools/backfill/worker-pool.ts
async function runPool(items, concurrency, work, signal) {
  const iterator = items[Symbol.asyncIterator]();
  let exhausted = false;
  const worker = async () => {
    while (!exhausted && !signal?.aborted) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      if (signal?.aborted) return;
      await work(next.value);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}

// src/tools/backfill/run-backfill.ts
var DEFAULT_CHECKPOINT_MS = 2e3;
async function selectUsers(input, workFile, summary) {
  const out = createWriteStream(workFile);
  let selected = 0;
  try {
    for await (const user of input.source()) {
      if (input.signal?.aborted) break;
      const state = tenantState(user, input.config);
      if (state !== "needs_repair" && state !== "unrepairable") continue;
      summary.needingRepair++;
      if (input.checkpoint.has(user.user_id)) {
        summary.fromCheckpoint++;
        continue;
      }
      selected++;
      if (!out.write(`${JSON.stringify(user)}
`)) await once(out, "drain");
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  return selected;
}
async function* selectedUsers(workFile) {
  for await (const line of ndjsonLines(createReadStream(workFile))) {
    const user = asTenantUser(JSON.parse(line));
    if (user) yield user;
  }
}
function writtenSoFar(summary) {
  if (summary.dryRun) return "nothing was written (dry run)";
  const written = summary.outcomes.repaired + summary.outcomes.not_found;
  if (written === 0) return "nothing was written to the tenant";
  return `${written} user(s) were updated before it stopped; they are in the checkpoint, so running the same command again continues`;
}
async function runBackfill(input) {
  const dryRun = input.tenant === void 0;
  const summary = emptySummary(dryRun);
  return noteChanges(
    () => backfillInto(summary, input),
    () => writtenSoFar(summary)
  );
}
async function backfillInto(summary, input) {
  const { dryRun } = summary;
  const workDir = mkdtempSync(join(tmpdir(), "rmm-backfill-"));
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  input.signal?.addEventListener("abort", onAbort);
  let stoppedBy;
  let saveFailure;
  const saveNow = () => {
    try {
      input.checkpoint.save();
    } catch (error) {
      saveFailure ??= error;
      stop.abort();
    }
  };
  const saver = dryRun ? void 0 : setInterval(saveNow, input.checkpointEveryMs ?? DEFAULT_CHECKPOINT_MS);
  try {
    const workFile = join(workDir, "users.ndjson");
    const total = await selectUsers(input, workFile, summary);
    const run = {
      deps: {
        config: input.config,
        legacyFetch: input.legacyFetch,
        cache: input.cache,
        legacyPause: new SharedPause(),
        tenant: input.tenant,
        legacyRounds: input.legacyRounds
      },
      summary,
      progress: new Progress({ total, output: input.progressOutput }),
      checkpoint: input.checkpoint,
      planOutput: input.planOutput,
      onResult: input.onResult,
      stop: (error) => {
        stoppedBy ??= error;
        stop.abort();
      },
      unreachable: 0
    };
    await runPool(selectedUsers(workFile), input.concurrency, (user) => processUser(user, run), stop.signal);
    run.progress.finish();
    summary.interrupted = input.signal?.aborted === true;
  } finally {
    if (saver) clearInterval(saver);
    input.signal?.removeEventListener("abort", onAbort);
    if (!dryRun) input.checkpoint.save();
    rmSync2(workDir, { recursive: true, force: true });
  }
  if (stoppedBy) throw stoppedBy;
  if (saveFailure !== void 0) throw saveFailure;
  summary.managementCalls = input.governorStats?.calls ?? 0;
  summary.rateLimited = input.governorStats?.rateLimited ?? 0;
  return summary;
}

// src/tools/commands/backfill-command.ts
async function runBackfillCommand(args, common, io) {
  const needsTenant = !args.dryRun || args.exportFile === void 0;
  const settings = readToolSettings(io.env, common.dotenv, { tenant: needsTenant, listUrl: false });
  const { config } = settings;
  const checkpoint = Checkpoint.open(args.checkpoint, {
    repairVersion: config.repairVersion,
    connections: [...config.connections]
  });
  if (!args.dryRun) checkpoint.ensureWritable();
  const tenant = await tenantSide(config, io, { exportFile: args.exportFile, tenant: settings.tenant, common });
  if (!args.dryRun) io.atExit?.(() => checkpoint.save());
  const pool = pooledFetch(args.concurrency);
  try {
    const summary = await runBackfill({
      config,
      source: tenant.source,
      tenant: args.dryRun ? void 0 : tenant.writes,
      governorStats: tenant.governor?.stats,
      legacyFetch: pool.fetch,
      cache: processCache(),
      checkpoint,
      concurrency: args.concurrency,
      progressOutput: io.stderr,
      planOutput: (line) => io.stdout(`${line}
`),
      signal: io.signal
    });
    io.stdout(`${summaryLines(summary).join("\n")}
`);
    if (summary.interrupted) return EXIT.interrupted;
    return summary.outcomes.failed > 0 ? EXIT.someFailed : EXIT.done;
  } finally {
    await pool.close();
  }
}
export {
  runBackfillCommand
};
