import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {config, ENVIRONMENT_VARIABLES} from "../../src/node/config.js";
import {projectRoot} from "../../src/node/paths.js";

describe("config", () => {
  test("defaults when nothing is set, and an empty variable counts as not set", () => {
    const c = config({VUOTO_DATA_DIR: "", PORT: ""});
    expect(c.dataDir).toBe(join(projectRoot, "data"));
    expect(c.publishedDir).toBe(join(projectRoot, "data", "published"));
    expect(c).toMatchObject({
      threshold: undefined,
      policy: "suppress",
      now: undefined,
      debug: false,
      port: 3001,
      dist: "dist"
    });
  });

  test("values are read and typed", () => {
    const c = config({
      VUOTO_DATA_DIR: "/d",
      VUOTO_THRESHOLD: "2",
      VUOTO_POLICY: "round5",
      VUOTO_NOW: "2021-01-01T00:00:00Z",
      PORT: "0"
    });
    expect(c).toMatchObject({dataDir: "/d", publishedDir: "/d/published", threshold: 2, policy: "round5", port: 0});
    expect(c.now?.toISOString()).toBe("2021-01-01T00:00:00.000Z");
  });

  test.each([
    [{VUOTO_THRESHOLD: "1"}, "invalid VUOTO_THRESHOLD: 1 (a whole number of at least 2)"],
    [{VUOTO_THRESHOLD: "2.5"}, "invalid VUOTO_THRESHOLD: 2.5 (a whole number of at least 2)"],
    [{VUOTO_POLICY: "round10"}, "invalid VUOTO_POLICY: round10 (suppress or round5)"],
    [{PORT: "65536"}, "invalid PORT: 65536 (a port number, 0 to 65535)"],
    [{VUOTO_NOW: "yesterday"}, "invalid VUOTO_NOW: yesterday (an ISO 8601 instant)"],
    [{VUOTO_DEBUG: "yes"}, "invalid VUOTO_DEBUG: yes (1 or 0)"]
  ])("rejects %o at the edge", (env, message) => {
    expect(() => config(env)).toThrow(message);
  });

  test("the README lists every variable, and no other module reads process.env", async () => {
    const readme = await readFile(join(projectRoot, "README.md"), "utf8");
    for (const name of ENVIRONMENT_VARIABLES) expect(readme).toContain(`| \`${name}\``);
    const files = (await readdir(join(projectRoot, "src"), {recursive: true})).filter((f) => /\.ts$/.test(f));
    const readers = [];
    for (const file of files) {
      if (/process\.env\b/.test(await readFile(join(projectRoot, "src", file), "utf8"))) readers.push(file);
    }
    expect(readers).toEqual([join("node", "config.ts")]);
  });
});
