/** The command line of `npm run deploy`: `--dry-run`, `--position first|last`, `--dotenv`, `--timeout`, `--debug`, `--help`. */
import type { Problem } from "../action/problem";
import { DEFAULT_TIMEOUT_S, readCommandLine, readTimeoutMs, TIMEOUT_FLAG } from "../shared/command-line";
import { DOTENV_FLAG, type DotenvChoice, dotenvChoice } from "../shared/variables";
import type { Position } from "./bindings";

export interface DeployArgs {
  dryRun: boolean;
  position: Position | undefined;
  dotenv: DotenvChoice;
  timeoutMs: number;
  debug: boolean;
  help: boolean;
  problems: Problem[];
}

export const USAGE = `Usage: npm run deploy [-- --dry-run] [-- --position first|last] [-- --${DOTENV_FLAG} <path>]

  --dry-run              show what would change in the tenant (the Deploy CLI's dry run); write nothing
  --position WHERE       where to bind the Action among the tenant's post-login Actions: first or last
                         (default: keep its current place, or last when it is not bound yet)
  --${DOTENV_FLAG} <path>        variables file (default: .env in the current directory, when it exists;
                         the environment wins over it)
  --${TIMEOUT_FLAG} <seconds>    bound of each network call, the Deploy CLI's included (default ${DEFAULT_TIMEOUT_S})
  --debug                on failure, also print the stack trace
  -h, --help             this help

Variables: see .env.example. Exit codes: 0 deployed (or previewed); 1 refused or failed. See docs/deploy.md.`;

const FLAGS = {
  "dry-run": { type: "boolean" },
  position: { type: "string" },
  [DOTENV_FLAG]: { type: "string" },
  [TIMEOUT_FLAG]: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseDeployArgs(argv: readonly string[]): DeployArgs {
  const line = readCommandLine(argv, FLAGS);
  const values = line.ok ? line.values : {};
  const problems: Problem[] = line.ok ? [] : [{ subject: "command line", reason: line.problem }];
  const position = values.position === "first" || values.position === "last" ? values.position : undefined;
  if (values.position !== undefined && position === undefined) {
    problems.push({ subject: "--position", reason: "must be first or last" });
  }
  const timeout = readTimeoutMs(values[TIMEOUT_FLAG]);
  if (!timeout.ok) problems.push({ subject: "command line", reason: timeout.problem });
  return {
    dryRun: values["dry-run"] === true,
    position,
    dotenv: dotenvChoice(values[DOTENV_FLAG]),
    timeoutMs: timeout.ok ? timeout.ms : DEFAULT_TIMEOUT_S * 1000,
    debug: values.debug === true,
    help: values.help === true,
    problems,
  };
}
