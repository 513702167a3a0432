// Issue 13: Excel workbooks (`<table>.xlsx`) are read, the sheet named like the table or the only one with
// data, through the same validation and identifier scan as CSV, with problems placed at sheet, row and
// cell (C4). Every cell of every sheet is scanned; no scanned value reaches a message or a file.
import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import writeXlsxFile from "write-excel-file/node";
import {expect, test, vi} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {loadExport} from "../../src/node/ingest/load.js";
import {formatProblems} from "../../src/node/ingest/report.js";
import {cellText, columnLetter} from "../../src/node/ingest/workbook.js";
import {exportFor, filesContaining, runLoadCli, tempDataDir, TEST_NOW} from "./exports.js";

vi.setConfig({testTimeout: 300_000});

type Cell = string | number | Date | null | {value: Date; format: string};
const day = (y: number, m: number, d: number) => ({value: new Date(Date.UTC(y, m - 1, d)), format: "d.m.yyyy"});

const HEADER =
  "person_key,hospital_district,age_group,sex,breach_wave,data_categories,published_on,emailed_on,reported_on";
/** test/fixtures/ingest/valid/affected_records.csv as a sheet: dates typed as Excel dates and as text, numbers as numbers. */
const AFFECTED: Cell[][] = [
  HEADER.split(","),
  ["p001", "06", "25-34", "female", 1, "contact|therapy_notes", day(2020, 10, 21), "24.10.2020", day(2020, 10, 26)],
  ["p002", "Pirkanmaa", "18-24", "male", 2, "contact", null, "2020-10-25", null],
  ["p002", "HUS", "18-24", "male", 2, "therapy_notes|identity_code", null, null, null],
  ["p003", "Pirkanmaan shp", "65+", "other", 1, null, "22.10.2020", null, "30.10.2020"],
  // An empty row in the middle is skipped, as a blank line is in a CSV.
  [],
  ["p004", "paijat-hame", "45-54", "female", 1, "contact", null, day(2020, 10, 24), day(2020, 11, 2)],
  ["p005", "Birkalands SVD", "0-14", null, null, null, null, null, null],
  ["p006", "unknown", "15-17", "female", 1, "statements", "2020-10-23", day(2020, 10, 25), "2020-10-27"]
];

async function workbookExport(sheets: Array<{sheet: string; data: Cell[][]}>, table = "affected_records") {
  const folder = await exportFor("valid");
  await rm(join(folder, `${table}.csv`));
  await writeXlsxFile(sheets as never).toFile(join(folder, `${table}.xlsx`));
  return folder;
}

async function load(folder: string) {
  const dataDir = await tempDataDir();
  const summary = await loadExport(folder, {dataDir, now: TEST_NOW});
  return {summary, dataDir, text: formatProblems(summary.problems)};
}

async function affectedRows(dataDir: string) {
  const db = await openNodeDatabase();
  const rows = await db.query({
    sql: "SELECT * FROM read_parquet(?) ORDER BY person_key, hospital_district",
    params: [join(dataDir, "current", "affected_records.parquet")]
  });
  db.close();
  return rows;
}

test("column letters and cell text as Excel and the CSV reader see them", () => {
  expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
    "A",
    "B",
    "Z",
    "AA",
    "AB",
    "AZ",
    "BA",
    "ZZ",
    "AAA"
  ]);
  expect(cellText(new Date(Date.UTC(2020, 9, 21)))).toBe("2020-10-21");
  // A moment is Helsinki wall-clock time: summer (+03:00) and winter (+02:00).
  expect(cellText(new Date(Date.UTC(2020, 9, 21, 4, 30)))).toBe("2020-10-21T04:30:00+03:00");
  expect(cellText(new Date(Date.UTC(2020, 11, 1, 23, 5)))).toBe("2020-12-01T23:05:00+02:00");
  expect(cellText(null)).toBe("");
  expect(cellText(true)).toBe("true");
});

test("a workbook's first sheet loads to the same rows as the CSV, with dates typed as dates and as text", async () => {
  const csv = await load(await exportFor("valid"));
  const xlsx = await load(await workbookExport([{sheet: "Taul1", data: AFFECTED}]));
  expect(xlsx.text).toBe("");
  expect(xlsx.summary.exitCode).toBe(0);
  expect(xlsx.summary.tables.affected_records).toMatchObject({file: "affected_records.xlsx", rows: 7, accepted: 7});
  expect(await affectedRows(xlsx.dataDir)).toEqual(await affectedRows(csv.dataDir));
  const manifest = JSON.parse(await readFile(join(xlsx.dataDir, "current", "manifest.json"), "utf-8"));
  expect(manifest.files.find((f: {table: string}) => f.table === "affected_records")).toMatchObject({
    name: "affected_records.xlsx",
    format: "xlsx",
    encoding: "binary",
    delimiter: null
  });
});

test("the sheet named like the table is read among others; several sheets with data and none so named are refused", async () => {
  const notes = {sheet: "Notes", data: [["exported by the registry"]]};
  const named = await load(await workbookExport([notes, {sheet: "affected_records", data: AFFECTED}]));
  expect(named.summary.exitCode).toBe(0);
  const several = await load(await workbookExport([notes, {sheet: "Taul1", data: AFFECTED}]));
  expect(several.summary.exitCode).toBe(1);
  expect(several.text).toBe(
    'affected_records.xlsx: 2 sheets hold data (sheet 1 "Notes", sheet 2 "Taul1") and none is named affected_records; name the sheet to load affected_records, or keep only that sheet in the workbook'
  );
});

test("problems are placed at sheet, row and cell; an empty row does not shift them", async () => {
  const data = AFFECTED.map((row) => [...row]);
  data[3]![2] = "elderly"; // row 4, column C
  data[8]![8] = "2020-13-01"; // row 9, column I
  const {summary, text} = await load(await workbookExport([{sheet: "Taul1", data}]));
  expect(summary.exitCode).toBe(1);
  expect(text).toContain('affected_records.xlsx: sheet 1 "Taul1": C4: age_group: unknown age_group: "elderly"');
  expect(text).toMatch(/affected_records\.xlsx: sheet 1 "Taul1": I9: reported_on: [^\n]*date/);
});

test("a row with a cell past the header is an error at its row", async () => {
  const data = AFFECTED.map((row) => [...row]);
  data[2] = [...data[2]!, "surplus"];
  const {summary, text} = await load(await workbookExport([{sheet: "Taul1", data}]));
  expect(summary.exitCode).toBe(1);
  expect(text).toContain('affected_records.xlsx: sheet 1 "Taul1": row 3: too many fields: expected 9');
});

const HETU = "131052-308T";
const PHONE = "0401234567";
const EMAIL = "liisa.virtanen@hus.fi";

test.each([
  ["a data cell", (data: Cell[][]) => (data[2]![5] = `contact ${HETU}`), "F3"],
  ["a cell past the header", (data: Cell[][]) => (data[4] = [...data[4]!, null, `puh${PHONE}`]), "K5"],
  ["a number cell", (data: Cell[][]) => (data[7]![4] = Number(`358${PHONE.slice(1)}`)), "E8"],
  ["a header cell", (data: Cell[][]) => (data[0]![3] = EMAIL), "D1"]
])("an identifier in %s refuses the workbook, at its cell, and appears nowhere", async (_, plant, cell) => {
  const data = AFFECTED.map((row) => [...row]);
  plant(data);
  const folder = await workbookExport([{sheet: "Taul1", data}]);
  const dataDir = await tempDataDir();
  const {code, stdout, stderr} = runLoadCli([folder], dataDir);
  expect(code).toBe(2);
  expect(stderr).toMatch(
    new RegExp(`affected_records\\.xlsx: sheet 1 "Taul1": ${cell}: identifier: .*; the export is refused`)
  );
  for (const secret of [HETU, PHONE, PHONE.slice(1), EMAIL]) {
    expect(stdout + stderr).not.toContain(secret);
    expect(await filesContaining(dataDir, secret)).toEqual([]);
  }
});

test("an identifier in another sheet, counted by rows, or in a sheet's name, which is then not shown", async () => {
  const other = await load(
    await workbookExport([
      {sheet: "affected_records", data: AFFECTED},
      // Seven rows with two numbers each: seven rows, not fourteen, five of them shown.
      {sheet: "Muistiinpanot", data: Array.from({length: 7}, () => ["soita", `040 123 4567`, `puh${PHONE}`])}
    ])
  );
  expect(other.summary.exitCode).toBe(2);
  const refused =
    "identifier: Finnish phone number; the export is refused; remove identifiers from the workbook and pseudonymise it before loading";
  expect(other.text).toBe(
    [
      ...["B1", "C1", "B2", "C2", "B3"].map(
        (cell) => `affected_records.xlsx: sheet 2 "Muistiinpanot": ${cell}: ${refused}`
      ),
      "  … and 2 more rows with the same problem"
    ].join("\n")
  );
  const name = await load(await workbookExport([{sheet: `p${HETU}`, data: AFFECTED}]));
  expect(name.summary.exitCode).toBe(2);
  expect(name.text).toMatch(
    /^affected_records\.xlsx: sheet 1: sheet name: identifier: Finnish personal identity code; the export is refused/
  );
  expect(name.text).not.toContain(HETU);
});

test("a file named .xlsx that is not a workbook gets one line naming it", async () => {
  const folder = await exportFor("valid");
  await rm(join(folder, "affected_records.csv"));
  await writeFile(join(folder, "affected_records.xlsx"), HEADER + "\n");
  const {summary, text} = await load(folder);
  expect(summary.exitCode).toBe(1);
  expect(text).toBe(
    "affected_records.xlsx: not an Excel workbook (.xlsx), or a damaged one; save it again from Excel as .xlsx, or export the table as CSV"
  );
});
