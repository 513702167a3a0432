import {defineConfig} from "vitest/config";

// Unit tests: Node and jsdom, no browser. Browser tests have their own config in test/browser/.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser/**", "test/bench/**", "node_modules/**"],
    testTimeout: 60_000,
    // Setup hooks publish real datasets; on a loaded 2-core machine that can take longer than the default 10 s.
    hookTimeout: 120_000
  }
});
