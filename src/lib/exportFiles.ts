// What the Explore page downloads: a result as CSV or Parquet, built in memory from typed columns.
// DuckDB-WASM cannot write Parquet offline (COPY needs the parquet extension), so Parquet is written
// by parquet-wasm from an Arrow IPC stream; the caller passes the initialised module in, which lets
// the browser load its 5 MB wasm only when someone asks for a Parquet file and Node tests use the
// Node build.
import {columnsToArrowIPC} from "./arrowRows.js";
import type {Column, ColumnType} from "./parquetColumns.js";

export interface ResultColumn {
  name: string;
  type: ColumnType;
}

/** The parts of parquet-wasm used here (the same in its esm and node builds). */
export interface ParquetWriter {
  Table: {fromIPCStream(bytes: Uint8Array): unknown};
  writeParquet(table: never): Uint8Array;
}

/** A value as CSV text: dates as YYYY-MM-DD (Finnish calendar dates are stored as UTC midnight). */
function csvValue(value: unknown): string {
  if (value == null) return "";
  const text =
    value instanceof Date
      ? value.toISOString().endsWith("T00:00:00.000Z")
        ? value.toISOString().slice(0, 10)
        : value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV (RFC 4180, comma, CRLF, header first). A suppressed count (NULL) is an empty field,
 * never 0; the view's *_hidden_cells columns tell which sums rest on suppressed cells.
 */
export function toCsv(columns: ResultColumn[], rows: Array<Record<string, unknown>>): string {
  const lines = [columns.map(({name}) => csvValue(name)).join(",")];
  for (const row of rows) lines.push(columns.map(({name}) => csvValue(row[name])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** Rows as a Parquet file, column types kept (NULL stays NULL). */
export function toParquet(
  columns: ResultColumn[],
  rows: Array<Record<string, unknown>>,
  parquet: ParquetWriter
): Uint8Array {
  const typed: Column[] = columns.map(({name, type}) => ({
    name,
    type,
    values: rows.map((row) => {
      const value = row[name];
      if (value == null) return null;
      if (type === "date") return value instanceof Date ? value : new Date(String(value));
      if (type === "string" && typeof value !== "string")
        return csvValue(value)
          .replace(/^"(.*)"$/s, "$1")
          .replaceAll('""', '"');
      return value;
    })
  }));
  return parquet.writeParquet(parquet.Table.fromIPCStream(columnsToArrowIPC(typed)) as never);
}
