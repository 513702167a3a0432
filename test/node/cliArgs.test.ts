// Every CLI that parses with parseCli answers a bad option with its usage line and exit 64, and a bad
// environment variable with a one-line message and exit 78: never a stack trace.
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {projectRoot} from "../../src/node/paths.js";

const tsx = join(projectRoot, "node_modules/.bin/tsx");
const run = (cli: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(tsx, [join(projectRoot, "src/cli", cli), ...args], {encoding: "utf8", env: {...process.env, ...env}});

describe("command-line errors", {timeout: 120_000}, () => {
  test.each([
    ["publish.ts", ["--bogus"], "unknown option: --bogus\nusage: npm run publish:data -- "],
    ["publish.ts", ["--threshold"], "missing value for --threshold\nusage: npm run publish:data -- "],
    ["pdf.ts", ["stray"], "unexpected argument: stray\nusage: npm run pdf -- [--build]"],
    ["generate.ts", ["--out", "x", "--scale=1", "--bogus=1"], "unknown option: --bogus\nusage: npm run generate -- "]
  ])("%s %j: the usage line and exit 64", (cli, args, message) => {
    const result = run(cli, args);
    expect([result.status, result.stdout]).toEqual([64, ""]);
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("a bad environment variable stops the command before it starts, with exit 78", () => {
    const result = run("publish.ts", [], {VUOTO_THRESHOLD: "1"});
    expect([result.status, result.stderr]).toEqual([78, "invalid VUOTO_THRESHOLD: 1 (a whole number of at least 2)\n"]);
  });
});
