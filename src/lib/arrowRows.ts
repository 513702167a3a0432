// Conversions between plain columns/rows and Apache Arrow, the format DuckDB-WASM takes and returns.
// Encoding uses flechette rather than apache-arrow's builders, which compile code with `new Function`
// and so break under a Content-Security-Policy without 'unsafe-eval'.
import {bool, dateDay, float64, int32, tableFromArrays, tableToIPC, utf8} from "@uwdata/flechette";
import type {Column} from "./parquetColumns.js";

const arrowTypes = {string: utf8, int: int32, double: float64, boolean: bool, date: dateDay};

/** Typed columns as an Arrow IPC stream, ready for insertArrowFromIPCStream. */
export function columnsToArrowIPC(columns: Column[]): Uint8Array {
  const table = tableFromArrays(Object.fromEntries(columns.map(({name, values}) => [name, values])), {
    types: Object.fromEntries(columns.map(({name, type}) => [name, arrowTypes[type]()]))
  });
  const bytes = tableToIPC(table, {format: "stream"});
  if (!bytes) throw new Error("invalid table: no Arrow bytes");
  return bytes;
}

// Arrow type ids (stable across Arrow implementations) of the date and timestamp types.
const DATE_TYPE_ID = 8;
const TIMESTAMP_TYPE_ID = 10;

interface ArrowLikeTable {
  schema: {fields: Array<{name: string; typeId: number}>};
  toArray(): Array<{toJSON(): Record<string, unknown>}>;
}

/**
 * Plain rows from an Arrow table (such as the apache-arrow one DuckDB-WASM returns): BigInts become
 * numbers and dates become Date objects, so Plot and d3 take them as they are.
 */
export function arrowTableToRows(table: ArrowLikeTable): Record<string, unknown>[] {
  const dateFields = table.schema.fields
    .filter((field) => field.typeId === DATE_TYPE_ID || field.typeId === TIMESTAMP_TYPE_ID)
    .map((field) => field.name);
  return table.toArray().map((structRow) => {
    const row = structRow.toJSON();
    for (const key in row) {
      const value = row[key];
      if (typeof value === "bigint") row[key] = Number(value);
    }
    for (const key of dateFields) if (row[key] != null) row[key] = new Date(row[key] as number);
    return row;
  });
}
