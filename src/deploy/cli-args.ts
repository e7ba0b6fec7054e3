/**
 * The command line of `npm run deploy`: `--dry-run`, `--position first|last`, `--smoke`
 * with the smoke test's user, `--dotenv`, `--timeout`, `--debug`, `--help`.
 */
import type { Problem } from "../action/problem";
import {
  DEFAULT_TIMEOUT_S,
  type FlagSpecs,
  type FlagValues,
  readCommandLine,
  readTimeoutMs,
  TIMEOUT_FLAG,
} from "../shared/command-line";
import type { SmokeUser } from "../shared/smoke/smoke-event";
import { DOTENV_FLAG, type DotenvChoice, dotenvChoice } from "../shared/variables";
import type { Position } from "./bindings";

export interface DeployArgs {
  dryRun: boolean;
  position: Position | undefined;
  /** `--smoke`: the user the smoke test runs for once the deploy succeeded. */
  smoke?: SmokeUser;
  dotenv: DotenvChoice;
  timeoutMs: number;
  debug: boolean;
  help: boolean;
  problems: Problem[];
}

export const USAGE = `Usage: npm run deploy -- [--dry-run] [--position first|last] [--${DOTENV_FLAG} <path>] [--${TIMEOUT_FLAG} <seconds>]
       npm run deploy -- --smoke --email <email> [--legacy-id <id>] [--username <name>]

  --dry-run              show what would change in the tenant (the Deploy CLI's dry run); write nothing
  --position WHERE       where to bind the Action among the tenant's post-login Actions: first or last
                         (default: keep its current place, or last when it is not bound yet)
  --smoke                once deployed, run the Action in Auth0's runtime for a synthetic user with
                         this --email (and --legacy-id / --username when LEGACY_API_URL needs them),
                         as \`repair-migrated-metadata smoke\` does; writes to no user
  --${DOTENV_FLAG} <path>        variables file (default: .env in the current directory, when it exists;
                         the environment wins over it)
  --${TIMEOUT_FLAG} <seconds>    bound of each network call, the Deploy CLI's included (default ${DEFAULT_TIMEOUT_S})
  --debug                on failure, also print the stack trace
  -h, --help             this help

Variables: see .env.example. Exit codes: 0 deployed (or previewed), and with --smoke the legacy store
was reached from Auth0; 1 refused or failed, or deployed but the smoke test failed. See docs/deploy.md.`;

const FLAGS = {
  "dry-run": { type: "boolean" },
  position: { type: "string" },
  smoke: { type: "boolean" },
  email: { type: "string" },
  "legacy-id": { type: "string" },
  username: { type: "string" },
  [DOTENV_FLAG]: { type: "string" },
  [TIMEOUT_FLAG]: { type: "string" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies FlagSpecs;

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
  const smoke = readSmoke(values, problems);
  return {
    dryRun: values["dry-run"] === true,
    position,
    smoke,
    dotenv: dotenvChoice(values[DOTENV_FLAG]),
    timeoutMs: timeout.ok ? timeout.ms : DEFAULT_TIMEOUT_S * 1000,
    debug: values.debug === true,
    help: values.help === true,
    problems,
  };
}

const given = (value: string | undefined) => (value !== undefined && value.trim() !== "" ? value.trim() : undefined);

/** `--smoke` and its user: the flags only make sense together, and after a real deploy. */
function readSmoke(values: FlagValues<typeof FLAGS>, problems: Problem[]): SmokeUser | undefined {
  const email = given(values.email);
  const user = { email: email ?? "", legacyId: given(values["legacy-id"]), username: given(values.username) };
  if (values.smoke !== true) {
    const stray = (["email", "legacy-id", "username"] as const).filter((name) => values[name] !== undefined);
    for (const name of stray) problems.push({ subject: `--${name}`, reason: "only goes with --smoke" });
    return undefined;
  }
  if (email === undefined)
    problems.push({ subject: "--smoke", reason: "needs --email <a user the legacy store knows>" });
  if (values["dry-run"] === true)
    problems.push({ subject: "--smoke", reason: "runs after a deploy; a dry run deploys nothing" });
  return email === undefined ? undefined : user;
}
