/**
 * `smoke`: the deployed Action, run once inside Auth0's own runtime through the Management
 * API's "Test an Action" endpoint, for a synthetic migrated user with empty metadata. What
 * the local runtime cannot see is what this proves: the secrets as deployed, the network
 * path from Auth0 to the legacy store, its certificate and its allow list.
 */
import type { Config } from "../../action/config";
import { digitsValue } from "../../action/digits";
import { ACTION_NAME } from "../action-identity";
import { actionLogFields, type LogLineFields } from "../action-log-fields";
import type { ManagementCall } from "../management-call";
import { managementRequest, type TenantToken } from "../management-fetch";
import { type FoundAction, findAction } from "./find-action";
import { buildSmokeEvent, missingLookup, type SmokeUser, smokeUserId } from "./smoke-event";
import { findingFor, type SmokeFinding } from "./smoke-verdict";
import { readTestAnswer, type TestAnswer } from "./test-answer";

/** What to check when the tenant refuses a call of `smoke`. */
export const SMOKE_SCOPES_HINT =
  "the application needs the Management API scopes read:actions (to find the Action) and create:actions (to test it)";

export interface SmokeRequest {
  tenant: TenantToken;
  call: ManagementCall;
  /**
   * The test itself, sent once: after a timeout or a 5xx it may have run the Action, which
   * calls the legacy store; another attempt would run it again. `call` when not given.
   */
  testCall?: ManagementCall;
  config: Config;
  user: SmokeUser;
  /** How long a draft still building is waited for. */
  buildWaitMs: number;
  /** Between two looks at a draft still building. */
  pollMs?: number;
}

/** What the Action would have written, from the counts in its log line. */
export interface WouldWrite {
  userKeys: number;
  appKeys: number;
  skippedKeys: number;
  marker: "repaired" | "not_found";
}

export interface SmokeResult {
  /** The tenant's host. */
  domain: string;
  action: FoundAction;
  connection: string;
  userId: string;
  event: Record<string, unknown>;
  answer: TestAnswer;
  fields?: LogLineFields;
  finding: SmokeFinding;
  wouldWrite?: WouldWrite;
}

const count = (text: string | undefined) => (text === undefined ? undefined : digitsValue(text)) ?? 0;

function wouldWrite(fields: LogLineFields | undefined): WouldWrite | undefined {
  if (fields?.outcome === "not_found") return { userKeys: 0, appKeys: 0, skippedKeys: 0, marker: "not_found" };
  if (fields?.outcome !== "repaired") return undefined;
  return {
    userKeys: count(fields.user_keys),
    appKeys: count(fields.app_keys),
    skippedKeys: count(fields.skipped_keys),
    marker: "repaired",
  };
}

export async function runSmoke(request: SmokeRequest): Promise<SmokeResult> {
  const { tenant, call, config, user } = request;
  const lookup = missingLookup(config, user);
  if (lookup) throw new Error(`smoke started without what LEGACY_API_URL needs: ${lookup}`);
  const [connection = ""] = config.connections;
  const action = await findAction({
    tenant,
    call,
    name: ACTION_NAME,
    buildWaitMs: request.buildWaitMs,
    pollMs: request.pollMs,
  });
  const userId = smokeUserId();
  const event = buildSmokeEvent({ user, connection, tenantDomain: tenant.domain, now: new Date() }, userId);
  const step = `testing the Action "${ACTION_NAME}" in Auth0's runtime`;
  const text = await (request.testCall ?? call)(
    step,
    managementRequest(tenant, "POST", `/actions/actions/${action.id}/test`, { payload: { event } }),
  );
  const answer = readTestAnswer(text);
  const fields = answer.kind === "ran" && answer.log ? actionLogFields(answer.log.line) : undefined;
  const finding = findingFor(answer, fields, config, connection);
  // The Action writes only when it completed and the store answered.
  const writes = finding.verdict === "store_answered" ? wouldWrite(fields) : undefined;
  return { domain: tenant.domain, action, connection, userId, event, answer, fields, finding, wouldWrite: writes };
}

/** The verdict a command ends well on. */
export function smokePassed(result: SmokeResult): boolean {
  return result.finding.verdict === "store_answered";
}
