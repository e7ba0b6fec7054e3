/**
 * The command line of `npm run deploy`: `--dry-run`, `--position first|last`, `--smoke`
 * with the smoke test's user, `--dotenv`, `--timeout`, `--debug`, `--help`.
 */
import type { Problem } from "../action/problem";
import {
  COMMON_FLAGS,
  type CommonArgs,
  commonUsage,
  type FlagSpecs,
  type FlagValues,
  givenText,
  readCommandLine,
  readCommonArgs,
  TIMEOUT_FLAG,
} from "../shared/command-line";
import type { SmokeUser } from "../shared/smoke/smoke-event";
import { DOTENV_FLAG } from "../shared/variables";
import type { Position } from "./bindings";

export interface DeployArgs extends CommonArgs {
  dryRun: boolean;
  position: Position | undefined;
  /** `--smoke`: the user the smoke test runs for once the deploy succeeded. */
  smoke?: SmokeUser;
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
${commonUsage(", the Deploy CLI's included")}

Variables: see .env.example. Exit codes: 0 deployed (or previewed), and with --smoke the legacy store
was reached from Auth0; 1 refused or failed, or deployed but the smoke test failed. See docs/deploy.md.`;

const FLAGS = {
  "dry-run": { type: "boolean" },
  position: { type: "string" },
  smoke: { type: "boolean" },
  email: { type: "string" },
  "legacy-id": { type: "string" },
  username: { type: "string" },
  ...COMMON_FLAGS,
} as const satisfies FlagSpecs;

export function parseDeployArgs(argv: readonly string[]): DeployArgs {
  const line = readCommandLine(argv, FLAGS);
  const values = line.ok ? line.values : {};
  const problems: Problem[] = line.ok ? [] : [{ subject: "command line", reason: line.problem }];
  const position = values.position === "first" || values.position === "last" ? values.position : undefined;
  if (values.position !== undefined && position === undefined) {
    problems.push({ subject: "--position", reason: "must be first or last" });
  }
  const { common, problem } = readCommonArgs(values);
  if (problem !== undefined) problems.push({ subject: "command line", reason: problem });
  const smoke = readSmoke(values, problems);
  return {
    dryRun: values["dry-run"] === true,
    position,
    smoke,
    ...common,
    help: values.help === true,
    problems,
  };
}

/** `--smoke` and its user: the flags only make sense together, and after a real deploy. */
function readSmoke(values: FlagValues<typeof FLAGS>, problems: Problem[]): SmokeUser | undefined {
  const email = givenText(values.email);
  const user = { email: email ?? "", legacyId: givenText(values["legacy-id"]), username: givenText(values.username) };
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
