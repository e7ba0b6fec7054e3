/** `npm run try -- --email <email> ...`: see src/local/try/run-try.ts. */
import { runTry } from "./try/run-try";

runTry(process.argv.slice(2), { env: process.env, out: (line) => console.log(line) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("try failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
