import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    restoreMocks: true,
    // Vitest's default is one worker per core minus one: a single worker on a 2-core
    // machine. Most suites wait on timers, sockets and child processes rather than the
    // CPU, so three workers overlap the waits; the time-budget assertions keep a margin
    // of a second for a busy machine.
    maxWorkers: 3,
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
