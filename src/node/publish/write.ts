// Writes the published tables as Parquet, one file per contract table, with the contract's column
// order and types. Rows go to DuckDB as newline-delimited JSON (they hold only codes, dates and counts).
import {rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {NodeDatabase} from "../duckdbNode.js";
import {publishedTables, type PublishedTableSpec} from "../../lib/publishedTables.js";
import {hospitalDistrictsSelect, wellbeingCountiesSelect} from "../reference.js";
import {ident, literal} from "../../lib/sql.js";
import type {PublishedSystem} from "./system.js";

export function publishedFileName(spec: PublishedTableSpec): string {
  return `${spec.name}.parquet`;
}

export async function writeTables(db: NodeDatabase, folder: string, published: PublishedSystem): Promise<void> {
  for (const spec of publishedTables) {
    const target = literal(join(folder, publishedFileName(spec)));
    if (spec.counts.length === 0) {
      await db.run(`COPY (${referenceSelect(spec.name)}) TO ${target} (FORMAT parquet)`);
      continue;
    }
    const rows = published.tables[spec.name];
    if (!rows) throw new Error(`missing table ${spec.name} in the tables to write`);
    const columns = Object.entries(spec.columns);
    const json = join(folder, `${spec.name}.ndjson`);
    await writeFile(json, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
    const schema = `{${columns.map(([name, type]) => `${literal(name)}: ${literal(type)}`).join(", ")}}`;
    const select = rows.length
      ? `SELECT ${columns.map(([name]) => ident(name)).join(", ")}
        FROM read_json(${literal(json)}, format = 'newline_delimited', columns = ${schema})`
      : `SELECT ${columns.map(([name, type]) => `NULL::${type} AS ${ident(name)}`).join(", ")} WHERE false`;
    await db.run(`COPY (${select}) TO ${target} (FORMAT parquet)`);
    await rm(json);
  }
}

/** A reference table (no counts) is the public reference data, whatever the export holds. */
function referenceSelect(table: string): string {
  const selects: Record<string, () => string> = {
    hospital_districts: hospitalDistrictsSelect,
    wellbeing_counties: wellbeingCountiesSelect
  };
  const select = selects[table];
  if (!select) throw new Error(`no reference data for the table ${table}: add its select to write.ts`);
  return select();
}
