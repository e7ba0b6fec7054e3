/**
 * Entry point of `npx repair-migrated-metadata`. The first Ctrl-C stops the run cleanly
 * (users in flight finish, the checkpoint is saved); a second one exits at once, and the
 * exit hook still saves the checkpoint.
 */
import { main } from "./main";

const interrupt = new AbortController();
const exitActions: Array<() => void> = [];

process.on("SIGINT", () => {
  if (interrupt.signal.aborted) process.exit(130);
  process.stderr.write("\nstopping: finishing the users in flight (Ctrl-C again to quit now)\n");
  interrupt.abort();
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
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `repair-migrated-metadata: unexpected error\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
