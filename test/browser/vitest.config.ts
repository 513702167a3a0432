import {defineConfig} from "vitest/config";

// Browser tests: build once, serve dist/ on 127.0.0.1 with the production CSP, drive Debian Chromium.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/globalSetup.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false
  }
});
