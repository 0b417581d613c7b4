import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database and end-to-end suites each start their own embedded Postgres or local Discord: keep them in separate forks.
    pool: "forks",
    maxWorkers: 2,
  },
});
