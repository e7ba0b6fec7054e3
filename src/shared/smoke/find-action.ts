/**
 * The Action on the tenant, by its exact name (the list endpoint's `actionName` filter;
 * an exact match is still checked here), and ready to run: the test endpoint runs the
 * current draft, so a draft still building is waited for, as the Deploy CLI waits before
 * a deploy, and one that failed to build is reported.
 */
import { setTimeout as sleep } from "node:timers/promises";
import * as z from "zod/mini";
import { formatSeconds } from "../failure-cause";
import type { ManagementCall } from "../management-call";
import { type AnswerText, managementRequest, type TenantToken } from "../management-fetch";
import { StepFailure } from "../step-failure";

export interface FoundAction {
  id: string;
  name: string;
  /** The draft's build status, when the tenant said. */
  status?: string;
  /** False when the draft holds changes that logins do not run yet. */
  allChangesDeployed?: boolean;
}

const actionSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.optional(z.string()),
  all_changes_deployed: z.optional(z.boolean()),
});

const listSchema = z.object({ actions: z.array(z.unknown()) });

/** Build states that end by themselves (Auth0's ActionBuildStatusEnum). */
const BUILDING = new Set(["pending", "building", "packaged", "retrying"]);

export interface FindActionOptions {
  tenant: TenantToken;
  call: ManagementCall;
  name: string;
  /** How long a draft that is still building is waited for. */
  buildWaitMs: number;
  /** Between two looks at a building draft. */
  pollMs?: number;
}

const DEFAULT_POLL_MS = 1000;

function json(text: AnswerText, step: string, host: string): unknown {
  try {
    if (text.ok) return JSON.parse(text.text);
  } catch {
    // reported below
  }
  throw new StepFailure(step, host, { kind: "answer", detail: "the answer is not JSON" });
}

function asAction(value: unknown): FoundAction | undefined {
  const parsed = actionSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { id, name, status, all_changes_deployed } = parsed.data;
  return { id, name, status, allChangesDeployed: all_changes_deployed };
}

async function lookUp({ tenant, call, name }: FindActionOptions): Promise<FoundAction> {
  const step = `finding the Action "${name}"`;
  const query = new URLSearchParams({ actionName: name, per_page: "50" });
  const text = await call(step, managementRequest(tenant, "GET", `/actions/actions?${query}`));
  const list = listSchema.safeParse(json(text, step, tenant.domain));
  if (!list.success) throw new StepFailure(step, tenant.domain, { kind: "answer", detail: "no list of actions" });
  const matches = list.data.actions.map(asAction).filter((action) => action?.name === name);
  const [found] = matches;
  if (found === undefined) {
    throw new StepFailure(
      step,
      tenant.domain,
      { kind: "answer", detail: `the tenant has no Action named "${name}"` },
      { hint: "deploy it first: npm run deploy" },
    );
  }
  return found;
}

async function reread(options: FindActionOptions, id: string): Promise<FoundAction> {
  const step = `waiting for the Action "${options.name}" to be built`;
  const text = await options.call(step, managementRequest(options.tenant, "GET", `/actions/actions/${id}`));
  const action = asAction(json(text, step, options.tenant.domain));
  if (!action) throw new StepFailure(step, options.tenant.domain, { kind: "answer", detail: "not an Action" });
  return action;
}

export async function findAction(options: FindActionOptions): Promise<FoundAction> {
  let action = await lookUp(options);
  const started = Date.now();
  while (action.status !== undefined && BUILDING.has(action.status)) {
    if (Date.now() - started >= options.buildWaitMs) {
      throw new StepFailure(
        `waiting for the Action "${options.name}" to be built`,
        options.tenant.domain,
        { kind: "answer", detail: `still ${action.status} after ${formatSeconds(options.buildWaitMs)}` },
        { hint: "Auth0 is still building the Action's code: run the command again in a minute" },
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
      { hint: "the Action's page in the dashboard shows the build error; deploy again once it is fixed" },
    );
  }
  return action;
}
