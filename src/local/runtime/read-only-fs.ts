/**
 * `fs` as an Action sees it on Auth0's node22 runtime, where writing to the file system
 * is disabled: reads work, every call that would create, change or remove a file fails
 * with EROFS. Failing at once (never a stream that errors later) is the harsher choice
 * where Auth0 does not say how a write fails (docs/local-run.md).
 */
import { constants } from "node:fs";

type AnyFunction = (...args: unknown[]) => unknown;

const WRITES = [
  "appendFile",
  "chmod",
  "chown",
  "copyFile",
  "cp",
  "createWriteStream",
  "fchmod",
  "fchown",
  "ftruncate",
  "futimes",
  "lchmod",
  "lchown",
  "link",
  "lutimes",
  "mkdir",
  "mkdtemp",
  "rename",
  "rm",
  "rmdir",
  "symlink",
  "truncate",
  "unlink",
  "utimes",
  "write",
  "writeFile",
  "writev",
] as const;

const WRITE_NAMES: ReadonlySet<string> = new Set(WRITES.flatMap((name) => [name, `${name}Sync`]));
const OPEN_NAMES: ReadonlySet<string> = new Set(["open", "openSync"]);
const WRITE_FLAGS = constants.O_WRONLY | constants.O_RDWR | constants.O_CREAT | constants.O_APPEND | constants.O_TRUNC;

export const FS_MODULE_IDS: ReadonlySet<string> = new Set(["fs", "node:fs", "fs/promises", "node:fs/promises"]);

function readOnlyError(syscall: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`EROFS: read-only file system, ${syscall}`);
  error.code = "EROFS";
  error.syscall = syscall;
  return error;
}

/** `open` with anything but a read-only flag ('r', 'rs', or O_RDONLY) writes; no flag means 'r'. */
function opensForWriting(flags: unknown): boolean {
  if (flags === undefined || flags === null || typeof flags === "function") return false;
  if (typeof flags === "number") return (flags & WRITE_FLAGS) !== 0;
  return typeof flags !== "string" || !/^rs?$/.test(flags);
}

function refusing(name: string, style: "sync" | "promise"): AnyFunction {
  return () => {
    const error = readOnlyError(name.replace(/Sync$/, ""));
    if (style === "promise") return Promise.reject(error);
    throw error;
  };
}

/** One guard per module object, so that `require("fs") === require("node:fs")` and `fs.promises` stays the same object. */
const guards = new WeakMap<object, object>();

function guard<T extends object>(module: T, style: "sync" | "promise"): T {
  const known = guards.get(module);
  if (known) return known as T;
  const guarded = new Proxy(module, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== "string") return value;
      if (property === "promises" && typeof value === "object" && value !== null) return guard(value, "promise");
      if (typeof value !== "function") return value;
      if (WRITE_NAMES.has(property)) return refusing(property, style);
      if (!OPEN_NAMES.has(property)) return value;
      const open = value as AnyFunction;
      return (...args: unknown[]) =>
        opensForWriting(args[1]) ? refusing(property, style)() : open.apply(target, args);
    },
  });
  guards.set(module, guarded);
  return guarded;
}

/** The module an Action's `require(id)` gets for one of the `fs` module ids. */
export function readOnlyFs(id: string, load: (id: string) => unknown): unknown {
  const module = load(id);
  if (typeof module !== "object" || module === null) return module;
  return guard(module, id.endsWith("promises") ? "promise" : "sync");
}
