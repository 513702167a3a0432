// Cells with spaces around them. The direct pass does not trim (it costs on millions of rows): a padded
// cell must make it hand the table to the full pass, which trims, so that a padded export loads exactly
// as the same export without the spaces.
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {openNodeDatabase, queryOne} from "../../src/node/duckdbNode.js";
import {loadExport} from "../../src/node/ingest/load.js";
import {PADDED_CELL_PATTERN} from "../../src/node/ingest/validate.js";
import type {TableName} from "../../src/lib/schema.js";
import {exportFor, tempDataDir, TEST_NOW} from "./exports.js";

const PADS = [
  [" ", ""],
  ["", " "],
  ["\u00a0", "\u00a0"],
  ["\u3000", ""],
  ["  ", "\u2009"]
];

/** Every cell of an unquoted CSV file, padded in turn on the left, the right or both, with ASCII and Unicode spaces. */
function padCells(csv: string, keepColumns: number[] = []): string {
  const [header, ...rows] = csv.trimEnd().split("\n");
  let n = 0;
  const padded = rows.map((row) =>
    row
      .split(",")
      .map((cell, i) => {
        if (keepColumns.includes(i)) return cell;
        const [left, right] = PADS[n++ % PADS.length]!;
        return `${left}${cell}${right}`;
      })
      .join(",")
  );
  return [header, ...padded, ""].join("\n");
}

async function rows(dataDir: string, table: TableName, order: string) {
  const db = await openNodeDatabase();
  const result = await db.query({
    sql: `SELECT * FROM read_parquet(?) ORDER BY ${order}`,
    params: [join(dataDir, "current", `${table}.parquet`)]
  });
  db.close();
  return result;
}

async function loadPlainAndPadded(pad: (folder: string) => Promise<void>) {
  const plainDir = await tempDataDir();
  expect((await loadExport(await exportFor("valid"), {dataDir: plainDir, now: TEST_NOW})).exitCode).toBe(0);
  const folder = await exportFor("valid");
  await pad(folder);
  const paddedDir = await tempDataDir();
  const summary = await loadExport(folder, {dataDir: paddedDir, now: TEST_NOW});
  return {plainDir, paddedDir, summary};
}

describe("padded cells", () => {
  test("DuckDB's trim() removes exactly the characters PADDED_CELL_PATTERN looks for", async () => {
    const db = await openNodeDatabase();
    // Every code point of the Basic Multilingual Plane but the surrogates.
    const {trimmed, matched} = await queryOne<{trimmed: number[]; matched: number[]}>(db, {
      sql: `SELECT list(cp ORDER BY cp) FILTER (WHERE trim(chr(cp) || 'x') = 'x') AS trimmed,
        list(cp ORDER BY cp) FILTER (WHERE regexp_matches(chr(cp) || 'x', ?)) AS matched
        FROM (SELECT CAST(range AS INTEGER) AS cp FROM range(1, 65536)) WHERE cp < 55296 OR cp > 57343`,
      params: [PADDED_CELL_PATTERN]
    });
    db.close();
    expect(trimmed.length).toBeGreaterThan(10);
    expect(matched).toEqual(trimmed);
  });

  test("an export with every cell padded loads exactly as the export without the spaces", async () => {
    const {plainDir, paddedDir, summary} = await loadPlainAndPadded(async (folder) => {
      for (const table of ["affected_records", "crisis_contacts"]) {
        const path = join(folder, `${table}.csv`);
        await writeFile(path, padCells(await readFile(path, "utf8")));
      }
      // Free text (description) is kept as written, so its cells stay as they are.
      const events = join(folder, "publication_events.csv");
      await writeFile(
        events,
        (await readFile(events, "utf8")).replace(
          "e1,2020-10-21T04:00:00+03:00,tor_site,100,",
          " e1 ,\u00a02020-10-21T04:00:00+03:00 , tor_site,100\u3000,"
        )
      );
    });
    expect(summary.problems).toEqual([]);
    expect(summary.exitCode).toBe(0);

    for (const [table, order] of [
      ["affected_records", "person_key, hospital_district, emailed_on"],
      ["crisis_contacts", "date, service"],
      ["publication_events", "event_id"]
    ] as const) {
      expect(await rows(paddedDir, table, order), table).toEqual(await rows(plainDir, table, order));
    }
  });

  // Keys are the one kind that would pass the direct pass's checks with their spaces.
  test("keys padded alone are trimmed too", async () => {
    const {plainDir, paddedDir, summary} = await loadPlainAndPadded(async (folder) => {
      const path = join(folder, "affected_records.csv");
      await writeFile(path, padCells(await readFile(path, "utf8"), [1, 2, 3, 4, 5, 6, 7, 8]));
    });
    expect(summary.exitCode).toBe(0);
    expect(await rows(paddedDir, "affected_records", "person_key, hospital_district, emailed_on")).toEqual(
      await rows(plainDir, "affected_records", "person_key, hospital_district, emailed_on")
    );
  });
});
