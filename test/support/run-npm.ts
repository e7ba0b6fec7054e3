/** Runs an npm script of this repository as a person would, and collects its output. */
import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface NpmRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNpm(args: string[], env: Record<string, string | undefined> = {}): Promise<NpmRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("npm", ["--silent", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}
