// Published Parquet files read as rows in JS, without DuckDB: what the report pages use. Kept apart from
// db.ts so that a report page does not load the explorer's SQL checks with it.
import {readParquetColumns, type Column} from "../lib/parquetColumns.js";

export type Row = Record<string, unknown>;

/** The rows of a published Parquet file, decoded in JS (no DuckDB): counts are numbers or null. */
export async function readPublishedRows<T = Row>(url: string): Promise<T[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetch failed: ${response.status} ${url}`);
  return columnsToRows(await readParquetColumns(await response.arrayBuffer())) as T[];
}

export function columnsToRows(columns: Column[]): Row[] {
  const length = columns[0]?.values.length ?? 0;
  return Array.from({length}, (_, i) => Object.fromEntries(columns.map(({name, values}) => [name, values[i]])));
}
