// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.
import {
  reportJson,
  reportTable,
  verifyAgainst
} from "./chunk-BBU34CHV.js";
import "./chunk-VIORHTOZ.js";
import {
  readToolSettings,
  tenantSide
} from "./chunk-A4JETTJX.js";
import "./chunk-KQF5LSN7.js";

// src/tools/commands/verify-command.ts
async function runVerifyCommand(args, common, io) {
  const needs = { tenant: args.exportFile === void 0, listUrl: true };
  const settings = readToolSettings(io.env, common.dotenv, needs);
  const { config, listUrl } = settings;
  const tenant = await tenantSide(config, io, { exportFile: args.exportFile, tenant: settings.tenant, common });
  const report = await verifyAgainst(config, tenant.source, {
    listUrl: listUrl ?? "",
    timeoutMs: common.timeoutMs,
    examples: args.examples
  });
  io.stdout(`${args.json ? reportJson(report) : reportTable(report)}
`);
  return 0;
}
export {
  runVerifyCommand
};
