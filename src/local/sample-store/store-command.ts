/**
 * `npm run sample-store`: the sample legacy store on its own, so that `npm run try` (or
 * anything else) can be pointed at it. It prints the Action's secrets that reach it and
 * a `try` command line ready to paste; it runs until interrupted.
 */
import { readCommandLine } from "../../shared/command-line";
import { sampleUser } from "./sample-users";
import { type SampleStore, startSampleStore } from "./server";
import { mappedStoreSecrets, storeSecrets } from "./store-secrets";

export const STORE_USAGE = `usage: npm run sample-store -- [--port <1-65535>] [--token <token>]

Runs the sample legacy store on 127.0.0.1 until Ctrl-C, and prints the Action's secrets
that reach it with ready-to-paste \`npm run try\` commands (one reading its flat records
through metadata maps).

  --port N        the port to listen on (default: any free port)
  --token TOKEN   the bearer token it accepts (default: a random one, printed)
  --help          show this help`;

export class StoreCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreCommandError";
  }
}

interface StoreArgs {
  help: boolean;
  port: number;
  token?: string;
}

function parseStoreArgs(argv: readonly string[]): StoreArgs {
  const read = readCommandLine(argv, {
    port: { type: "string" },
    token: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (!read.ok) throw new StoreCommandError(read.problem);
  const { values } = read;
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StoreCommandError(`--port must be a whole number from 1 to 65535 (or 0 for any free port)`);
  }
  if (values.token !== undefined && !/^[\x21-\x7e]{8,}$/.test(values.token)) {
    throw new StoreCommandError("--token must be at least 8 visible ASCII characters, without spaces");
  }
  return { help: values.help === true, port, token: values.token };
}

/** The running store, or undefined when only the help was asked for. */
export async function runStoreCommand(
  argv: readonly string[],
  out: (line: string) => void,
): Promise<SampleStore | undefined> {
  const args = parseStoreArgs(argv);
  if (args.help) {
    out(STORE_USAGE);
    return undefined;
  }
  let store: SampleStore;
  try {
    store = await startSampleStore({ port: args.port, token: args.token });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EADDRINUSE" ? "the port is already in use" : String(code ?? error);
    throw new StoreCommandError(`cannot listen on 127.0.0.1:${args.port}: ${why}`);
  }
  // A throwaway token for a fake store on this machine: shown, unlike any real secret.
  const secrets = storeSecrets(store);
  const ada = sampleUser("1001");
  out(`Sample legacy store on ${store.origin} (Ctrl-C to stop). The Action's secrets that reach it:`);
  for (const [name, value] of Object.entries(secrets)) out(`  ${name}=${value}`);
  out("");
  out("In another terminal, for example:");
  const tryCommand = (values: Record<string, string>) => {
    const env = Object.entries(values)
      .map(([name, value]) => `${name}='${value}'`)
      .join(" ");
    return `  ${env} npm run try -- --email ${ada.email} --legacy-id ${ada.legacy_id}`;
  };
  out(tryCommand(secrets));
  out("The same users as a legacy system's own API answers them (/flat/users/{legacy_id}), read through maps:");
  out(tryCommand(mappedStoreSecrets(store)));
  out("The token is a throwaway for this local store; it changes at each start unless --token is given.");
  return store;
}
