// The README's architecture section ("How it is built") matches the folders: it names every folder of
// src/, src/node/ and test/, and every file it names exists where it says.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {projectRoot} from "../../src/node/paths.js";

const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
const start = readme.indexOf("## How it is built");
const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
const folders = (path: string) =>
  readdirSync(join(projectRoot, path), {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name);

test("the architecture section names every folder of src/, src/node/ and test/", () => {
  const missing = [
    ...folders("src").map((name) => `src/${name}/`),
    ...folders("src/node").map((name) => `${name}/`),
    ...folders("test").map((name) => `${name}/`)
  ].filter((name) => !section.includes(`\`${name}`) && !section.includes(`\`test/${name}`));
  expect(missing).toEqual([]);
});

test("every file the architecture section names exists in the folder it is listed under", () => {
  const missing: string[] = [];
  for (const item of section.split("\n- ").slice(1)) {
    const folder = /^`(src\/(?:lib|node|components)\/)`/.exec(item)?.[1];
    if (!folder) continue;
    for (const [, file] of item.matchAll(/`([\w]+\.ts)`/g)) {
      if (!existsSync(join(projectRoot, folder, file!))) missing.push(`${folder}${file}`);
    }
  }
  expect(missing).toEqual([]);
});
