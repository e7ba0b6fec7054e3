/**
 * `npm run deploy`: builds the Action in memory, checks it and the configuration, then
 * deploys through the Deploy CLI. Exit status 0 on success, 1 on refusal or failure.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { SECRET_NAMES } from "../action/secret-names";
import { BUNDLE, bundleText } from "../shared/build-config";
import { PROJECT_ROOT } from "../shared/project-root";
import { type Env, readVariables } from "../shared/variables";
import { parseDeployArgs, USAGE } from "./cli-args";
import { redact } from "./redact";
import { refusalMessage } from "./refusal-message";
import { runDeploy } from "./run-deploy";

const SENSITIVE_TENANT_VARIABLES = ["AUTH0_CLIENT_SECRET", "AUTH0_ACCESS_TOKEN"];

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

async function main(): Promise<number> {
  const args = parseDeployArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const { env, problems: envProblems } = readVariables(process.env, resolve(".env"));
  try {
    const outcome = await runDeploy({
      env,
      bundle: { committed: await readCommittedBundle(), fresh: await bundleText() },
      dryRun: args.dryRun,
      position: args.position,
      earlierProblems: [...args.problems, ...envProblems],
      basePath: PROJECT_ROOT,
      log: (line) => console.log(line),
    });
    if (outcome.status === "refused") {
      console.error(refusalMessage(outcome.problems));
      return 1;
    }
    console.log(outcome.status === "previewed" ? "Dry run finished; nothing was written." : "Deployed.");
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Deploy failed: ${redact(message, secretValues(env))}`);
    return 1;
  }
}

process.exitCode = await main();
