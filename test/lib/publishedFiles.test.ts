// After a new load, the loaders hand out the new export's figures, never the previous one's: the
// published tables are republished when the dataset (content hash) or the threshold changed.
import {execFile} from "node:child_process";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, expect, test} from "vitest";
import {generateExport} from "../../src/node/generate/index.js";
import {loadExport} from "../../src/node/ingest/load.js";

const run = promisify(execFile);
let work: string;
let dataDir: string;
const env = () => ({...process.env, VUOTO_DATA_DIR: dataDir, VUOTO_PUBLISHED_DIR: "", VUOTO_THRESHOLD: ""});
const now = new Date("2026-11-28T12:00:00Z");

async function headlineFromLoader(): Promise<{crisis_contacts: number | null; export: {export_id: string}}> {
  // The loader itself, as Framework runs it: a script whose stdout is the file.
  const {stdout} = await run(process.execPath, ["--import", "tsx", "src/data/headline.json.ts"], {env: env()});
  return JSON.parse(stdout);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "vuoto-stale-"));
  dataDir = join(work, "data");
  // Two small synthetic exports that differ only in seed (so in every figure and the export id).
  await generateExport({out: join(work, "first"), seed: 1, scale: 0.1});
  await generateExport({out: join(work, "second"), seed: 2, scale: 0.1});
}, 600_000);
afterAll(() => rm(work, {recursive: true, force: true}));

// Two loads, two publications and two loader processes, each publication through the solver-driven
// disclosure engine: give a busy machine time.
test(
  "a new load is published on the next loader run; the previous export's figures are gone",
  {timeout: 600_000},
  async () => {
    process.env.VUOTO_DATA_DIR = dataDir;
    try {
      expect((await loadExport(join(work, "first"), {dataDir, now})).exitCode).toBe(0);
      const first = await headlineFromLoader();
      expect(first.export.export_id).toMatch(/seed1\b/);

      expect((await loadExport(join(work, "second"), {dataDir, now})).exitCode).toBe(0);
      const second = await headlineFromLoader();
      expect(second.export.export_id).toMatch(/seed2\b/);
      expect(second.crisis_contacts).not.toBe(first.crisis_contacts);
    } finally {
      delete process.env.VUOTO_DATA_DIR;
    }
  }
);

test("a changed threshold is published again too", {timeout: 600_000}, async () => {
  const audit = async () => JSON.parse(await readFile(join(dataDir, "published", "audit.json"), "utf8"));
  await run(process.execPath, ["--import", "tsx", "src/data/audit.json.ts"], {env: {...env(), VUOTO_THRESHOLD: "7"}});
  expect((await audit()).threshold).toBe(7);
});
