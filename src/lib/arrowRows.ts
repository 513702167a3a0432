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

// Arrow type ids (stable across Arrow implementations) of the decimal, date and timestamp types.
const DECIMAL_TYPE_ID = 7;
const DATE_TYPE_ID = 8;
const TIMESTAMP_TYPE_ID = 10;

interface ArrowLikeTable {
  schema: {fields: Array<{name: string; typeId: number; type?: {scale?: number}}>};
  toArray(): Array<{toJSON(): Record<string, unknown>}>;
}

/**
 * Plain rows from an Arrow table (such as the apache-arrow one DuckDB-WASM returns): BigInts and
 * decimals become numbers and dates become Date objects, so Plot, d3 and the CSV writer take them as
 * they are.
 */
export function arrowTableToRows(table: ArrowLikeTable): Record<string, unknown>[] {
  const dateFields = table.schema.fields
    .filter((field) => field.typeId === DATE_TYPE_ID || field.typeId === TIMESTAMP_TYPE_ID)
    .map((field) => field.name);
  const decimalFields = table.schema.fields
    .filter((field) => field.typeId === DECIMAL_TYPE_ID)
    .map((field) => [field.name, field.type?.scale ?? 0] as const);
  return table.toArray().map((structRow) => {
    const row = structRow.toJSON();
    for (const key in row) {
      const value = row[key];
      if (typeof value === "bigint") row[key] = Number(value);
    }
    for (const [key, scale] of decimalFields) if (row[key] != null) row[key] = decimalToNumber(row[key], scale);
    for (const key of dateFields) if (row[key] != null) row[key] = new Date(row[key] as number);
    return row;
  });
}

/**
 * A decimal cell as a number. DuckDB sends HUGEINT (what sum() of integers returns) as a 128-bit
 * decimal; apache-arrow gives it as a BigNum object whose toJSON() wraps the digits in quotes, which
 * once showed `sum(contacts)` as `"\"99591\""`. Its valueOf(scale) is the one conversion that gets
 * the sign right at every width (its string form reads a negative 64-bit decimal as unsigned).
 */
export function decimalToNumber(value: unknown, scale: number): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value) / 10 ** scale;
  try {
    return (value as {valueOf(scale: number): number}).valueOf(scale);
  } catch {
    // Beyond 2^53 apache-arrow refuses; a rounded number is still a number (128-bit strings are signed right).
    return Number(String(value)) / 10 ** scale;
  }
}
