/**
 * `npm start`: the repair shown end to end with no configuration and no tenant. The
 * sample legacy store starts on 127.0.0.1, the built Action runs in the local Actions
 * runtime for a scripted series of logins, and the report shows what each one did.
 */
import { describeBundleOrigin } from "./bundle-source";
import { DEMO_USAGE, parseDemoArgs } from "./demo/demo-args";
import { loginTable, logLines, mappedLogin, outageMemory, profileChanges } from "./demo/demo-report";
import { describeSecrets } from "./demo/demo-secrets";
import { runDemo } from "./demo/run-demo";
import { nodeVersionNotice } from "./node-version-notice";
import { CACHE_MODEL_EXPLANATIONS } from "./runtime/cache-model";

async function main(): Promise<void> {
  const args = parseDemoArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`npm start: ${args.problem}\n${DEMO_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(DEMO_USAGE);
    return;
  }
  const started = performance.now();
  const run = await runDemo(args.cache);
  const out = (lines: string | string[]) => console.log(Array.isArray(lines) ? lines.join("\n") : lines);
  out("repair-migrated-metadata: local demo (no tenant, nothing leaves this machine)");
  const notice = nodeVersionNotice();
  if (notice) out(notice);
  out(`Action:  ${describeBundleOrigin(run.bundle)}, in the local Actions runtime`);
  out(`Runtime: api.cache ${run.cache}: ${CACHE_MODEL_EXPLANATIONS[run.cache]} (--cache to change)`);
  out("Legacy:  the sample legacy store on 127.0.0.1, configured as the Action's secrets:");
  out(describeSecrets(run.secrets));
  out("");
  out(loginTable(run.rows));
  const memory = outageMemory(run.rows);
  if (memory.length > 0) {
    out("");
    out("After the outage, what the Action's outage memory gave each login (Auth0 promises neither to keep");
    out("an api.cache entry nor to send a login to the instance that saw the outage):");
    out(memory);
  }
  out("");
  out("Profiles the Action repaired (Auth0 after the flow ended):");
  out(profileChanges(run.rows));
  out("");
  out("What Auth0 keeps of the Action's console output, per login:");
  out(logLines(run.rows));
  out("");
  out(mappedLogin(run.mapped, run.rows.length + 1));
  out("");
  out(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Try your own store: npm run try -- --email <email>`,
  );
}

main().catch((error: unknown) => {
  console.error("demo failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
