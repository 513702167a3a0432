// Release notes from two real folders of published files: Parquet written by DuckDB, headline.json.
import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {releaseNotes} from "../../src/node/releaseNotes.js";

async function release(headline: Record<string, number | null>, districts: string, extra?: string) {
  const folder = await mkdtemp(join(tmpdir(), "vuoto-release-"));
  await writeFile(join(folder, "headline.json"), JSON.stringify({...headline, threshold: 5}));
  const db = await openNodeDatabase();
  try {
    await db.run(
      `COPY (SELECT * FROM (VALUES ${districts}) t(hospital_district, people)) TO '${join(folder, "people_by_district.parquet")}' (FORMAT parquet)`
    );
    if (extra) await db.run(`COPY (SELECT 1 AS n) TO '${join(folder, `${extra}.parquet`)}' (FORMAT parquet)`);
  } finally {
    db.close();
  }
  return folder;
}

test("release notes list moved totals and cells that became hidden or published, never a hidden figure", async () => {
  const before = await release(
    {people: 100, records: 120, people_emailed: null, crisis_contacts: 50},
    "('06', 40::BIGINT), ('08', NULL), ('25', 7), ('unknown', 12)",
    "people_by_wave"
  );
  const after = await release(
    {people: 103, records: 120, people_emailed: 90, crisis_contacts: null},
    "('06', 41::BIGINT), ('08', 6), ('25', NULL), ('unknown', 12)"
  );
  const notes = await releaseNotes(before, after);
  // records did not move; people_emailed and crisis_contacts are hidden in one of the two releases.
  expect(notes.totals).toEqual([{name: "people", before: 100, after: 103, change: 3}]);
  expect(notes.cells).toEqual([
    {table: "people_by_district", row: "hospital_district=08", column: "people", became: "published"},
    {table: "people_by_district", row: "hospital_district=25", column: "people", became: "hidden"}
  ]);
  expect(JSON.stringify(notes.cells)).not.toMatch(/"(6|7)"|: ?[67]\b/);
  expect(notes.tablesRemoved).toEqual(["people_by_wave"]);
  expect(notes.tablesAdded).toEqual([]);
}, 60_000);
