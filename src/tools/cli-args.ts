/**
 * The command line of `repair-migrated-metadata`: the general help, or which command
 * and what it was given. Each command reads its own flags (commands/*-command-line.ts).
 */
import { COMMANDS } from "./commands/command-list";
import { COMMON_USAGE, type Invocation, PROGRAM, type ToolCommand } from "./commands/tool-command";

export const USAGE = `usage: ${PROGRAM} <command> [flags]

Finish an automatic migration into Auth0: test the deployed Action inside Auth0, see where
the migration stands, repair the users who do not log in, and switch the legacy store off.
Reads the same variables as the deploy (the environment, over .env).

commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Run \`${PROGRAM} <command> --help\` for a command's flags. Every command takes:
${COMMON_USAGE}

See docs/tools.md.`;

export type CliCall = Invocation & { command?: ToolCommand };

const names = () => COMMANDS.map((command) => command.name).join(", ");

function find(name: string): ToolCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}

export function parseCliArgs(argv: readonly string[]): CliCall {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help") return { kind: "help", text: USAGE };
  if (first === "help") {
    if (rest[0] === undefined) return { kind: "help", text: USAGE };
    const command = find(rest[0]);
    return command
      ? { kind: "help", text: command.usage }
      : { kind: "problem", problem: `unknown command "${rest[0]}" (commands: ${names()})` };
  }
  if (first.startsWith("-")) {
    return { kind: "problem", problem: `the command comes first: ${PROGRAM} <command> [flags] (commands: ${names()})` };
  }
  const command = find(first);
  if (!command) return { kind: "problem", problem: `unknown command "${first}" (commands: ${names()})` };
  return { ...command.invocation(rest), command };
}
