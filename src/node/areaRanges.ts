// Hidden area totals as ranges a reader can prove (issue 16, under issue 12's "a published lower or
// upper bound that is itself safe"). The range is computed from the published files alone, never from
// the private data, by the project's own solver rebuilding the published system as the audit does
// (rangeAudit.ts: buildModel → linearSystem → RangeEngine.range). Whatever it says, any reader of the
// published tables can already prove: it adds nothing to them.
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {sql} from "../lib/sql.js";
import type {AreaRange} from "../lib/figures.js";
import {openNodeDatabase} from "./duckdbNode.js";
import {buildModel} from "./publish/model.js";
import {hiddenLower, linearSystem, varsOfCell} from "./publish/linearSystem.js";
import {RangeEngine} from "./publish/ranges.js";
import {HEADLINE_COUNTS, countTables, type Headline, type PublishedSystem, type TableRow} from "./publish/system.js";

/** The people totals by area that a page shows on its own: the tables and the column of their area. */
export const AREA_TABLES = [
  {table: "people_by_district", column: "hospital_district"},
  {table: "people_by_county", column: "wellbeing_services_county"}
] as const;

/**
 * The published system as a reader has it: headline.json's counts and every count table's Parquet file in
 * *folder* (a table the release does not have, such as people_by_county from a format 1 export, is empty).
 */
export async function readPublishedSystem(folder: string): Promise<PublishedSystem> {
  const raw = JSON.parse(await readFile(join(folder, "headline.json"), "utf8")) as Record<string, unknown>;
  const headline = Object.fromEntries(HEADLINE_COUNTS.map((c) => [c, raw[c] ?? null])) as unknown as Headline;
  const db = await openNodeDatabase();
  try {
    const tables: Record<string, TableRow[]> = {};
    for (const spec of countTables) {
      const file = join(folder, `${spec.name}.parquet`);
      tables[spec.name] = existsSync(file)
        ? (await db.query<TableRow>(sql`SELECT * FROM read_parquet(${file})`)).map((row) => ({...row}))
        : [];
    }
    return {tables, headline};
  } finally {
    db.close();
  }
}

/**
 * Every hidden people total of a hospital district or a county with its exact provable range over whole
 * numbers, given every published table. Each range is at least *threshold* wide, or the release is not
 * one this project published (the audit holds every hidden cell to that), and this fails rather than
 * show it.
 */
export function areaRanges(system: PublishedSystem, threshold: number): AreaRange[] {
  const model = buildModel(system);
  const linear = linearSystem(model);
  const engine = new RangeEngine(linear, (id) => {
    const cell = model.cells[id]!;
    return cell.value === null ? {hiddenAtLeast: hiddenLower(cell)} : {published: cell.value};
  });
  try {
    const ranges: AreaRange[] = [];
    for (const {table, column} of AREA_TABLES) {
      for (const cell of model.cells) {
        if (cell.table !== table || cell.column !== "people" || cell.value !== null) continue;
        const area = String(system.tables[table]![cell.row]![column]);
        const {min, max} = engine.range(varsOfCell(linear, cell));
        if (!(max - min >= threshold))
          throw new Error(
            `invalid release: ${table} ${column}=${area} people can be proven to lie in ${min}..${max}, narrower than the threshold ${threshold}; publish again (npm run publish:data), which audits every hidden cell`
          );
        ranges.push({table, area, min, max: Number.isFinite(max) ? max : null});
      }
    }
    return ranges;
  } finally {
    engine.dispose();
  }
}
