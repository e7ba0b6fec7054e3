/**
 * `npm start`: the repair shown end to end with no configuration and no tenant. The
 * sample legacy store starts on 127.0.0.1, the built Action runs in the local Actions
 * runtime for a scripted series of logins, and the report shows what each one did.
 */
import { describeBundleOrigin } from "./bundle-source";
import { loginTable, logLines, profileChanges } from "./demo/demo-report";
import { describeSecrets } from "./demo/demo-secrets";
import { runDemo } from "./demo/run-demo";

async function main(): Promise<void> {
  const started = performance.now();
  const run = await runDemo();
  const out = (lines: string | string[]) => console.log(Array.isArray(lines) ? lines.join("\n") : lines);
  out("repair-migrated-metadata: local demo (no tenant, nothing leaves this machine)");
  out(`Action:  ${describeBundleOrigin(run.bundle)}, in the local Actions runtime`);
  out("Legacy:  the sample legacy store on 127.0.0.1, configured as the Action's secrets:");
  out(describeSecrets(run.secrets));
  out("");
  out(loginTable(run.rows));
  out("");
  out("Profiles the Action repaired (Auth0 after the flow ended):");
  out(profileChanges(run.rows));
  out("");
  out("What Auth0 keeps of the Action's console output, per login:");
  out(logLines(run.rows));
  out("");
  out(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Try your own store: npm run try -- --email <email>`,
  );
}

main().catch((error: unknown) => {
  console.error("demo failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
