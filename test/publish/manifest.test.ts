// The publish step reads the manifest exactly as `npm run load` writes it.
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, expect, test} from "vitest";
import {loadExport} from "../../src/node/ingest/load.js";
import {isSynthetic, readManifest} from "../../src/node/publish/manifest.js";

const dataDir = await mkdtemp(join(tmpdir(), "vuoto-manifest-"));
afterAll(() => rm(dataDir, {recursive: true, force: true}));

test("the loader's manifest gives headline provenance: export fields, content hash, synthetic flag, and no file sizes or hashes", async () => {
  const result = await loadExport("test/fixtures/ingest/valid", {dataDir, now: new Date("2026-11-28T12:00:00Z")});
  expect(result.exitCode).toBe(0);
  const manifest = await readManifest(join(dataDir, "current"));
  expect(manifest.export_id).toBe(result.export_id);
  expect(manifest.content_hash).toMatch(/^[0-9a-f]{64}$/);
  // Issue 12/13: the input files' sizes and hashes are a side channel; only the private manifest has them.
  expect(Object.keys(manifest)).not.toContain("files");
  expect(JSON.stringify(manifest)).not.toMatch(/"(?:size|bytes|sha256)"/);
  expect(manifest.produced_by).toBe("vuoto tests");
  expect(manifest.period_start).toBe("2020-10-01");
  expect(isSynthetic(manifest)).toBe(false);
  expect(isSynthetic({...manifest, notes: "SYNTHETIC DATA: no real person"})).toBe(false);
  expect(isSynthetic({...manifest, synthetic: true})).toBe(true);
});
