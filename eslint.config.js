// Lint: the recommended JavaScript and TypeScript rules, and the one rule that keeps the layout honest:
// code that runs in the browser (src/lib, src/components) never imports Node-only code (src/node,
// node:* built-ins, native or Chromium packages). Formatting is Prettier's job (npm run format:check).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

const nodeOnly = {
  patterns: [
    {
      group: ["**/node/**", "**/cli/**", "**/data/**"],
      message: "browser code must not import Node-only code (src/node, src/cli, src/data)."
    },
    {group: ["node:*"], message: "browser code must not import Node built-ins."}
  ],
  paths: [
    "@duckdb/node-api",
    "playwright-core",
    "finnish-ssn",
    "ibantools",
    "libphonenumber-js",
    "highs",
    "fs",
    "path",
    "os",
    "child_process",
    "crypto",
    "url",
    "zlib",
    "http"
  ].map((name) => ({name, message: "a Node-only package: browser code must not import it."}))
};

export default tseslint.config(
  {ignores: ["node_modules/", "dist/", "src/.observablehq/", "data/", "reports/", "test/bench/work/", "test/output/"]},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none"}
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      // Short-circuit and comma statements are used on purpose in the solver loops.
      "@typescript-eslint/no-unused-expressions": "off"
    }
  },
  {
    files: ["src/lib/**/*.ts", "src/components/**/*.ts"],
    rules: {"no-restricted-imports": ["error", nodeOnly]}
  },
  prettier
);
