/** `npm run sample-store`: see src/local/sample-store/store-command.ts. */
import { runStoreCommand, STORE_USAGE, StoreCommandError } from "./sample-store/store-command";

runStoreCommand(process.argv.slice(2), (line) => console.log(line)).then(
  (store) => {
    if (store === undefined) return;
    const stop = () => {
      store.close().then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
  (error: unknown) => {
    if (error instanceof StoreCommandError) console.error(`sample-store: ${error.message}\n${STORE_USAGE}`);
    else console.error("sample-store failed:", error instanceof Error ? error.message : error);
    process.exitCode = error instanceof StoreCommandError ? 2 : 1;
  },
);
