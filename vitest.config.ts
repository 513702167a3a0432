import {defineConfig} from "vitest/config";

// Unit tests: Node and jsdom, no browser. Browser tests have their own config in test/browser/.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser/**", "test/bench/**", "node_modules/**"],
    testTimeout: 60_000
  }
});
