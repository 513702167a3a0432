import {expect, test} from "vitest";
import * as parquetWasm from "parquet-wasm/node";
import {toCsv, toParquet, type ResultColumn} from "../../src/lib/exportFiles.js";
import {readParquetColumns} from "../../src/lib/parquetColumns.js";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";

const columns: ResultColumn[] = [
  {name: "week_start", type: "date"},
  {name: "hospital_district", type: "string"},
  {name: "contacts", type: "int"},
  {name: "share", type: "double"}
];
const rows = [
  {week_start: new Date("2020-10-19T00:00:00Z"), hospital_district: "06", contacts: 120, share: 0.25},
  {week_start: new Date("2020-10-26T00:00:00Z"), hospital_district: 'a "quoted", name', contacts: null, share: null}
];

test("CSV: header, CRLF, dates as calendar days, a suppressed count as an empty field (not 0), quoting", () => {
  expect(toCsv(columns, rows)).toBe(
    'week_start,hospital_district,contacts,share\r\n2020-10-19,06,120,0.25\r\n2020-10-26,"a ""quoted"", name",,\r\n'
  );
});

test("CSV read back by DuckDB gives the same values, NULL included", async () => {
  const dir = await mkdtemp(join(tmpdir(), "vuoto-csv-"));
  const db = await openNodeDatabase();
  try {
    await writeFile(join(dir, "view.csv"), toCsv(columns, rows));
    const back = await db.query(
      `SELECT * FROM read_csv('${join(dir, "view.csv")}', types = {'hospital_district': 'VARCHAR'})`
    );
    expect(back).toEqual([
      {week_start: "2020-10-19", hospital_district: "06", contacts: 120, share: 0.25},
      {week_start: "2020-10-26", hospital_district: 'a "quoted", name', contacts: null, share: null}
    ]);
  } finally {
    db.close();
    await rm(dir, {recursive: true, force: true});
  }
});

test("Parquet written with parquet-wasm reads back with types and NULLs kept (hyparquet and DuckDB)", async () => {
  const bytes = toParquet(columns, rows, parquetWasm);
  expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("PAR1");
  const back = await readParquetColumns(bytes.slice().buffer);
  expect(back.map(({name, type}) => ({name, type}))).toEqual(columns);
  expect(back.find((c) => c.name === "contacts")?.values).toEqual([120, null]);
  expect(back.find((c) => c.name === "week_start")?.values).toEqual([
    new Date("2020-10-19T00:00:00Z"),
    new Date("2020-10-26T00:00:00Z")
  ]);

  const dir = await mkdtemp(join(tmpdir(), "vuoto-parquet-"));
  const db = await openNodeDatabase();
  try {
    await writeFile(join(dir, "view.parquet"), bytes);
    const described = await db.query<{column_name: string; column_type: string}>(
      `DESCRIBE SELECT * FROM '${join(dir, "view.parquet")}'`
    );
    expect(described.map((row) => row.column_type)).toEqual(["DATE", "VARCHAR", "INTEGER", "DOUBLE"]);
    expect(
      await db.query(
        `SELECT count(*)::INTEGER AS n, count(contacts)::INTEGER AS shown FROM '${join(dir, "view.parquet")}'`
      )
    ).toEqual([{n: 2, shown: 1}]);
  } finally {
    db.close();
    await rm(dir, {recursive: true, force: true});
  }
});
