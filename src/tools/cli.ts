/**
 * Entry point of `npx repair-migrated-metadata` (built into dist/cli by `npm run build`).
 * The first Ctrl-C stops the run cleanly (users in flight finish, the checkpoint is
 * saved); a second one exits at once, and the exit hook still saves the checkpoint.
 */
import { endWith } from "../shared/process-exit";
import { EXIT } from "./exit-codes";
import { main } from "./main";

const interrupt = new AbortController();
const exitActions: Array<() => void> = [];

process.on("SIGINT", () => {
  if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
  process.stderr.write("\nstopping: finishing the users in flight (Ctrl-C again to quit now)\n");
  interrupt.abort();
});
// Output piped into a command that stops reading (`| head`) is not a failure of this one.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.on("exit", () => {
  for (const action of exitActions) action();
});

main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: process.stderr,
  signal: interrupt.signal,
  atExit: (action) => exitActions.push(action),
}).then(
  (code) => endWith(code),
  (error: unknown) => {
    // main turns every failure into a message; reaching here is a bug in main itself.
    process.stderr.write(
      `repair-migrated-metadata: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    endWith(EXIT.bug);
  },
);
