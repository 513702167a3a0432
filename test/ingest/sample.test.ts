// The synthetic sample export (data/sample) writes districts in every accepted form; it must load as is.
import {join} from "node:path";
import {expect, test} from "vitest";
import {loadExport} from "../../src/node/ingest/load.js";
import {projectRoot} from "../../src/node/paths.js";
import {tempDataDir} from "./exports.js";

test("data/sample loads with the totals of a Vastaamo-sized export", async () => {
  const summary = await loadExport(join(projectRoot, "data/sample"), {
    dataDir: await tempDataDir(),
    now: new Date("2021-06-01T12:00:00Z")
  });
  expect(summary.problems).toEqual([]);
  expect(summary.exitCode).toBe(0);
  expect(summary.totals?.people).toBe(33_000);
  expect(summary.totals?.people_emailed).toBeGreaterThan(25_000);
  for (const table of Object.values(summary.tables)) expect(table.rejected).toBe(0);
});
