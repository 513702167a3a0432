// The publisher against the contract (src/lib/publishedTables.ts): each table has its query, laid out
// on the full grid of its dimensions' values, and the disclosure model protects exactly the measures
// the specs say, with the rules the audit knows.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {countTables, publishedTables, type PublishedTableSpec} from "../../src/lib/publishedTables.js";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {aggregate} from "../../src/node/publish/aggregate.js";
import {AUDIT_RULES} from "../../src/node/publish/audit.js";
import {PEOPLE_SUBMEASURES, buildModel} from "../../src/node/publish/model.js";
import type {PublishedSystem} from "../../src/node/publish/system.js";
import {tempFolder, writeDataset} from "./dataset.js";
import {trickyDataset} from "./tricky.js";

let db: NodeDatabase;
let truth: PublishedSystem;
beforeAll(async () => {
  db = await openNodeDatabase();
  const data = await tempFolder();
  await writeDataset(db, data, trickyDataset());
  truth = await aggregate(db, data, {threshold: 5});
});
afterAll(() => db.close());

/** The product of a table's fixed value lists, as keys; null when a dimension is a calendar. */
function grid(spec: PublishedTableSpec): string[] | null {
  let keys = [""];
  for (const {values} of spec.dimensions) {
    if (typeof values === "string") return null;
    keys = keys.flatMap((key) => values.map((value) => `${key}|${value}`));
  }
  return keys;
}

describe("the publisher follows the contract", () => {
  test("every count table has a query, whose rows have exactly the spec's columns", () => {
    expect(Object.keys(truth.tables).sort()).toEqual(countTables.map((spec) => spec.name).sort());
    for (const spec of countTables) {
      for (const row of truth.tables[spec.name]!)
        expect(Object.keys(row), spec.name).toEqual(Object.keys(spec.columns));
    }
  });

  test("every table is laid out on its dimensions' values, and on the full grid where they are fixed lists", () => {
    for (const spec of countTables) {
      const rows = truth.tables[spec.name]!;
      // The tricky export has no municipality column: no county rows (slivers.test.ts checks the coded grid).
      if (spec.name === "people_by_county") expect(rows).toEqual([]);
      if (spec.name === "people_by_county") continue;
      const keys = rows.map((row) => spec.dimensions.map(({column}) => `|${row[column]}`).join(""));
      for (const {column, values} of spec.dimensions) {
        if (typeof values === "string") continue;
        for (const row of rows) expect(values, `${spec.name}.${column}`).toContain(row[column]);
      }
      const full = grid(spec);
      if (full) expect(keys, spec.name).toEqual(full);
      expect(new Set(keys).size, `${spec.name}: one row per ${spec.grain}`).toBe(keys.length);
    }
  });

  test("the model protects exactly the measures the specs protect, with rules the audit knows", () => {
    const model = buildModel(truth);
    for (const spec of publishedTables) {
      for (const measure of spec.measures) {
        for (const rule of measure.protectedBy) expect(Object.keys(AUDIT_RULES)).toContain(rule);
        const cells = model.cells.filter((cell) => cell.table === spec.name && cell.column === measure.column);
        const rows = truth.tables[spec.name]?.length ?? 1; // none by county from the tricky export
        expect(cells.length > 0, `${spec.name}.${measure.column}`).toBe(rows > 0 && measure.protectedBy.length > 0);
      }
    }
    expect(PEOPLE_SUBMEASURES).toEqual(["people_published", "people_emailed", "people_reported"]);
    // Each part of the people counted is bounded by them, row by row, in every people table.
    const bounded = new Set(model.rowBounds.map(({below}) => `${below.table}.${below.column}`));
    for (const spec of publishedTables.filter((table) => table.peopleGroup && truth.tables[table.name]?.length))
      for (const measure of spec.measures.filter((m) => m.partOf === "people"))
        expect(bounded, `${spec.name}.${measure.column}`).toContain(`${spec.name}.${measure.column}`);
  });
});
