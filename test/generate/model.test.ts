// The generator's parts: scale, seeds, districts, the crisis grid beyond the base period, and the CLI.
import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {afterAll, beforeAll, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {coprimeMultiplier, peopleCount} from "../../src/node/generate/affectedRecords.js";
import {crisisContactsSelect, crisisStart} from "../../src/node/generate/crisisContacts.js";
import {
  DISTRICT_FORMS,
  districtModel,
  loadReferenceDistricts,
  type DistrictModel
} from "../../src/node/generate/districts.js";
import {REPORTED_PEOPLE, REPORTS_BY_DAY, SERVICE_MODELS} from "../../src/node/generate/model.js";
import {randomMacros, streamSeeds} from "../../src/node/generate/random.js";
import {projectRoot} from "../../src/node/paths.js";
import {EARLIEST_DATE} from "../../src/lib/schema.js";

let db: NodeDatabase;
let districts: DistrictModel;
beforeAll(async () => {
  db = await openNodeDatabase();
  for (const macro of randomMacros) await db.run(macro);
  districts = districtModel(await loadReferenceDistricts(db));
});
afterAll(() => db.close());

test("scale multiplies people; crisis days extend backwards from 31 Mar 2021 and never shrink below the base period", () => {
  expect(peopleCount(1)).toBe(33_000);
  expect(peopleCount(0.1)).toBe(3_300);
  expect(crisisStart(1)).toBe("2020-08-01");
  expect(crisisStart(0.1)).toBe("2020-08-01");
  expect(crisisStart(2)).toBe("2019-12-02"); // 2 × 243 days, ending 2021-03-31
});

test("issue 13: no scale starts the crisis series before the loader's earliest date", () => {
  expect(crisisStart(19) > EARLIEST_DATE).toBe(true);
  for (const scale of [20, 20.7, 21, 100, 1000]) expect(crisisStart(scale)).toBe(EARLIEST_DATE);
});

test("stream seeds are a function of the seed", () => {
  expect(streamSeeds(2020)).toEqual(streamSeeds(2020));
  expect(streamSeeds(2020).district).not.toBe(streamSeeds(2021).district);
  expect(new Set(Object.values(streamSeeds(2020))).size).toBe(Object.keys(streamSeeds(2020)).length);
});

test("the publication order multiplier permutes the people", () => {
  for (const n of [3_300, 33_000, 1_000_003 * 7]) {
    const m = coprimeMultiplier(n);
    const seen = new Set(Array.from({length: Math.min(n, 50_000)}, (_, i) => (i * m) % n));
    expect(seen.size).toBe(Math.min(n, 50_000));
  }
});

test("district shares sum to 1, and no two districts share a spelling in any form", () => {
  expect(districts.peopleShare.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  expect(districts.populationShare.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  for (const form of DISTRICT_FORMS) expect(new Set(districts.spellings[form]).size, form).toBe(districts.codes.length);
  expect(districts.spellings.shp[districts.codes.indexOf("06")]).toBe("Pirkanmaan shp");
  expect(districts.spellings.ascii_lower_fi[districts.codes.indexOf("07")]).toBe("paijat-hameen sairaanhoitopiiri");
});

test("the report schedule adds up to the people who report", () => {
  expect(REPORTS_BY_DAY.reduce((sum, [, count]) => sum + count, 0)).toBeCloseTo(REPORTED_PEOPLE, -2);
});

test("at scale 3 the crisis grid covers three base periods of unique (date, district, service) rows, breach-free before 2020-10-21", async () => {
  const select = crisisContactsSelect({scale: 3, seeds: streamSeeds(5), districts});
  const [row] = await db.query<Record<string, number | string>>({
    sql: `SELECT count(*) AS n, count(DISTINCT (date, hospital_district, service)) AS distinct_keys, min(date) AS first,
      count_if(date < '2020-10-21' AND breach_related <> 'no') AS early_breach, count_if(contacts < 0) AS negative
      FROM (${select.sql})`,
    params: select.params
  });
  const days = 3 * 243;
  const cells = districts.codes.length * SERVICE_MODELS.length;
  const redCrossMissing = districts.codes.length * (days - 158); // it opens on 2020-10-25, 158 days before the end
  expect(row).toEqual({
    n: days * cells - redCrossMissing,
    distinct_keys: days * cells - redCrossMissing,
    first: crisisStart(3),
    early_breach: 0,
    negative: 0
  });
});

test("the CLI exits 64 with a usage line on stderr when --out is missing", async () => {
  const run = promisify(execFile);
  const error = await run("npx", ["tsx", "src/cli/generate.ts", "--scale", "2"], {cwd: projectRoot}).catch((e) => e);
  expect(error.code).toBe(64);
  expect(error.stdout).toBe("");
  expect(error.stderr).toMatch(/^missing --out\nusage: npm run generate -- --out <folder>/);
});
