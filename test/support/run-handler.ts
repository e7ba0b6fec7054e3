/**
 * Runs the TypeScript handler once with a recording api, capturing its log lines.
 * `freshHandler()` re-imports the module graph so module-level state (parsed config,
 * OAuth token, outage memory) starts empty for a test that needs it to.
 */
import { vi } from "vitest";
import type { CacheEntry, PostLoginApi, PostLoginEvent } from "../../src/action/types";
import { actionLogFields } from "../../src/local/log-fields";
import { loginEvent, type Recorded, recordingApi } from "./fake-api";

type Handler = (event: PostLoginEvent, api: PostLoginApi) => Promise<void>;

export interface LoginRun extends Recorded {
  logs: string[];
  elapsedMs: number;
}

export async function freshHandler(): Promise<Handler> {
  vi.resetModules();
  const module = await import("../../src/action/index");
  return module.onExecutePostLogin;
}

export async function runLogin(
  handler: Handler,
  event: PostLoginEvent = loginEvent(),
  cache = new Map<string, CacheEntry>(),
): Promise<LoginRun> {
  const recorded = recordingApi(cache);
  const logs: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    logs.push(args.map(String).join(" "));
  });
  const started = performance.now();
  try {
    await handler(event, recorded.api);
  } finally {
    spy.mockRestore();
  }
  return { ...recorded, logs, elapsedMs: performance.now() - started };
}

/** The `key=value` words of the Action's log line as a record (empty when there is none). */
export function logFields(line: string | undefined): Record<string, string> {
  return actionLogFields(line ?? "") ?? {};
}
