/** The command line of `npm run deploy`: `--dry-run`, `--position first|last`, `--help`. */
import { parseArgs } from "node:util";
import type { Problem } from "../action/problem";
import type { Position } from "./bindings";

export interface DeployArgs {
  dryRun: boolean;
  position: Position | undefined;
  help: boolean;
  problems: Problem[];
}

export const USAGE = `Usage: npm run deploy [-- --dry-run] [-- --position first|last]

  --dry-run          show what would change in the tenant (the Deploy CLI's dry run); write nothing
  --position WHERE   where to bind the Action among the tenant's post-login Actions: first or last
                     (default: keep its current place, or last when it is not bound yet)

Variables come from the environment and from .env in the current directory (see .env.example).`;

export function parseDeployArgs(argv: readonly string[]): DeployArgs {
  let values: { "dry-run"?: boolean; position?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { "dry-run": { type: "boolean" }, position: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: false,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { dryRun: false, position: undefined, help: false, problems: [{ subject: "arguments", reason }] };
  }
  const position = values.position === "first" || values.position === "last" ? values.position : undefined;
  return {
    dryRun: values["dry-run"] === true,
    position,
    help: values.help === true,
    problems:
      values.position !== undefined && position === undefined
        ? [{ subject: "--position", reason: "must be first or last" }]
        : [],
  };
}
