// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  Deadline,
  authHeaders,
  failedEndpoint,
  fnv1a,
  legacyUserListPageSchema,
  pooledFetch,
  processCache
} from "./chunk-BAHBU3FZ.js";
import {
  CATEGORIES,
  CATEGORY_LABELS,
  MISSING_PARTS,
  MISSING_PART_LABELS,
  STATE_CATEGORY,
  Tallies,
  verdictFor
} from "./chunk-S5OPO4Y2.js";
import {
  backoffMs,
  discardBody,
  migrationIdentityId,
  readCappedText,
  tenantStanding
} from "./chunk-ZPMHBCPE.js";
import {
  StepFailure,
  causeOfReason,
  classifyStatus,
  classifyThrown,
  invalid
} from "./chunk-QTCBT552.js";
import {
  ToolError
} from "./chunk-SGK6UJTW.js";

// src/tools/verify/render-report.ts
function reportJson(report) {
  const { connections, repairVersion, legacyUsers, tenantUsers, categories, missingParts, verdict } = report;
  return JSON.stringify(
    {
      connections,
      repair_version: repairVersion,
      legacy_users: legacyUsers,
      tenant_users: tenantUsers,
      categories,
      missing_metadata_by_part: missingParts,
      can_switch_off: verdict.canSwitchOff,
      verdict: verdict.summary
    },
    null,
    2
  );
}
function tableRows({ categories, missingParts }) {
  return CATEGORIES.flatMap((category) => {
    const { examples, count } = categories[category];
    const more = count > examples.length ? ", …" : "";
    const row = {
      label: CATEGORY_LABELS[category],
      count,
      shown: examples.length > 0 ? `${examples.join(", ")}${more}` : ""
    };
    if (category !== "missing_metadata" || count === 0) return [row];
    const parts = MISSING_PARTS.map((part) => ({
      label: `  missing ${MISSING_PART_LABELS[part]}`,
      count: missingParts[part],
      shown: ""
    }));
    return [row, ...parts];
  });
}
function reportTable(report) {
  const { connections, repairVersion, legacyUsers, tenantUsers, verdict } = report;
  const rows = tableRows(report);
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const countWidth = Math.max(5, ...rows.map((row) => String(row.count).length));
  const lines = rows.map(
    (row) => `  ${row.label.padEnd(labelWidth)}  ${String(row.count).padStart(countWidth)}  ${row.shown}`.trimEnd()
  );
  return [
    `Migration status for connection(s) ${connections.join(", ")} (REPAIR_VERSION ${repairVersion})`,
    `legacy store lists ${legacyUsers} user(s); the tenant has ${tenantUsers} user(s) on these connection(s)`,
    "",
    `  ${"category".padEnd(labelWidth)}  ${"users".padStart(countWidth)}  examples`,
    ...lines,
    "",
    `Can the legacy store be switched off? ${verdict.summary}`
  ].join("\n");
}

// src/tools/legacy/legacy-list.ts
import { createHash } from "node:crypto";
var PAGE_CAP_BYTES = 16 * 1024 * 1024;
var DEFAULT_PAGE_TIMEOUT_MS = 3e4;
var LIST_HINT = "check LEGACY_API_LIST_URL and the store's credentials";
var TOKEN_HINT = "check LEGACY_OAUTH_CLIENT_ID and LEGACY_OAUTH_CLIENT_SECRET";
var DEFAULT_ATTEMPTS = 5;
var FIRST_BACKOFF_MS = 250;
function pageUrl(listUrl, cursor) {
  const url = new URL(listUrl);
  if (cursor !== void 0) url.searchParams.set("cursor", cursor);
  return url.href;
}
async function fetchPage(url, config, deps, deadline) {
  try {
    const auth = await authHeaders(config.auth, deps.fetch, deps.cache, deadline);
    if (!auth.ok) return auth;
    const response = await deps.fetch(url, {
      headers: { accept: "application/json", ...auth.headers },
      redirect: "manual",
      signal: deadline.signal
    });
    if (response.status !== 200) {
      discardBody(response.body);
      return { ok: false, failure: classifyStatus(response) };
    }
    const text = await readCappedText(response, PAGE_CAP_BYTES);
    if (!text.ok) return { ok: false, failure: invalid(text.reason, 200) };
    let body;
    try {
      body = JSON.parse(text.text);
    } catch {
      return { ok: false, failure: invalid("invalid_json", 200) };
    }
    const page = legacyUserListPageSchema.safeParse(body);
    if (!page.success) return { ok: false, failure: invalid("not_a_user_list", 200) };
    const users = page.data.users.map((user) => ({
      legacy_id: String(user.legacy_id),
      email: user.email ?? void 0,
      username: user.username ?? void 0
    }));
    return { ok: true, users, next: page.data.next_cursor ?? void 0 };
  } catch (error) {
    return { ok: false, failure: classifyThrown(error, deadline.expired) };
  }
}
async function pageWithRetries(url, config, deps) {
  const deadline = new Deadline(deps.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS);
  try {
    for (let attempt = 1; ; attempt++) {
      const page = await fetchPage(url, config, deps, deadline);
      if (page.ok || !page.failure.retryable || attempt >= (deps.maxAttempts ?? DEFAULT_ATTEMPTS)) return page;
      const wait = page.failure.retryAfterMs ?? backoffMs(attempt, FIRST_BACKOFF_MS);
      if (!await deadline.sleep(wait)) return page;
    }
  } finally {
    deadline.dispose();
  }
}
function pageFailure(failure, listUrl, config, pageNumber, timeoutMs) {
  const cause = causeOfReason(failure.reason);
  const { token, host, source } = failedEndpoint(failure.reason, config, listUrl, "LEGACY_API_LIST_URL");
  const step = token ? `requesting a legacy OAuth token for the user list page ${pageNumber}` : `reading the legacy user list page ${pageNumber}`;
  return new StepFailure(step, host, cause, { timeoutMs, source, hint: token ? TOKEN_HINT : LIST_HINT });
}
var digest = (cursor) => createHash("sha256").update(cursor).digest("base64");
async function* listLegacyUsers(listUrl, config, deps) {
  let cursor;
  const pageOf = /* @__PURE__ */ new Map();
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await pageWithRetries(pageUrl(listUrl, cursor), config, deps);
    if (!page.ok) {
      throw pageFailure(page.failure, listUrl, config, pageNumber, deps.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS);
    }
    yield* page.users;
    if (page.next === void 0 || page.next === "") return;
    const key = digest(page.next);
    const earlier = pageOf.get(key);
    if (earlier !== void 0) {
      throw new ToolError(
        `the legacy store's user list returned a cursor it had already returned (page ${pageNumber} gave again the cursor that led to page ${earlier})`
      );
    }
    pageOf.set(key, pageNumber + 1);
    cursor = page.next;
  }
}

// src/tools/verify/id-partitions.ts
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var BUCKETS = 64;
var FLUSH_LINES = 1e3;
var IdPartitions = class {
  dir = mkdtempSync(join(tmpdir(), "rmm-verify-"));
  /** Pending lines per bucket file, written out together: one small write per 1,000 ids, not per id. */
  pending = /* @__PURE__ */ new Map();
  add(side, entry) {
    const file = this.file(side, Number.parseInt(fnv1a(entry.legacyId), 16) % BUCKETS);
    let lines = this.pending.get(file);
    if (lines === void 0) {
      lines = [];
      this.pending.set(file, lines);
    }
    lines.push(JSON.stringify([entry.legacyId, entry.userId]));
    if (lines.length >= FLUSH_LINES) this.write(file, lines);
  }
  flush() {
    for (const [file, lines] of this.pending) this.write(file, lines);
  }
  write(file, lines) {
    if (lines.length === 0) return;
    appendFileSync(file, `${lines.join("\n")}
`);
    lines.length = 0;
  }
  /** One bucket of one side; call after `flush()`. */
  read(side, bucket) {
    let text;
    try {
      text = readFileSync(this.file(side, bucket), "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return [];
      throw error;
    }
    const entries = [];
    for (const line of text.split("\n")) {
      if (line === "") continue;
      const [legacyId, userId] = JSON.parse(line);
      entries.push({ legacyId, userId });
    }
    return entries;
  }
  dispose() {
    rmSync(this.dir, { recursive: true, force: true });
  }
  file(side, bucket) {
    return join(this.dir, `${side}-${bucket}.ndjson`);
  }
};

// src/tools/verify/run-verify.ts
function missingPart({ repair }) {
  if (!repair.app.missing) return "user_metadata_only";
  return repair.user.missing ? "both" : "app_metadata_only";
}
async function runVerify({ config, legacyUsers, tenantUsers, examples }) {
  const tallies = new Tallies(examples);
  const partitions = new IdPartitions();
  let legacyCount = 0;
  let tenantCount = 0;
  const stop = new AbortController();
  const stopOnFailure = (reading) => reading.catch((error) => {
    stop.abort();
    throw error;
  });
  try {
    const readLegacy = async () => {
      for await (const user of legacyUsers) {
        if (stop.signal.aborted) return;
        legacyCount++;
        partitions.add("legacy", { legacyId: user.legacy_id, userId: "" });
      }
    };
    const readTenant = async () => {
      for await (const user of tenantUsers(stop.signal)) {
        tenantCount++;
        const standing = tenantStanding(user, config);
        if (standing.state === "needs_repair") tallies.addMissing(missingPart(standing), user.user_id);
        else tallies.add(STATE_CATEGORY[standing.state], user.user_id);
        const legacyId = migrationIdentityId(user, config.connections);
        if (legacyId === void 0) tallies.add("not_listed", user.user_id);
        else partitions.add("tenant", { legacyId, userId: user.user_id });
      }
    };
    await Promise.all([stopOnFailure(readLegacy()), stopOnFailure(readTenant())]);
    partitions.flush();
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const legacyIds = new Set(partitions.read("legacy", bucket).map((entry) => entry.legacyId));
      const migrated = /* @__PURE__ */ new Set();
      for (const { legacyId, userId } of partitions.read("tenant", bucket)) {
        migrated.add(legacyId);
        if (!legacyIds.has(legacyId)) tallies.add("not_listed", userId);
      }
      for (const legacyId of legacyIds) if (!migrated.has(legacyId)) tallies.add("not_migrated", legacyId);
    }
  } finally {
    partitions.dispose();
  }
  return {
    connections: [...config.connections],
    repairVersion: config.repairVersion,
    legacyUsers: legacyCount,
    tenantUsers: tenantCount,
    categories: tallies.categories,
    missingParts: tallies.missingParts,
    verdict: verdictFor(tallies.categories, legacyCount)
  };
}

// src/tools/verify/verify-against.ts
var LIST_CONNECTIONS = 2;
async function verifyAgainst(config, tenantUsers, options) {
  const pool = pooledFetch(LIST_CONNECTIONS);
  try {
    const legacyUsers = listLegacyUsers(options.listUrl, config, {
      fetch: pool.fetch,
      cache: processCache(),
      pageTimeoutMs: options.timeoutMs
    });
    return await runVerify({ config, legacyUsers, tenantUsers, examples: options.examples });
  } finally {
    await pool.close();
  }
}

export {
  reportJson,
  reportTable,
  verifyAgainst
};
