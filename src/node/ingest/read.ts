// Reads one table file as DuckDB text columns c0, c1, … in file order, and maps row ordinals back to
// physical lines for messages: only when there is something to report, by one quote-aware scan of the
// file DuckDB read.
import {createReadStream} from "node:fs";
import {createInterface} from "node:readline";
import {createGunzip} from "node:zlib";
import {ident, sql, type BoundQuery} from "../../lib/sql.js";
import type {FileFormat} from "./discover.js";

export const rejectsTable = (table: string) => ident(`csv_rejects_${table}`);
export const rejectsScanTable = (table: string) => ident(`csv_scans_${table}`);
export const rawColumn = (i: number) => `c${i}`;

/**
 * The longest line (record) a delimited file may have: 32 MiB. DuckDB's default, 2 MB, rejected long free
 * text; a longer line is reported with its line number, and its bytes are still scanned for identifiers.
 */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

/**
 * CSV or TSV as text columns c0, c1, …; rows that do not split into the header's columns (too few or too
 * many fields: strict mode) or are too long go to a rejects table.
 */
export function csvSource(table: string, path: string, delimiter: string, columns: number, gzip: boolean): BoundQuery {
  // Table names come from the schema's fixed list, so they can be spelled into the SQL.
  const names = Array.from({length: columns}, (_, i) => `'${rawColumn(i)}': 'VARCHAR'`).join(", ");
  return {
    sql: `SELECT * FROM read_csv(?, columns = {${names}}, header = true,
    delim = ?, quote = '"', escape = '"', auto_detect = false, strict_mode = true, null_padding = false,
    max_line_size = ${MAX_LINE_BYTES},
    compression = ?, store_rejects = true, rejects_table = 'csv_rejects_${table}', rejects_scan = 'csv_scans_${table}')`,
    params: [path, delimiter, gzip ? "gzip" : "none"]
  };
}

/** The column names of an NDJSON or Parquet file, as DuckDB sees them. */
export function describeSql(path: string, format: FileFormat): BoundQuery {
  return format === "parquet"
    ? sql`DESCRIBE SELECT * FROM read_parquet(${path})`
    : sql`DESCRIBE SELECT * FROM read_json(${path}, format = 'newline_delimited', records = true, sample_size = -1)`;
}

/** NDJSON or Parquet as text columns c0, c1, … (dates and numbers as DuckDB prints them). */
export function typedSource(path: string, format: FileFormat, names: string[]): BoundQuery {
  const select = names.map((name, i) => `CAST(${ident(name)} AS VARCHAR) AS ${rawColumn(i)}`).join(", ");
  const source =
    format === "parquet"
      ? "read_parquet(?)"
      : "read_json(?, format = 'newline_delimited', records = true, sample_size = -1)";
  return {sql: `SELECT ${select} FROM ${source}`, params: [path]};
}

export interface LineMap {
  /** Physical line (1-based) where the row with each requested ordinal starts. */
  ordinals: Map<number, number>;
  /** Physical line where each skipped record (DuckDB's 1-based record number, header included) starts. */
  records: Map<number, number>;
  /** Line where a quoted field opens and is never closed, if the file ends inside quotes. */
  unterminatedQuoteLine: number | null;
}

/**
 * Scans delimited text for record starts: line endings inside quotes (\n or \r\n) do not end a record,
 * blank lines are skipped (as DuckDB does). Records numbered in *skipRecords* (rows DuckDB rejected as
 * malformed, numbered from 1 for the header) take no ordinal, so ordinals match DuckDB's rowids.
 */
export async function mapCsvLines(
  path: string,
  gzip: boolean,
  ordinals: Set<number>,
  skipRecords: Set<number>
): Promise<LineMap> {
  const result: LineMap = {ordinals: new Map(), records: new Map(), unterminatedQuoteLine: null};
  const QUOTE = 0x22;
  const LF = 0x0a;
  const CR = 0x0d;
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let content = false;
  let record = 0;
  let ordinal = -1;
  const endRecord = () => {
    if (content) {
      ++record;
      if (skipRecords.has(record)) result.records.set(record, startLine);
      else {
        if (ordinal >= 0 && ordinals.has(ordinal)) result.ordinals.set(ordinal, startLine);
        ++ordinal;
      }
    }
    content = false;
  };
  const stream = gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  let bom = true;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    let i = 0;
    if (bom && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    bom = false;
    for (; i < bytes.length; ++i) {
      const b = bytes[i];
      if (b === LF) {
        ++line;
        if (!quoted) {
          endRecord();
          startLine = line;
        }
      } else if (b !== CR) {
        if (b === QUOTE) quoted = !quoted;
        content = true;
      }
    }
  }
  if (quoted) result.unterminatedQuoteLine = startLine;
  endRecord();
  return result;
}

/** Physical lines of NDJSON rows: every non-blank line is one row. */
export async function mapNdjsonLines(path: string, ordinals: Set<number>): Promise<Map<number, number>> {
  const lines = new Map<number, number>();
  let line = 1;
  let ordinal = 0;
  let content = false;
  for await (const chunk of createReadStream(path)) {
    for (const b of chunk as Buffer) {
      if (b === 0x0a) {
        if (content && ordinals.has(ordinal)) lines.set(ordinal, line);
        if (content) ++ordinal;
        content = false;
        ++line;
      } else if (b !== 0x0d && b !== 0x20 && b !== 0x09) content = true;
    }
  }
  if (content && ordinals.has(ordinal)) lines.set(ordinal, line);
  return lines;
}

/** The first line of an NDJSON file that is not a JSON object, for a precise message when DuckDB refuses it. */
export async function firstBadJsonLine(path: string): Promise<number | null> {
  let line = 0;
  for await (const text of createInterface({input: createReadStream(path), crlfDelay: Infinity})) {
    ++line;
    if (!text.trim()) continue;
    try {
      const value = JSON.parse(text);
      if (typeof value !== "object" || value === null || Array.isArray(value)) return line;
    } catch {
      return line;
    }
  }
  return null;
}
