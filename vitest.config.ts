import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    restoreMocks: true,
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
