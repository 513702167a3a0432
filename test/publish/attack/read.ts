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
  /**
   * Under the round5 policy, the largest count that is redacted (published as NULL, 0 included); and
   * a total is then published as the sum of its published parts. Null for any other release.
   */
  redactAtMost: number | null;
}

export async function readRelease(folder: string): Promise<Release> {
  const tables: Record<string, Row[]> = {};
  for (const spec of publishedTables) {
    const path = join(folder, `${spec.name}.parquet`);
    tables[spec.name] = existsSync(path) ? await readRows(path) : [];
  }
  const headline = JSON.parse(await readFile(join(folder, "headline.json"), "utf8")) as Record<string, unknown>;
  return {folder, tables, headline, ...roundingOf(headline)};
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
 * A release built with rounding says so in headline.json. `rounding: {base: 5}` alone: every published
 * count is the true one rounded to the nearest multiple of base, so a count v stands for
 * v − ⌊base/2⌋ … v + ⌊base/2⌋. The project's round5 policy (README, "The rounding policy") adds
 * `redact_at_most: 7` and `totals`: a count of 0 to 7 is published as NULL (redacted), and a total is
 * published as the sum of its published parts (a redacted part adding 0), not rounded on its own.
 */
function roundingOf(headline: Record<string, unknown>): Pick<Release, "rounding" | "redactAtMost"> {
  const rounding = headline.rounding as {base?: unknown; redact_at_most?: unknown; totals?: unknown} | undefined | null; // prettier-ignore
  if (!rounding || typeof rounding !== "object") return {rounding: 0, redactAtMost: null};
  const base = Number(rounding.base);
  if (!Number.isInteger(base) || base < 2) throw new Error(`headline.json: rounding without a whole base of 2 or more`);
  if (rounding.totals === undefined) return {rounding: Math.floor(base / 2), redactAtMost: null};
  const redact = Number(rounding.redact_at_most);
  if (!Number.isInteger(redact) || redact < 0)
    throw new Error("headline.json: rounding with totals as sums of parts but no whole redact_at_most");
  // A base that is even would make ties (a count halfway between two multiples); the README's policy has none.
  if (base % 2 === 0) throw new Error(`headline.json: a rounding base of ${base} has ties the README does not define`);
  return {rounding: Math.floor(base / 2), redactAtMost: redact};
}
