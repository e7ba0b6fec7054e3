// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  reportJson,
  reportTable,
  verifyAgainst
} from "./chunk-DVHEIRMU.js";
import "./chunk-BAHBU3FZ.js";
import {
  HISTORY_KIND,
  historyLine
} from "./chunk-Q2BCZM7J.js";
import "./chunk-S5OPO4Y2.js";
import {
  readToolSettings,
  tenantSide
} from "./chunk-ZPMHBCPE.js";
import "./chunk-QTCBT552.js";
import {
  fileErrorReason
} from "./chunk-Y3KWZ7AQ.js";
import {
  ToolError
} from "./chunk-SGK6UJTW.js";

// src/tools/history/append-history.ts
import { accessSync, closeSync, constants, fstatSync, openSync, readSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";
var SNIFF_BYTES = 16 * 1024;
var NEWLINE = 10;
function byteAt(fd, position) {
  const buffer = Buffer.alloc(1);
  return readSync(fd, buffer, 0, 1, position) === 1 ? buffer[0] : void 0;
}
function isHistory(fd, size) {
  if (size === 0) return true;
  const buffer = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  return buffer.subarray(0, read).toString("utf8").includes(`"kind":"${HISTORY_KIND}"`);
}
var notHistory = (path) => `${path} is not a verify history (none of its first lines is one)`;
function checkHistoryWritable(path) {
  const hint = "pass --history <path> to name another history file";
  let fd;
  try {
    if (!statSync(path, { throwIfNoEntry: false })) {
      accessSync(dirname(path), constants.W_OK);
      return;
    }
    fd = openSync(path, "r+");
    if (!isHistory(fd, fstatSync(fd).size)) throw new ToolError(notHistory(path), hint);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`cannot append to the history ${path}: ${fileErrorReason(error)}`, hint);
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function appendHistoryLine(path, line) {
  const hint = "the report above is complete; pass --history <path> to name a writable history file";
  let fd;
  try {
    fd = openSync(path, "a+");
    const { size } = fstatSync(fd);
    if (!isHistory(fd, size)) throw new ToolError(`${notHistory(path)}: nothing was appended`, hint);
    const opening = size > 0 && byteAt(fd, size - 1) !== NEWLINE ? "\n" : "";
    const bytes = Buffer.from(`${opening}${JSON.stringify(line)}
`, "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`could not append to the history ${path}: ${fileErrorReason(error)}`, hint);
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/tools/commands/verify-command.ts
async function runVerifyCommand(args, common, io) {
  const startedAt = /* @__PURE__ */ new Date();
  const needs = { tenant: args.exportFile === void 0, listUrl: true };
  const settings = readToolSettings(io.env, common.dotenv, needs);
  checkHistoryWritable(args.history);
  const { config, listUrl } = settings;
  const tenant = await tenantSide(config, io, { exportFile: args.exportFile, tenant: settings.tenant, common });
  const report = await verifyAgainst(config, tenant.source, {
    listUrl: listUrl ?? "",
    timeoutMs: common.timeoutMs,
    examples: args.examples
  });
  io.stdout(`${args.json ? reportJson(report) : reportTable(report)}
`);
  appendHistoryLine(args.history, historyLine(report, startedAt));
  return 0;
}
export {
  runVerifyCommand
};
