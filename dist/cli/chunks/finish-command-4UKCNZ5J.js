// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  PROGRAM
} from "./chunk-BYETZ7LP.js";
import {
  ACTION_NAME
} from "./chunk-HW5AEGFW.js";
import {
  reportTable,
  verifyAgainst
} from "./chunk-DVHEIRMU.js";
import "./chunk-BAHBU3FZ.js";
import "./chunk-S5OPO4Y2.js";
import {
  connectionId,
  exportedUsers,
  isPlainObject,
  openTenantApi,
  readToolSettings,
  withManagementStatus
} from "./chunk-ZPMHBCPE.js";
import {
  StepFailure
} from "./chunk-QTCBT552.js";
import {
  fileErrorReason
} from "./chunk-Y3KWZ7AQ.js";
import {
  ToolError
} from "./chunk-SGK6UJTW.js";

// src/tools/finish/finish-refusal.ts
var REFUSAL_TEXT = {
  verify_not_yet: "verify says the legacy store is still needed",
  not_a_database: "the connection is not a database connection",
  not_custom_database: "the connection does not use a custom database (its scripts are not in use)",
  import_mode_off: 'the connection does not import users ("Import Users to Auth0" is off)',
  options_not_readable: "the connection was read without its options",
  configuration_values_needed: "the connection holds encrypted configuration values",
  configuration_keys_differ: "--configuration-file does not name exactly the connection's configuration keys",
  changed_concurrently: "the connection changed between the read and the write",
  backup_of_other_tenant: "the backup was taken from another tenant",
  backup_of_other_connection: "the backup is of another connection",
  scripts_changed_since: "the connection's scripts are no longer the no-ops finish wrote"
};
var REFUSAL_HINTS = {
  verify_not_yet: "bring every legacy user in and repair their metadata first (see the verdict), or pass --force",
  not_a_database: "MIGRATION_CONNECTIONS (or --connection) must name the custom database users were migrated through",
  not_custom_database: "only a custom database connection calls a legacy store; there is nothing to switch off",
  import_mode_off: "without import mode the scripts are the users' only store: no-ops would lock everyone out; turn import mode on only if that is really how users log in",
  options_not_readable: "the application needs read:connections_options (and update:connections_options): writing options read without them would erase them",
  configuration_values_needed: "Auth0 returns them encrypted and a write without them deletes them: pass --configuration-file with each key's value (docs/tools.md)",
  configuration_keys_differ: "list every key the connection holds, and only those",
  changed_concurrently: "someone changed it meanwhile: read what changed, then run the command again",
  backup_of_other_tenant: "restore it with AUTH0_DOMAIN set to the tenant it was taken from",
  backup_of_other_connection: "the connection with the backup's id now has another name: check it in the dashboard",
  scripts_changed_since: "someone edited them after finish; pass --force to overwrite those edits with the backup's scripts"
};
var FinishRefusal = class extends Error {
  constructor(reason, detail) {
    super(`${REFUSAL_TEXT[reason]}: ${detail}`);
    this.reason = reason;
    this.detail = detail;
    this.name = "FinishRefusal";
  }
  reason;
  detail;
};

// src/tools/finish/backup-file.ts
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import { dirname, join } from "node:path";
import * as z from "zod/mini";

// src/tools/finish/connection-copy.ts
var MIGRATION_SCRIPTS = ["login", "get_user"];
function asConnectionCopy(value) {
  if (!isPlainObject(value)) return void 0;
  const { id, name, strategy, options } = value;
  if (typeof id !== "string" || typeof name !== "string") return void 0;
  return {
    id,
    name,
    strategy: typeof strategy === "string" ? strategy : void 0,
    options: isPlainObject(options) ? options : void 0,
    raw: value
  };
}
function migrationScripts(options) {
  const scripts = options?.customScripts;
  if (!isPlainObject(scripts)) return {};
  const found = {};
  for (const name of MIGRATION_SCRIPTS) {
    const text = scripts[name];
    if (typeof text === "string") found[name] = text;
  }
  return found;
}
function configurationKeys(options) {
  const configuration = options?.configuration;
  return isPlainObject(configuration) ? Object.keys(configuration).sort() : [];
}

// src/tools/finish/backup-file.ts
var KIND = "repair-migrated-metadata/connection-backup";
var fileSchema = z.object({
  kind: z.literal(KIND),
  taken_at: z.string(),
  taken_before: z.enum(["finish", "rollback"]),
  tenant: z.string(),
  connection: z.unknown()
});
function backupFileName(connection, at) {
  const safeName = connection.replace(/[^A-Za-z0-9._-]/g, "_");
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(".", "-");
  return `connection-backup-${safeName}-${stamp}.json`;
}
function syncDirectory(directory) {
  let fd;
  try {
    fd = openSync(directory, "r");
    fsyncSync(fd);
  } catch {
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function writeDurably(path, text) {
  const fd = openSync(path, "wx", 384);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    try {
      closeSync(fd);
    } finally {
      rmSync(path, { force: true });
    }
    throw error;
  }
  closeSync(fd);
  syncDirectory(dirname(path));
}
function checkBackupDir(directory) {
  let reason;
  try {
    if (!statSync(directory).isDirectory()) reason = "it is not a folder";
    else accessSync(directory, constants.W_OK);
  } catch (error) {
    reason = fileErrorReason(error);
  }
  if (reason !== void 0) {
    throw new ToolError(
      `cannot write the backup in ${directory}: ${reason}; nothing was changed in the tenant`,
      "pass --backup-dir <a folder this user can write to>"
    );
  }
}
function writeBackup(directory, backup) {
  const path = join(directory, backupFileName(backup.connection.name, new Date(backup.takenAt)));
  const text = JSON.stringify(
    {
      kind: KIND,
      taken_at: backup.takenAt,
      taken_before: backup.takenBefore,
      tenant: backup.tenant,
      connection: backup.connection.raw
    },
    null,
    2
  );
  try {
    writeDurably(path, `${text}
`);
  } catch (error) {
    const code = error.code ?? "error";
    throw new ToolError(
      `cannot write the backup ${path} (${code}); nothing was changed in the tenant`,
      "pass --backup-dir <a folder this user can write to>"
    );
  }
  return path;
}
function readBackup(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ToolError(`cannot read the backup ${path}: ${fileErrorReason(error)}`);
  }
  let parsed;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch {
    throw new ToolError(`${path} is not a connection backup written by finish`);
  }
  const connection = asConnectionCopy(parsed.connection);
  if (!connection) throw new ToolError(`${path} holds no connection (an id and a name)`);
  return { takenAt: parsed.taken_at, takenBefore: parsed.taken_before, tenant: parsed.tenant, connection };
}

// src/tools/finish/configuration-values.ts
import { readFileSync as readFileSync2 } from "node:fs";
function readConfigurationValues(path) {
  let text;
  try {
    text = readFileSync2(path, "utf8");
  } catch (error) {
    throw new ToolError(`cannot read the configuration file ${path}: ${fileErrorReason(error)}`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ToolError(`the configuration file ${path} is not JSON`, 'it holds {"KEY": "value", ...}');
  }
  if (!isPlainObject(value) || !Object.values(value).every((item) => typeof item === "string")) {
    throw new ToolError(
      `the configuration file ${path} is not a JSON object of strings`,
      `it holds {"KEY": "value", ...}, one entry per key of the connection's configuration`
    );
  }
  return value;
}

// src/tools/finish/guarded-write.ts
import { isDeepStrictEqual } from "node:util";
function changedFields(before, after) {
  const fields = [];
  for (const key of /* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, is] = [before[key], after[key]];
    if (isDeepStrictEqual(was, is)) continue;
    if (key === "options" && isPlainObject(was) && isPlainObject(is)) {
      fields.push(...changedFields(was, is).map((name) => `options.${name}`));
    } else {
      fields.push(key);
    }
  }
  return fields.sort();
}
function answerDifferences(plan, answer) {
  const sent = plan.body.options;
  if (!isPlainObject(sent)) return [];
  if (answer?.options === void 0) return ["the answer holds no options"];
  const got = answer.options;
  const written = migrationScripts(got);
  const differences = MIGRATION_SCRIPTS.filter((name) => written[name] !== plan.after[name]).map(
    (name) => `options.customScripts.${name}`
  );
  for (const key of Object.keys(sent)) {
    if (key === "configuration") {
      const same = isDeepStrictEqual(configurationKeys(got), configurationKeys(sent));
      if (!same) differences.push("options.configuration (its keys)");
    } else if (key !== "customScripts" && !isDeepStrictEqual(got[key], sent[key])) {
      differences.push(`options.${key}`);
    }
  }
  const otherScripts = (options) => {
    const scripts = isPlainObject(options.customScripts) ? { ...options.customScripts } : {};
    for (const name of MIGRATION_SCRIPTS) delete scripts[name];
    return scripts;
  };
  if (!isDeepStrictEqual(otherScripts(got), otherScripts(sent)))
    differences.push("options.customScripts (other scripts)");
  return differences;
}
function mayHaveApplied(failure) {
  const { failure: cause } = failure;
  if (cause.kind === "status") return cause.status >= 500;
  return cause.kind !== "dns" && cause.kind !== "refused" && cause.kind !== "tls";
}
async function guardedWrite(api, copy, plan, backupPath) {
  let rereading = false;
  const unchangedSincePlan = async () => {
    rereading = true;
    const current = await api.read(copy.id, `reading the connection "${copy.name}" again just before the write`);
    const changed = changedFields(copy.raw, current.raw);
    if (changed.length > 0) {
      throw new FinishRefusal("changed_concurrently", `changed since the plan was made: ${changed.join(", ")}`);
    }
    rereading = false;
  };
  await unchangedSincePlan();
  try {
    return answerDifferences(plan, await api.write(copy.id, copy.name, plan.body, unchangedSincePlan));
  } catch (error) {
    if (!(error instanceof StepFailure) || rereading) throw error;
    error.changed = mayHaveApplied(error) ? `the write may have been applied: read the connection (finish --dry-run shows its scripts); the backup is ${backupPath}` : `nothing was changed in the tenant (the write was refused or never sent); the backup is ${backupPath}`;
    throw error;
  }
}

// src/tools/finish/script-diff.ts
var lines = (text) => text === void 0 ? [] : text.replace(/\n$/, "").split("\n");
function scriptDiff(name, before, after) {
  const from = before === void 0 ? "(none)" : `${lines(before).length} line(s)`;
  const to = after === void 0 ? "(removed)" : `${lines(after).length} line(s)`;
  return [
    `--- customScripts.${name} now: ${from}`,
    `+++ customScripts.${name} after: ${to}`,
    ...lines(before).map((line) => `-${line}`),
    ...lines(after).map((line) => `+${line}`)
  ];
}
function planDiff(plan) {
  const kept = Object.keys(plan.body.options ?? {}).length;
  const configuration = plan.configurationKeys.length > 0 ? `; configuration: ${plan.configurationKeys.length} key(s) sent again from --configuration-file (values not shown)` : "";
  return [
    ...plan.changed.flatMap((name) => scriptDiff(name, plan.before[name], plan.after[name])),
    `Every other option is sent back as read (${kept} option key(s) in all)${configuration}.`
  ];
}

// src/tools/finish/written-not-as-sent.ts
var WRITTEN_NOT_AS_SENT = 3;
function writtenNotAsSent(io, differences, backupPath) {
  io.stderr.write(
    `${PROGRAM} finish: the connection was written, but the tenant's answer differs from what was sent in: ${differences.join(", ")}
  read the connection in the dashboard before going on; the backup is ${backupPath}, and
  ${PROGRAM} finish --rollback ${backupPath} restores its scripts
`
  );
  return WRITTEN_NOT_AS_SENT;
}

// src/tools/finish/apply-script-plan.ts
function readWriteInputs(args) {
  const values = args.configurationFile === void 0 ? void 0 : readConfigurationValues(args.configurationFile);
  if (!args.dryRun) checkBackupDir(args.backupDir);
  return values;
}
async function applyScriptPlan(change, io) {
  const out = (lines2) => io.stdout(`${lines2.join("\n")}
`);
  out([change.heading, ...planDiff(change.plan), ""]);
  if (change.dryRun) {
    out(["Dry run: nothing was written, and no backup was taken."]);
    return { written: false, exitCode: 0 };
  }
  const backupPath = writeBackup(change.backupDir, {
    takenAt: (/* @__PURE__ */ new Date()).toISOString(),
    takenBefore: change.moment,
    tenant: change.tenant.access.domain,
    connection: change.copy
  });
  out([`Backup of the connection as read: ${backupPath} (mode 0600)`]);
  const differences = await guardedWrite(change.tenant.connections, change.copy, change.plan, backupPath);
  if (differences.length > 0) return { written: false, exitCode: writtenNotAsSent(io, differences, backupPath) };
  return { written: true, backupPath };
}

// src/tools/finish/connection-checks.ts
function readableOptions(copy) {
  if (copy.options === void 0) {
    throw new FinishRefusal("options_not_readable", `the tenant's answer for "${copy.name}" holds no options`);
  }
  return copy.options;
}
function checkCustomDatabase(copy) {
  const options = readableOptions(copy);
  if (copy.strategy !== "auth0") {
    throw new FinishRefusal("not_a_database", `"${copy.name}" has the strategy ${copy.strategy ?? "(none)"}`);
  }
  if (options.enabledDatabaseCustomization !== true) {
    throw new FinishRefusal("not_custom_database", `"${copy.name}" has enabledDatabaseCustomization off`);
  }
  return options;
}
function checkMigrating(copy) {
  const options = checkCustomDatabase(copy);
  if (options.import_mode !== true) {
    throw new FinishRefusal("import_mode_off", `"${copy.name}" has import_mode off`);
  }
  return options;
}

// src/tools/finish/connection-api.ts
function connectionApi(client, governor) {
  return {
    findId: (name) => connectionId(client, governor, name),
    async read(id, step) {
      const data = await governor.call(
        step,
        (signal) => withManagementStatus(client.connections.get(id, {}, { abortSignal: signal }).withRawResponse())
      );
      const copy = asConnectionCopy(data);
      if (!copy) throw new StepFailure(step, governor.host, { kind: "answer", detail: "not a connection" });
      return copy;
    },
    async write(id, name, body, beforeResend) {
      const request = body;
      const data = await governor.call(
        `writing the connection "${name}"`,
        (signal) => withManagementStatus(client.connections.update(id, request, { abortSignal: signal }).withRawResponse()),
        { once: true, beforeResend }
      );
      return asConnectionCopy(data);
    }
  };
}

// src/tools/finish/finish-tenant.ts
var FINISH_SCOPES_HINT = "the application needs the Management API scopes read:users and read:connections (for verify), read:connections_options, update:connections and update:connections_options";
async function openFinishTenant(config, credentials, io, common) {
  if (!credentials) throw new ToolError("the tenant's credentials are needed to read and write the connection");
  const api = await openTenantApi(credentials, io, common.timeoutMs, FINISH_SCOPES_HINT);
  return {
    access: api.access,
    users: exportedUsers(config, io, api, common.timeoutMs),
    connections: connectionApi(api.access.management, api.governor)
  };
}

// src/tools/finish/next-steps.ts
function nextSteps(connection, backupPath) {
  return [
    `Done: "${connection}" no longer calls the legacy store. "Import Users to Auth0" is still on, and every`,
    "other option is as it was.",
    "",
    "What comes next:",
    "  - Migrated users log in as before: Auth0 checks their password in its own store, and the scripts",
    "    were never called for them. Sign-ups and password resets no longer look anyone up in the old store.",
    "  - The legacy store's login service can be switched off now.",
    `  - The Action ${ACTION_NAME} can stay bound: for a user who needs nothing it costs microseconds and`,
    "    makes no call. It still repairs a user missing metadata while LEGACY_API_URL answers, so switch",
    "    that API off only once verify shows nobody missing metadata.",
    "  - Or unbind it: Dashboard > Actions > Triggers > post-login, drag it out of the flow and Apply (or",
    "    PATCH /api/v2/actions/triggers/post-login/bindings with the other bindings, scope update:triggers).",
    "    Once unbound, the Action and its secrets can be deleted.",
    `  - To undo: ${PROGRAM} finish --rollback ${backupPath}`
  ];
}

// src/tools/finish/no-op-scripts.ts
var LOGIN = `function login(userNameOrEmail, password, callback) {
  // The legacy store is switched off (repair-migrated-metadata finish). With "Import Users to Auth0" on,
  // Auth0 checks migrated users against its own store and does not call this for them; anyone else is not found.
  // The callback is the last argument, also when the connection passes a context before it.
  const done = arguments[arguments.length - 1];
  return done(null, null);
}
`;
var GET_USER = `function getByEmail(email, callback) {
  // The legacy store is switched off (repair-migrated-metadata finish): nobody is looked up there any more.
  // The callback is the last argument, also when the connection passes a context before it.
  const done = arguments[arguments.length - 1];
  return done(null, null);
}
`;
var NO_OP_SCRIPTS = { login: LOGIN, get_user: GET_USER };

// src/tools/finish/script-plan.ts
var ECHOED_FIELDS = ["display_name", "realms"];
function configurationToSend(copy, values) {
  const stored = configurationKeys(copy.options);
  const given = values === void 0 ? [] : Object.keys(values).sort();
  if (stored.length > 0 && values === void 0) {
    throw new FinishRefusal(
      "configuration_values_needed",
      `"${copy.name}" holds ${stored.length} configuration key(s): ${stored.join(", ")}`
    );
  }
  const missing = stored.filter((key) => !given.includes(key));
  const extra = given.filter((key) => !stored.includes(key));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      ...missing.length > 0 ? [`missing ${missing.join(", ")}`] : [],
      ...extra.length > 0 ? [`not in the connection: ${extra.join(", ")}`] : []
    ];
    throw new FinishRefusal("configuration_keys_differ", parts.join("; "));
  }
  return values === void 0 ? void 0 : { ...values };
}
function planScripts(copy, options, target, values) {
  const before = migrationScripts(options);
  const configuration = configurationToSend(copy, values);
  const scripts = isPlainObject(options.customScripts) ? { ...options.customScripts } : {};
  for (const name of MIGRATION_SCRIPTS) {
    const text = target[name];
    if (text === void 0) delete scripts[name];
    else scripts[name] = text;
  }
  const sent = { ...structuredClone(options), customScripts: scripts };
  if (configuration !== void 0) sent.configuration = configuration;
  const body = { options: sent };
  for (const field of ECHOED_FIELDS) if (copy.raw[field] !== void 0) body[field] = structuredClone(copy.raw[field]);
  return {
    before,
    after: migrationScripts(sent),
    changed: MIGRATION_SCRIPTS.filter((name) => before[name] !== target[name]),
    body,
    configurationKeys: configurationKeys(options)
  };
}

// src/tools/finish/run-finish.ts
function chooseConnection(config, given) {
  const names = [...config.connections];
  if (given !== void 0) {
    if (config.connections.has(given)) return given;
    throw new ToolError(
      `--connection "${given}" is not one of MIGRATION_CONNECTIONS (${names.join(", ")})`,
      "verify only covers those connections, so finish only switches off one of them"
    );
  }
  const [only] = names;
  if (names.length === 1 && only !== void 0) return only;
  throw new ToolError(
    `MIGRATION_CONNECTIONS names ${names.length} connections (${names.join(", ")})`,
    "pass --connection <name> to say which one to finish"
  );
}
var EXAMPLES = 5;
async function runFinish(args, common, io) {
  const settings = readToolSettings(io.env, common.dotenv, { tenant: true, listUrl: true });
  const { config } = settings;
  const name = chooseConnection(config, args.connection);
  const values = readWriteInputs(args);
  const tenant = await openFinishTenant(config, settings.tenant, io, common);
  const out = (lines2) => io.stdout(`${lines2.join("\n")}
`);
  out(["1. Verify: is every legacy user in Auth0, with their metadata?", ""]);
  const report = await verifyAgainst(config, tenant.users, {
    listUrl: settings.listUrl ?? "",
    timeoutMs: common.timeoutMs,
    examples: EXAMPLES
  });
  out([reportTable(report), ""]);
  if (!report.verdict.canSwitchOff) {
    if (!args.force) throw new FinishRefusal("verify_not_yet", report.verdict.summary);
    out([
      "--force: going on although verify says NOT YET. Once the scripts are no-ops, legacy users who have not",
      "migrated can no longer log in or be migrated; users still missing metadata are repaired only while",
      "LEGACY_API_URL answers (the Action calls it, not the scripts).",
      ""
    ]);
  }
  out([`2. Read the connection "${name}"`]);
  const copy = await tenant.connections.read(await tenant.connections.findId(name), `reading the connection "${name}"`);
  const options = checkMigrating(copy);
  const plan = planScripts(copy, options, NO_OP_SCRIPTS, values);
  const keys = plan.configurationKeys.length;
  out([`  ${copy.id}: custom database, "Import Users to Auth0" on, ${keys} configuration key(s)`, ""]);
  if (plan.changed.length === 0) {
    out(["Its login and get_user scripts are already the no-ops finish writes: nothing to do."]);
    return 0;
  }
  const { dryRun, backupDir } = args;
  const applied = await applyScriptPlan(
    { tenant, copy, plan, moment: "finish", heading: "3. The change", dryRun, backupDir },
    io
  );
  if (!applied.written) return applied.exitCode;
  out(["", ...nextSteps(name, applied.backupPath)]);
  return 0;
}

// src/tools/finish/run-rollback.ts
async function runRollback(backupFile, args, common, io) {
  const settings = readToolSettings(io.env, common.dotenv, { tenant: true, listUrl: false });
  const backup = readBackup(backupFile);
  const saved = backup.connection;
  const target = migrationScripts(saved.options);
  if (target.login === void 0) throw new ToolError(`${backupFile} holds no login script to put back`);
  const values = readWriteInputs(args);
  const tenant = await openFinishTenant(settings.config, settings.tenant, io, common);
  const out = (lines2) => io.stdout(`${lines2.join("\n")}
`);
  if (backup.tenant !== tenant.access.domain) {
    throw new FinishRefusal(
      "backup_of_other_tenant",
      `it was taken from ${backup.tenant}; AUTH0_DOMAIN is ${tenant.access.domain}`
    );
  }
  out([`Rolling back "${saved.name}" (${saved.id}) to its scripts of ${backup.takenAt}, from ${backupFile}`]);
  const copy = await tenant.connections.read(saved.id, `reading the connection "${saved.name}"`);
  if (copy.name !== saved.name) {
    throw new FinishRefusal(
      "backup_of_other_connection",
      `${saved.id} is now named "${copy.name}", not "${saved.name}"`
    );
  }
  const options = checkCustomDatabase(copy);
  const current = migrationScripts(options);
  const edited = MIGRATION_SCRIPTS.filter((name) => current[name] !== NO_OP_SCRIPTS[name]);
  if (edited.length > 0) {
    const which = `${edited.join(" and ")} ${edited.length === 1 ? "was" : "were"} edited`;
    if (!args.force) throw new FinishRefusal("scripts_changed_since", which);
    out([`--force: ${which} after finish; the backup's scripts replace those edits.`]);
  }
  const plan = planScripts(copy, options, target, values);
  if (plan.changed.length === 0) {
    out(["Its login and get_user scripts already are the backup's: nothing to do."]);
    return 0;
  }
  out([""]);
  const { dryRun, backupDir } = args;
  const applied = await applyScriptPlan(
    { tenant, copy, plan, moment: "rollback", heading: "The change", dryRun, backupDir },
    io
  );
  if (!applied.written) return applied.exitCode;
  const importMode = options.import_mode === true ? "on" : "off";
  out([
    "",
    `Done: "${saved.name}" has its scripts of ${backup.takenAt} again; "Import Users to Auth0" is ${importMode}, and every`,
    "other option is as it was. The legacy store is called again for users Auth0 does not hold."
  ]);
  return 0;
}

// src/tools/commands/finish-command.ts
var REFUSED = 1;
async function runFinishCommand(args, common, io) {
  try {
    return args.rollback === void 0 ? await runFinish(args, common, io) : await runRollback(args.rollback, args, common, io);
  } catch (error) {
    if (!(error instanceof FinishRefusal)) throw error;
    io.stderr.write(
      `${PROGRAM} finish: refusing: ${error.message}
  nothing was changed in the tenant
  ${REFUSAL_HINTS[error.reason]}
`
    );
    return REFUSED;
  }
}
export {
  runFinishCommand
};
