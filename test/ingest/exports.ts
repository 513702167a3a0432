// Builds an export for a test: the valid fixture, with a case's files laid over it (test/fixtures/ingest/<case>/);
// a case file named `<file>.remove` removes that file.
import {spawnSync} from "node:child_process";
import {cp, mkdtemp, readdir, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {projectRoot} from "../../src/node/paths.js";

export const fixtures = new URL("../fixtures/ingest/", import.meta.url).pathname;
/** The clock the tests run at: after every fixture date, before the fixtures' "future" dates. */
export const TEST_NOW = new Date("2021-06-01T12:00:00Z");

export async function exportFor(name: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), `vuoto-export-${name}-`));
  await cp(join(fixtures, "valid"), folder, {recursive: true});
  if (name === "valid") return folder;
  for (const file of await readdir(join(fixtures, name))) {
    if (file.endsWith(".remove")) await rm(join(folder, file.slice(0, -".remove".length)));
    else await cp(join(fixtures, name, file), join(folder, file));
  }
  return folder;
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "vuoto-data-"));
}

/** `npm run load` as a person runs it (through tsx, without npm's banner), at the tests' clock. */
export function runLoadCli(args: string[], dataDir: string, env: Record<string, string> = {}) {
  const result = spawnSync("npx", ["tsx", "src/cli/load.ts", ...args], {
    cwd: projectRoot,
    encoding: "utf-8",
    env: {...process.env, VUOTO_DATA_DIR: dataDir, VUOTO_NOW: TEST_NOW.toISOString(), ...env},
    timeout: 240_000
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Files under *dir* whose bytes contain *secret* (as UTF-8), for "the value appears in no written file". */
export async function filesContaining(dir: string, secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(Buffer.from(secret))) found.push(path);
  }
  return found;
}
