// Issue 13: the export's manifest.json is input like any cell. Its fields are scanned for identifiers
// (exit 2, the values nowhere), export_id must have a safe shape, no control character is printed, it is
// read in UTF-8 with a byte order mark and in UTF-16, and "synthetic" is an explicit flag.
import {join} from "node:path";
import {expect, test, vi} from "vitest";
import {loadExport} from "../../src/node/ingest/load.js";
import {isSynthetic, readManifest} from "../../src/node/publish/manifest.js";
import {exportFor, filesContaining, runLoadCli, tempDataDir, TEST_NOW} from "./exports.js";

// Each CLI run starts tsx and DuckDB: seconds on an idle machine, much more on a busy one.
vi.setConfig({testTimeout: 300_000});

test("identifiers in any manifest field: exit 2, and the values appear in no output and no written file", async () => {
  const dataDir = await tempDataDir();
  const {code, stdout, stderr} = runLoadCli([await exportFor("manifest-identifiers"), "--json"], dataDir);
  expect(code).toBe(2);
  expect(stderr).toContain("manifest.json: field produced_by: identifier: e-mail address; the export is refused");
  expect(stderr).toContain("manifest.json: field export_id: identifier: Finnish personal identity code");
  for (const secret of ["131052-308T", "liisa.virtanen@hus.fi", "040 123 4567", "Liisa", "Virtanen"]) {
    expect(stdout + stderr).not.toContain(secret);
    expect(await filesContaining(dataDir, secret)).toEqual([]);
  }
  expect(JSON.parse(stdout)).toMatchObject({ok: false, export_id: null});
});

test("an export_id of an unsafe shape is refused without printing it or any control character", async () => {
  const dataDir = await tempDataDir();
  const {code, stdout, stderr} = runLoadCli([await exportFor("manifest-unsafe-id"), "--json"], dataDir);
  expect(code).toBe(1);
  expect(stderr).toContain("manifest.json: invalid export_id: not a safe name");
  expect(stderr).toContain("manifest.json: invalid export_id: holds control characters");
  // eslint-disable-next-line no-control-regex
  for (const text of [stdout, stderr]) expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
  expect(JSON.parse(stdout)).toMatchObject({ok: false, export_id: null});
});

test("a manifest with a UTF-8 byte order mark, and one in UTF-16LE, are read", async () => {
  for (const [name, id] of [
    ["manifest-utf8-bom", "fixture-bom"],
    ["manifest-utf16", "fixture-utf16"]
  ]) {
    const dataDir = await tempDataDir();
    const summary = await loadExport(await exportFor(name!), {dataDir, now: TEST_NOW});
    expect(summary.problems, name).toEqual([]);
    expect(summary.export_id).toBe(id);
    expect((await readManifest(join(dataDir, "current"))).produced_by).toBe("Sähköpostitiimi");
  }
});

test('"synthetic": true decides synthetic, a word in the notes does not', async () => {
  for (const [name, synthetic] of [
    ["manifest-synthetic", true],
    ["manifest-notes-synthetic", false],
    ["valid", false]
  ] as const) {
    const dataDir = await tempDataDir();
    expect((await loadExport(await exportFor(name), {dataDir, now: TEST_NOW})).exitCode).toBe(0);
    expect(isSynthetic(await readManifest(join(dataDir, "current"))), name).toBe(synthetic);
  }
});
