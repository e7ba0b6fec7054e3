/** `smoke`: the deployed Action, tested once in Auth0's runtime (src/shared/smoke). */
import { runSmoke, SMOKE_SCOPES_HINT, smokePassed } from "../../shared/smoke/run-smoke";
import { missingLookup } from "../../shared/smoke/smoke-event";
import { smokeReportJson, smokeReportLines } from "../../shared/smoke/smoke-report";
import { ToolError } from "../tool-error";
import { readToolSettings } from "../tool-settings";
import type { SmokeArgs } from "./smoke-command-line";
import { openTenantApi } from "./tenant-source";
import type { CommonArgs } from "./tool-command";
import type { ToolIo } from "./tool-io";

export async function runSmokeCommand(args: SmokeArgs, common: CommonArgs, io: ToolIo): Promise<number> {
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
    pollMs: io.buildPollMs,
  });
  io.stdout(`${args.json ? smokeReportJson(result) : smokeReportLines(result).join("\n")}\n`);
  return smokePassed(result) ? 0 : 1;
}
