/**
 * One import through the Deploy CLI's own `deploy()`, fenced so it can only touch this
 * Action and the trigger bindings: the handlers are limited to `actions` and `triggers`
 * (AUTH0_INCLUDED_ONLY) and deletes are off (AUTH0_ALLOW_DELETE), so the tenant's other
 * Actions, which the CLI sees as "to delete" because the file does not list them, stay.
 *
 * The Deploy CLI takes no signal, so each of its requests is bounded through Node's global
 * fetch for the duration of the import.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deploy } from "auth0-deploy-cli";
import { withBoundedGlobalFetch } from "./bounded-global-fetch";

export interface DeployCliImport {
  /** The tenant file's text; its keywords are replaced from `keywords`. */
  tenantYaml: string;
  /** The folder the file's code path is relative to. */
  basePath: string;
  domain: string;
  accessToken: string;
  keywords: Readonly<Record<string, string>>;
  dryRun: boolean;
  /** Bound of each request the Deploy CLI makes. */
  timeoutMs: number;
}

export async function importWithDeployCli(request: DeployCliImport): Promise<void> {
  // The file holds keywords only; the values stay in memory.
  const folder = await mkdtemp(join(tmpdir(), "repair-migrated-metadata-deploy-"));
  const inputFile = join(folder, "tenant.yaml");
  try {
    await writeFile(inputFile, request.tenantYaml, { mode: 0o600 });
    await withBoundedGlobalFetch(request.timeoutMs, () =>
      deploy({
        input_file: inputFile,
        // The programmatic default, stated: the process environment must not become keywords.
        env: false,
        dry_run: request.dryRun ? "preview" : undefined,
        config: {
          AUTH0_DOMAIN: request.domain,
          AUTH0_ACCESS_TOKEN: request.accessToken,
          AUTH0_BASE_PATH: request.basePath,
          AUTH0_ALLOW_DELETE: false,
          AUTH0_INCLUDED_ONLY: ["actions", "triggers"],
          AUTH0_KEYWORD_REPLACE_MAPPINGS: { ...request.keywords },
          // Stated on every call: the CLI keeps its settings in a process-wide store, and a
          // dry run's setting must not outlive it (the dry_run parameter wins over this).
          AUTH0_DRY_RUN: false,
          AUTH0_DRY_RUN_INTERACTIVE: false,
          AUTH0_DRY_RUN_APPLY: false,
        },
      }),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
