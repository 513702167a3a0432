// The hospital-district reference table as the loader reads it: codes stay text, populations add up.
import {afterAll, beforeAll, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {hospitalDistrictsSelect} from "../../src/node/reference.js";
import {DISTRICT_CODES} from "../../src/lib/schema.js";

let db: NodeDatabase;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(() => db.close());

test("the reference table has every district code of format v1, with leading zeros kept", async () => {
  const rows = await db.query<{code: string}>(hospitalDistrictsSelect());
  expect(rows.map((row) => row.code)).toEqual([...DISTRICT_CODES]);
});

test("populations sum to the end-2019 total of the source (5 540 236), HUS the largest", async () => {
  const rows = await db.query<{code: string; population_2019: number}>(hospitalDistrictsSelect());
  expect(rows.reduce((sum, row) => sum + row.population_2019, 0)).toBe(5_540_236);
  const largest = rows.reduce((a, b) => (b.population_2019 > a.population_2019 ? b : a));
  expect(largest.code).toBe("25");
  expect(largest.population_2019).toBe(1_699_667);
});
