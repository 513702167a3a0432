import {afterAll, beforeAll, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/lib/duckdbNode.js";
import {districtPopulation} from "../../src/lib/queries.js";
import {hospitalDistrictsSelect} from "../../src/lib/reference.js";

let db: NodeDatabase;
beforeAll(async () => {
  db = await openNodeDatabase();
  await db.run(`CREATE TABLE hospital_districts AS ${hospitalDistrictsSelect()}`);
});
afterAll(() => db.close());

test("districtPopulation binds its threshold as a parameter, not as SQL text", () => {
  const query = districtPopulation({minPopulation: 500_000});
  expect(query.sql).not.toContain("500000");
  expect(query.params).toEqual([500_000]);
});

test("districtPopulation returns the districts above a threshold, largest first", async () => {
  const rows = await db.query<{code: string; population: number}>(districtPopulation({minPopulation: 400_000}));
  expect(rows.map((row) => row.code)).toEqual(["25", "06", "03", "18"]);
  expect(rows[0].population).toBe(1_699_667);
});

test("the reference table keeps leading zeros and sums to the 2019 population", async () => {
  const rows = await db.query<{code: string; population: number}>(districtPopulation());
  expect(rows).toHaveLength(21);
  expect(rows.map((row) => row.code)).toContain("03");
  expect(rows.reduce((sum, row) => sum + row.population, 0)).toBe(5_540_236);
});
