/**
 * Captures everything a piece of code prints, whichever way it prints: the console, the
 * process streams, or (as winston does, used by the Deploy CLI) the console's own streams.
 */
import { vi } from "vitest";

type ConsoleStreams = { _stdout?: NodeJS.WritableStream; _stderr?: NodeJS.WritableStream };

export function captureOutput() {
  const printed: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    printed.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    return true;
  };
  const { _stdout, _stderr } = console as unknown as ConsoleStreams;
  const streams = new Set<NodeJS.WritableStream>([process.stdout, process.stderr]);
  if (_stdout) streams.add(_stdout);
  if (_stderr) streams.add(_stderr);
  for (const stream of streams) vi.spyOn(stream, "write").mockImplementation(capture as NodeJS.WritableStream["write"]);
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...parts: unknown[]) => {
      printed.push(parts.map(String).join(" "));
    });
  }
  return {
    push: (line: string) => printed.push(line),
    text: () => printed.join("\n"),
  };
}
