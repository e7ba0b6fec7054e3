/**
 * What Auth0 keeps of an Action's console output: everything it printed in one
 * execution, joined by newlines, cut at 256 characters. The full text is kept beside it
 * so a test can tell that something was lost.
 */
import type { AsyncLocalStorage } from "node:async_hooks";
import { formatWithOptions } from "node:util";

const KEPT_LOG_CHARACTERS = 256;

export class ConsoleCapture {
  private readonly lines: string[] = [];
  private closed = false;

  write(line: string): void {
    if (!this.closed) this.lines.push(line);
  }

  /** Output after the execution ended (a timer left behind) is not the execution's. */
  close(): void {
    this.closed = true;
  }

  get full(): string {
    return this.lines.join("\n");
  }

  get kept(): string {
    return this.full.slice(0, KEPT_LOG_CHARACTERS);
  }
}

export interface ContextConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  trace(...args: unknown[]): void;
}

/**
 * One console for a loaded Action, routing each call to the execution it was made in
 * (concurrent executions of one instance each keep their own output). Calls outside any
 * execution, such as module-level code, go to `outside`.
 */
export function routedConsole(current: AsyncLocalStorage<ConsoleCapture>, outside: ConsoleCapture): ContextConsole {
  const write = (...args: unknown[]) =>
    (current.getStore() ?? outside).write(formatWithOptions({ colors: false }, ...args));
  return { log: write, info: write, warn: write, error: write, debug: write, trace: write };
}
