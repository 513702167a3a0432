// The load starts DuckDB's pass over a table on the strength of the file's first 64 KiB while the
// sniff reads the rest. These files look plain at their head and are not: the early pass must be
// thrown away and the file read as the whole of it says.
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {loadExport} from "../../src/node/ingest/load.js";
import {formatProblems} from "../../src/node/ingest/report.js";
import {exportFor, tempDataDir, TEST_NOW} from "./exports.js";

const HEADER =
  "person_key,hospital_district,age_group,sex,breach_wave,data_categories,published_on,emailed_on,reported_on";
// Over 64 KiB of plain rows before the row under test.
const PLAIN_ROWS = Array.from(
  {length: 2000},
  (_, i) => `p${i},06,25-34,female,1,contact|therapy_notes,2020-10-21,2020-10-24,`
);

async function loadWithLastRow(last: string | Buffer) {
  const folder = await exportFor("valid");
  const text = Buffer.from([HEADER, ...PLAIN_ROWS, ""].join("\n"));
  await writeFile(join(folder, "affected_records.csv"), Buffer.concat([text, Buffer.from(last), Buffer.from("\n")]));
  const dataDir = await tempDataDir();
  const summary = await loadExport(folder, {dataDir, now: TEST_NOW});
  return {summary, dataDir, text: formatProblems(summary.problems)};
}

async function lastRecord(dataDir: string) {
  const db = await openNodeDatabase();
  const rows = await db.query<{person_key: string; hospital_district: string}>({
    sql: "SELECT person_key, hospital_district FROM read_parquet(?) WHERE person_key NOT LIKE 'p%'",
    params: [join(dataDir, "current", "affected_records.parquet")]
  });
  db.close();
  return rows;
}

describe("a file that is plain only at its head", () => {
  test("cells padded with spaces after the head are trimmed", async () => {
    const {summary, dataDir} = await loadWithLastRow("late ,06,25-34,female,1,contact,,,");
    expect(summary.exitCode).toBe(0);
    expect(await lastRecord(dataDir)).toEqual([{person_key: "late", hospital_district: "06"}]);
  });

  test("a Windows-1252 byte after the head makes the file read as Windows-1252", async () => {
    const row = Buffer.concat([
      Buffer.from("late,P"),
      Buffer.from([0xe4]),
      Buffer.from("ij\u00e4t-H\u00e4me,25-34,female,1,contact,,,", "latin1")
    ]);
    const {summary, dataDir} = await loadWithLastRow(row);
    expect(summary.exitCode).toBe(0);
    expect(summary.problems).toEqual([]);
    expect(await lastRecord(dataDir)).toEqual([{person_key: "late", hospital_district: "07"}]);
  });

  test("a quote left open after the head is reported at its line", async () => {
    const {summary, text} = await loadWithLastRow('late,06,25-34,female,1,"contact,,,');
    expect(summary.exitCode).toBe(1);
    expect(text).toContain(`affected_records.csv:${PLAIN_ROWS.length + 2}: unterminated quote`);
  });

  test("a file plain throughout loads with every row", async () => {
    const {summary} = await loadWithLastRow("late,06,25-34,female,1,contact,,,");
    expect(summary.exitCode).toBe(0);
    expect(summary.tables.affected_records?.rows).toBe(PLAIN_ROWS.length + 1);
  });
});
