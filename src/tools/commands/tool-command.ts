/**
 * What a command of the operator CLI is: its name, its help, its own flags and how to
 * run it. The code that runs it is loaded only once the command line is read, so that
 * `--help` and every mistake on the command line are answered at once (the auth0 SDK
 * alone takes about a second to load). New commands are one `defineCommand` each.
 */
import { digitsValue } from "../../action/digits";
import {
  COMMON_FLAGS,
  type CommonArgs,
  commonUsage,
  type FlagSpecs,
  type FlagValues,
  readCommandLine,
  readCommonArgs,
} from "../../shared/command-line";
import type { ToolIo } from "./tool-io";

export const PROGRAM = "repair-migrated-metadata";

// Read and explained in shared, with the deploy's; the commands keep importing them from here.
export type { CommonArgs };
export const COMMON_USAGE = commonUsage();

/** A command line read for one command: its help, a mistake, or a run ready to start. */
export type Invocation =
  | { kind: "help"; text: string }
  | { kind: "problem"; problem: string }
  | { kind: "run"; common: CommonArgs; args: object; run: (io: ToolIo) => Promise<number> };

export interface ToolCommand {
  name: string;
  /** Its line in the general help. */
  summary: string;
  usage: string;
  /** Reads the flags that follow the command's name. */
  invocation(argv: readonly string[]): Invocation;
}

export interface CommandDefinition<S extends FlagSpecs, Args extends object> {
  name: string;
  summary: string;
  usage: string;
  flags: S;
  /** The command's arguments from its flags, or what is wrong with them. */
  read(values: FlagValues<S>): Args | { problem: string };
  /** The code that runs it, loaded on demand. */
  load(): Promise<(args: Args, common: CommonArgs, io: ToolIo) => Promise<number>>;
}

const isProblem = (value: unknown): value is { problem: string } =>
  typeof value === "object" && value !== null && "problem" in value;

export function defineCommand<S extends FlagSpecs, Args extends object>(
  definition: CommandDefinition<S, Args>,
): ToolCommand {
  const flags = { ...COMMON_FLAGS, ...definition.flags };
  return {
    name: definition.name,
    summary: definition.summary,
    usage: definition.usage,
    invocation(argv) {
      const line = readCommandLine(argv, flags);
      if (!line.ok) return { kind: "problem", problem: line.problem };
      const values = line.values as FlagValues<typeof COMMON_FLAGS> & FlagValues<S>;
      if (values.help) return { kind: "help", text: definition.usage };
      const { common, problem } = readCommonArgs(values);
      if (problem !== undefined) return { kind: "problem", problem };
      const args = definition.read(values);
      if (isProblem(args)) return { kind: "problem", problem: args.problem };
      return { kind: "run", common, args, run: async (io) => (await definition.load())(args, common, io) };
    },
  };
}

/** A whole number from `min` to `max`, or the default when the flag is absent. */
export function wholeNumber(text: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (text === undefined) return fallback;
  const value = digitsValue(text);
  if (value === undefined) return undefined;
  return value >= min && value <= max ? value : undefined;
}
