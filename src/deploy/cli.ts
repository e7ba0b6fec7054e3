/**
 * `npm run deploy`: builds the Action in memory, checks it and the configuration, then
 * deploys through the Deploy CLI. Exit status 0 on success, 1 on refusal or failure, with
 * one message saying what failed, where and why, and whether the tenant was changed; the
 * stack trace only with `--debug`.
 */
import { readFile } from "node:fs/promises";
import { inspect } from "node:util";
import { SECRET_NAMES } from "../action/secret-names";
import { BUNDLE, bundleText } from "../shared/build-config";
import { endWith } from "../shared/process-exit";
import { PROJECT_ROOT } from "../shared/project-root";
import { smokePassed } from "../shared/smoke/run-smoke";
import { smokeReportLines } from "../shared/smoke/smoke-report";
import { StepFailure, stepFailureLines } from "../shared/step-failure";
import { type Env, readVariables } from "../shared/variables";
import { parseDeployArgs, USAGE } from "./cli-args";
import { redact } from "./redact";
import { refusalMessage } from "./refusal-message";
import { runDeploy } from "./run-deploy";

const SENSITIVE_TENANT_VARIABLES = ["AUTH0_CLIENT_SECRET", "AUTH0_ACCESS_TOKEN"];
const UNCHANGED = "nothing was changed in the tenant";

async function readCommittedBundle(): Promise<string | undefined> {
  try {
    return await readFile(BUNDLE, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function secretValues(env: Env): string[] {
  return [...SECRET_NAMES, ...SENSITIVE_TENANT_VARIABLES].flatMap((name) => env[name] ?? []);
}

function failureMessage(error: unknown): string {
  if (error instanceof StepFailure) return `Deploy failed: ${stepFailureLines(error, UNCHANGED).join("\n")}`;
  const message = error instanceof Error ? error.message : String(error);
  return `Deploy failed: ${message}\n  ${UNCHANGED}`;
}

async function main(): Promise<number> {
  const args = parseDeployArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const { env, problems: envProblems } = readVariables(process.env, args.dotenv);
  try {
    const outcome = await runDeploy({
      env,
      bundle: { committed: await readCommittedBundle(), fresh: await bundleText() },
      dryRun: args.dryRun,
      position: args.position,
      earlierProblems: [...args.problems, ...envProblems],
      basePath: PROJECT_ROOT,
      log: (line) => console.log(line),
      timeoutMs: args.timeoutMs,
      smoke: args.smoke,
    });
    if (outcome.status === "refused") {
      console.error(refusalMessage(outcome.problems));
      return 1;
    }
    console.log(outcome.status === "previewed" ? "Dry run finished; nothing was written." : "Deployed.");
    if (outcome.smoke === undefined) return 0;
    console.log(`\n${smokeReportLines(outcome.smoke).join("\n")}`);
    if (smokePassed(outcome.smoke)) return 0;
    console.error("Deployed, but the smoke test failed: see the verdict above.");
    return 1;
  } catch (error) {
    const secrets = secretValues(env);
    console.error(redact(failureMessage(error), secrets));
    if (args.debug) console.error(redact(inspect(error, { depth: 6 }), secrets));
    return 1;
  }
}

endWith(await main());
