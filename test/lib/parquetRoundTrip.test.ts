// The browser's data path without a browser: Parquet written by DuckDB (as a loader does), decoded by
// hyparquet, encoded as Arrow IPC for DuckDB-WASM.
import {tableFromIPC} from "apache-arrow";
import {expect, test} from "vitest";
import {columnsToArrowIPC} from "../../src/lib/arrowRows.js";
import {openNodeDatabase, selectToParquet} from "../../src/node/duckdbNode.js";
import {readParquetColumns} from "../../src/lib/parquetColumns.js";

test("Parquet from DuckDB decodes to typed columns and re-encodes as Arrow", async () => {
  const db = await openNodeDatabase();
  const parquet = await selectToParquet(
    db,
    `SELECT * FROM (VALUES ('03', 7::INTEGER, 2.5::DOUBLE, true, DATE '2020-10-21'),
                           ('25', NULL, NULL, false, NULL)) t(code, people, rate, suppressed, day)`
  );
  db.close();
  const columns = await readParquetColumns(
    parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength) as ArrayBuffer
  );
  expect(columns.map(({name, type}) => [name, type])).toEqual([
    ["code", "string"],
    ["people", "int"],
    ["rate", "double"],
    ["suppressed", "boolean"],
    ["day", "date"]
  ]);
  expect(columns[0]!.values).toEqual(["03", "25"]);
  expect(columns[1]!.values).toEqual([7, null]);
  expect((columns[4]!.values[0] as Date).toISOString()).toBe("2020-10-21T00:00:00.000Z");

  const table = tableFromIPC(columnsToArrowIPC(columns));
  expect(table.numRows).toBe(2);
  expect(table.getChild("code")?.toArray()).toEqual(["03", "25"]);
  expect(table.getChild("people")?.get(1)).toBeNull();
  expect(table.getChild("suppressed")?.get(0)).toBe(true);
});
