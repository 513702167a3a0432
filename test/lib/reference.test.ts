// The reference tables as the loader reads them: codes stay text, populations are the official ones and add up.
import {afterAll, beforeAll, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {
  hospitalDistrictsSelect,
  municipalitiesSelect,
  municipalityAliasesSelect,
  wellbeingCountiesSelect
} from "../../src/node/reference.js";
import {referenceCountiesCsv} from "../../src/node/paths.js";
import {DISTRICT_CODES} from "../../src/lib/schema.js";

let db: NodeDatabase;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(() => db.close());

const total = (rows: {population_2019: number}[]) => rows.reduce((sum, row) => sum + row.population_2019, 0);

test("the reference table has every district code of format v1, with leading zeros kept", async () => {
  const rows = await db.query<{code: string}>(hospitalDistrictsSelect());
  expect(rows.map((row) => row.code)).toEqual([...DISTRICT_CODES]);
});

test("district populations are sums of municipalities: the official 5 525 292 at 31.12.2019, HUS 1 685 983", async () => {
  const rows = await db.query<{code: string; population_2019: number}>(hospitalDistrictsSelect());
  expect(total(rows)).toBe(5_525_292);
  const largest = rows.reduce((a, b) => (b.population_2019 > a.population_2019 ? b : a));
  expect(largest.code).toBe("25");
  expect(largest.population_2019).toBe(1_685_983);
  expect(rows.find((row) => row.code === "00")?.population_2019).toBe(29_884);
});

test("every municipality has a 3-digit code, a known district and a known county", async () => {
  const rows = await db.query<{code: string; hospital_district: string; wellbeing_services_county: string}>(
    municipalitiesSelect()
  );
  expect(rows).toHaveLength(310);
  const counties = new Set((await db.query<{code: string}>(wellbeingCountiesSelect())).map((row) => row.code));
  for (const row of rows) {
    expect(row.code).toMatch(/^\d{3}$/);
    expect(DISTRICT_CODES).toContain(row.hospital_district);
    expect(counties.has(row.wellbeing_services_county)).toBe(true);
  }
});

test("county populations summed from municipalities agree with the county table's own, and with the national total", async () => {
  const summed = await db.query<{code: string; population_2019: number}>(wellbeingCountiesSelect());
  const stated = await db.query<{code: string; population_2019: number}>(
    `SELECT code, population_2019::INTEGER AS population_2019 FROM read_csv('${referenceCountiesCsv}', all_varchar = true) ORDER BY code`
  );
  expect(summed).toHaveLength(23);
  expect(summed.map(({code, population_2019}) => ({code, population_2019}))).toEqual(stated);
  expect(total(summed)).toBe(5_525_292);
  expect(summed.find((row) => row.code === "90")?.population_2019).toBe(653_835);
});

test("municipality spellings (format 1.1) resolve to one municipality each, with its district and county", async () => {
  const rows = await db.query<{
    alias: string;
    code: string;
    hospital_district: string;
    wellbeing_services_county: string;
  }>(municipalityAliasesSelect());
  const byAlias = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) byAlias.set(row.alias, [...(byAlias.get(row.alias) ?? []), row]);
  expect([...byAlias].filter(([, matches]) => new Set(matches.map((m) => m.code)).size > 1)).toEqual([]);
  const resolve = (alias: string) => {
    const row = byAlias.get(alias)?.[0];
    return row && [row.code, row.hospital_district, row.wellbeing_services_county];
  };
  expect(resolve("helsingfors")).toEqual(["091", "25", "90"]);
  expect(resolve("jämsä")).toEqual(["182", "06", "15"]);
  expect(resolve("jamsa")).toEqual(["182", "06", "15"]);
  expect(resolve("punkalaidun")).toEqual(["619", "03", "08"]);
  expect(resolve("5")).toEqual(["005", "15", "16"]);
  expect(resolve("911")).toEqual(["541", "12", "14"]);
  expect(resolve("valtimo")).toEqual(["541", "12", "14"]);
  expect(resolve("pirkanmaa")).toBeUndefined();
});
