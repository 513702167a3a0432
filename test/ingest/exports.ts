// Builds an export for a test: the valid fixture, with a case's files laid over it (test/fixtures/ingest/<case>/);
// a case file named `<file>.remove` removes that file.
import {cp, mkdtemp, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";

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
