/**
 * Loads an Action's code the way Auth0 does: as a CommonJS module in its own context,
 * once per instance, and refuses a module Auth0 would not run.
 */
import type { AsyncLocalStorage } from "node:async_hooks";
import { createRequire, isBuiltin } from "node:module";
import { types } from "node:util";
import vm from "node:vm";
import { ConsoleCapture, routedConsole } from "./console-capture";
import { contextGlobals, type FetchLike } from "./context-globals";
import { FS_MODULE_IDS, readOnlyFs } from "./read-only-fs";
import { checkSecrets } from "./secrets";

export interface ActionSource {
  name: string;
  code: string;
  secrets: Readonly<Record<string, unknown>>;
  /** Shown in stack traces. */
  filename?: string;
}

export type PostLoginHandler = (event: unknown, api: unknown) => Promise<unknown>;

export interface LoadedAction {
  name: string;
  secrets: Readonly<Record<string, string>>;
  handler: PostLoginHandler;
  /** Copies JSON data into the Action's realm, where its own built-ins made it. */
  intoRealm(value: unknown): unknown;
  /** Output of module-level code, which belongs to no execution. */
  startupOutput: ConsoleCapture;
}

export class ActionLoadError extends Error {
  constructor(action: string, message: string, options?: { cause?: unknown }) {
    super(`Action ${action}: ${message}`, options);
    this.name = "ActionLoadError";
  }
}

const hostRequire = createRequire(import.meta.url);

/** Node's built-in modules only (this runtime has no npm dependencies to offer), `fs` read-only as on node22. */
function actionRequire(id: string): unknown {
  if (FS_MODULE_IDS.has(id)) return readOnlyFs(id, hostRequire);
  if (isBuiltin(id)) return hostRequire(id);
  throw new Error(`Cannot find module '${id}'`);
}

export interface LoadOptions {
  executions: AsyncLocalStorage<ConsoleCapture>;
  resolveFetch: () => FetchLike;
  /** Bounds the module's synchronous top-level code. */
  timeoutMs: number;
}

export function loadAction(source: ActionSource, options: LoadOptions): LoadedAction {
  const secrets = checkSecrets(source.secrets);
  const filename = source.filename ?? `${source.name}.js`;
  const context = vm.createContext({}, { name: `action:${source.name}` });
  const realmJson = vm.runInContext("JSON", context) as JSON;
  const startupOutput = new ConsoleCapture();
  const globals = contextGlobals(routedConsole(options.executions, startupOutput), options.resolveFetch, realmJson);
  Object.assign(context, globals);
  vm.runInContext("globalThis.global = globalThis;", context);

  const module = vm.runInContext("({ exports: {} })", context) as { exports: Record<string, unknown> };
  // The call happens inside the script so that `timeout` bounds the module's own code;
  // the loader's names are removed before anything else runs.
  Object.assign(context, { __loaderModule: module, __loaderRequire: actionRequire, __loaderFilename: `/${filename}` });
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.code}\n})`;
  const call =
    ".call(__loaderModule.exports, __loaderModule.exports, __loaderRequire, __loaderModule, __loaderFilename, '/')";
  try {
    new vm.Script(`${wrapped}${call}`, { filename }).runInContext(context, { timeout: options.timeoutMs });
  } catch (error) {
    throw new ActionLoadError(source.name, "the module threw while loading", { cause: error });
  } finally {
    vm.runInContext(
      "delete globalThis.__loaderModule; delete globalThis.__loaderRequire; delete globalThis.__loaderFilename;",
      context,
    );
  }

  const handler = module.exports?.onExecutePostLogin;
  if (handler === undefined) throw new ActionLoadError(source.name, "exports.onExecutePostLogin is missing");
  if (!types.isAsyncFunction(handler)) {
    throw new ActionLoadError(source.name, "exports.onExecutePostLogin must be an async function");
  }
  return {
    name: source.name,
    secrets,
    handler: handler as PostLoginHandler,
    intoRealm: (value) => realmJson.parse(JSON.stringify(value)),
    startupOutput,
  };
}
