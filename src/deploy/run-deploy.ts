/**
 * `npm run deploy` from checked inputs to a finished import: refuse before any network
 * call when anything is wrong, read the tenant's post-login bindings, keep them with ours
 * added once, and hand one tenant file to the Deploy CLI.
 */

import type { Config } from "../action/config";
import type { Problem } from "../action/problem";
import { boundedCall } from "../shared/bounded-call";
import { DEFAULT_TIMEOUT_S } from "../shared/command-line";
import { causeInChain } from "../shared/failure-cause";
import { boundedManagementCall } from "../shared/management-call";
import { runSmoke, SMOKE_SCOPES_HINT, type SmokeResult } from "../shared/smoke/run-smoke";
import { missingLookup, type SmokeUser } from "../shared/smoke/smoke-event";
import { noteChanges, StepFailure } from "../shared/step-failure";
import type { TenantAccess } from "../shared/tenant-access";
import type { Env } from "../shared/variables";
import { type Binding, mergeBindings, type Position } from "./bindings";
import type { BundleTexts } from "./bundle-check";
import { preflight } from "./preflight";
import { bindingsSpellingKeywords, renderTenantYaml } from "./tenant-config";

export interface DeployRequest {
  env: Env;
  bundle: BundleTexts;
  dryRun: boolean;
  position: Position | undefined;
  /** Problems found before this point (command line, .env file), reported with the rest. */
  earlierProblems: readonly Problem[];
  /** The tenant file's folder: the code path inside it is relative to this. */
  basePath: string;
  log: (line: string) => void;
  /** Bound of each network call (default DEFAULT_TIMEOUT_S). */
  timeoutMs?: number;
  /** `--smoke`: once deployed, test the Action in Auth0's runtime for this user. */
  smoke?: SmokeUser;
}

export type DeployOutcome =
  | { status: "refused"; problems: Problem[] }
  | { status: "deployed" | "previewed"; bindings: Binding[]; smoke?: SmokeResult };

export async function runDeploy(request: DeployRequest): Promise<DeployOutcome> {
  const checked = preflight(request.env, request.bundle);
  const problems = [...request.earlierProblems, ...(checked.ok ? [] : checked.problems)];
  if (!checked.ok || problems.length > 0) return { status: "refused", problems };
  const { credentials, secrets, config } = checked.plan;
  const lookup = request.smoke ? missingLookup(config, request.smoke) : undefined;
  if (lookup) return { status: "refused", problems: [{ subject: "--smoke", reason: lookup }] };

  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_S * 1000;

  // Loaded only now: the SDK and the Deploy CLI take seconds to load, and a refusal should not wait.
  const [{ openTenant }, { readPostLoginBindings }] = await Promise.all([
    import("../shared/tenant-access"),
    import("./current-bindings"),
  ]);
  const tenant = await openTenant(credentials, { timeoutMs, sdkRetries: SDK_RETRIES });
  const step = "reading the post-login bindings";
  const place = { step, host: tenant.domain, timeoutMs, source: "AUTH0_DOMAIN", hint: SCOPES_HINT };
  const current = await boundedCall(place, (signal) => readPostLoginBindings(tenant.management, signal));
  const bindings = mergeBindings(current, request.position);
  const secretNames = secrets.map((secret) => secret.name);
  const spelling = bindingsSpellingKeywords(bindings, secretNames);
  if (spelling.length > 0) {
    const reason = "its name or display name spells a secret's @@NAME@@ or ##NAME## keyword; rename it first";
    return { status: "refused", problems: spelling.map((name) => ({ subject: `post-login binding ${name}`, reason })) };
  }

  const verb = request.dryRun ? "would be" : "will be";
  request.log(`post-login bindings ${verb}, in order: ${bindings.map((b) => b.action_name).join(", ")}`);
  request.log(`secrets sent: ${secretNames.join(", ")}`);
  request.log("Any Deploy CLI warning that other Actions 'should be deleted' is only that: deletes are off.");
  const { importWithDeployCli } = await import("./deploy-cli-import");
  const changed = request.dryRun ? "nothing was changed in the tenant (dry run)" : PARTLY_CHANGED;
  await noteChanges(
    async () => {
      try {
        await importWithDeployCli({
          tenantYaml: renderTenantYaml({ secretNames, bindings }),
          basePath: request.basePath,
          domain: tenant.domain,
          accessToken: tenant.accessToken,
          keywords: Object.fromEntries(secrets.map(({ name, value }) => [name, value])),
          dryRun: request.dryRun,
          timeoutMs,
        });
      } catch (error) {
        throw importFailure(error, tenant.domain, timeoutMs);
      }
    },
    () => changed,
  );
  if (request.dryRun) return { status: "previewed", bindings };
  const smoke = request.smoke ? await smokeTest(request.smoke, config, tenant, timeoutMs) : undefined;
  return { status: "deployed", bindings, smoke };
}

/** The deployed Action, run once in Auth0's runtime; a failure to run it leaves the deploy done. */
function smokeTest(user: SmokeUser, config: Config, tenant: TenantAccess, timeoutMs: number): Promise<SmokeResult> {
  const place = { host: tenant.domain, timeoutMs, source: "AUTH0_DOMAIN", hint: SMOKE_SCOPES_HINT };
  return noteChanges(
    () => runSmoke({ tenant, call: boundedManagementCall(place), config, user, buildWaitMs: timeoutMs }),
    () => SMOKE_NOT_RUN,
  );
}

/** The SDK's own retries (429, 5xx) for the few reads the deploy makes itself. */
const SDK_RETRIES = 2;
const IMPORT_STEP = "importing the Action and the post-login bindings through the Deploy CLI";
const SCOPES_HINT =
  "the application needs read:actions, create:actions, update:actions, read:triggers and update:triggers (and read:clients for --dry-run)";
const SMOKE_NOT_RUN =
  "the Action was deployed and bound; only the smoke test could not run: run `npx repair-migrated-metadata smoke` once the tenant answers";
const PARTLY_CHANGED =
  "the Deploy CLI had started writing: the Action may have been created or updated and the bindings not yet written; run the deploy again to finish (it converges)";

/** Whatever stopped the Deploy CLI, as one step failure: its network cause or status when there is one. */
function importFailure(error: unknown, domain: string, timeoutMs: number): StepFailure {
  const cause = causeInChain(error);
  if (cause) return new StepFailure(IMPORT_STEP, domain, cause, { timeoutMs, source: "AUTH0_DOMAIN", cause: error });
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new StepFailure(IMPORT_STEP, domain, { kind: "answer", detail: message ?? "failed" }, { cause: error });
}
