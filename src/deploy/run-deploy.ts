/**
 * `npm run deploy` from checked inputs to a finished import: refuse before any network
 * call when anything is wrong, read the tenant's post-login bindings, keep them with ours
 * added once, and hand one tenant file to the Deploy CLI.
 */

import type { Problem } from "../action/problem";
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
}

export type DeployOutcome =
  | { status: "refused"; problems: Problem[] }
  | { status: "deployed" | "previewed"; bindings: Binding[] };

export async function runDeploy(request: DeployRequest): Promise<DeployOutcome> {
  const checked = preflight(request.env, request.bundle);
  const problems = [...request.earlierProblems, ...(checked.ok ? [] : checked.problems)];
  if (!checked.ok || problems.length > 0) return { status: "refused", problems };
  const { credentials, secrets } = checked.plan;

  // Loaded only now: the SDK and the Deploy CLI take seconds to load, and a refusal should not wait.
  const [{ openTenant }, { readPostLoginBindings }, { importWithDeployCli }] = await Promise.all([
    import("../shared/tenant-access"),
    import("./current-bindings"),
    import("./deploy-cli-import"),
  ]);
  const tenant = await openTenant(credentials);
  const current = await readPostLoginBindings(tenant.management);
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
  await importWithDeployCli({
    tenantYaml: renderTenantYaml({ secretNames, bindings }),
    basePath: request.basePath,
    domain: tenant.domain,
    accessToken: tenant.accessToken,
    keywords: Object.fromEntries(secrets.map(({ name, value }) => [name, value])),
    dryRun: request.dryRun,
  });
  return { status: request.dryRun ? "previewed" : "deployed", bindings };
}
