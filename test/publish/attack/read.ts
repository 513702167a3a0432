// Reads one release's published folder as a reader of the site would: the Parquet tables named in
// src/lib/publishedTables.ts plus headline.json. A table that is absent is read as empty, so a
// hand-made folder can hold only the tables a test is about.
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {readParquetColumns} from "../../../src/lib/parquetColumns.js";
import {publishedTables} from "../../../src/lib/publishedTables.js";

export type Row = Record<string, string | number | boolean | null>;

export interface Release {
  folder: string;
  tables: Record<string, Row[]>;
  /** headline.json as published: a count, null when hidden, absent when not published. */
  headline: Record<string, unknown>;
  /** Half-width of the interval a published count stands for (0 unless the release says it rounds). */
  rounding: number;
}

export async function readRelease(folder: string): Promise<Release> {
  const tables: Record<string, Row[]> = {};
  for (const spec of publishedTables) {
    const path = join(folder, `${spec.name}.parquet`);
    tables[spec.name] = existsSync(path) ? await readRows(path) : [];
  }
  const headline = JSON.parse(await readFile(join(folder, "headline.json"), "utf8")) as Record<string, unknown>;
  return {folder, tables, headline, rounding: roundingOf(headline)};
}

async function readRows(path: string): Promise<Row[]> {
  const bytes = await readFile(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const columns = await readParquetColumns(buffer);
  const length = columns[0]?.values.length ?? 0;
  return Array.from({length}, (_, i) => Object.fromEntries(columns.map((c) => [c.name, plain(c.values[i])])));
}

function plain(value: unknown): Row[string] {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "bigint") return Number(value);
  if (value === undefined) return null;
  return value as Row[string];
}

/**
 * A release built with rounding says so in headline.json as `rounding: {base: 5}` (the OpenSAFELY
 * policy: every published count is the true one rounded to the nearest multiple of base). A count v
 * then stands for v − ⌊base/2⌋ … v + ⌊base/2⌋.
 */
function roundingOf(headline: Record<string, unknown>): number {
  const rounding = headline.rounding as {base?: unknown; totals?: unknown} | undefined | null;
  // The project's round5 policy publishes totals as sums of rounded parts (not within ± 2 of the truth)
  // and hides counts of 0 to 7: this model would misjudge it, so it says so rather than give a verdict.
  if (rounding && typeof rounding === "object" && rounding.totals !== undefined)
    throw new Error("the attacker does not model totals published as sums of rounded parts (policy round5)");
  const base = rounding && typeof rounding === "object" ? Number(rounding.base) : 0;
  return Number.isInteger(base) && base > 1 ? Math.floor(base / 2) : 0;
}
