// issue 16: people without a municipality in a format 1.1 export count in their district's county when
// the whole district lies in one county, else in the county `unknown`. The publisher (aggregate.ts), the
// engine's geography (geography.ts) and the attacker (attack/geography.ts, read on its own) must assume
// the same, or the engine would protect pieces other than those a reader can form.
import {beforeAll, expect, test} from "vitest";
import {DISTRICT_CODES} from "../../src/lib/schema.js";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {aggregate} from "../../src/node/publish/aggregate.js";
import {geography} from "../../src/node/publish/geography.js";
import type {PublishedSystem} from "../../src/node/publish/system.js";
import {countyKey} from "./attack/geography.js";
import {many, tempFolder, writeDataset, type PersonSpec} from "./dataset.js";

const people = (count: number, district: string, municipality: string | null): PersonSpec[] =>
  many(count, {district, municipality, age: "25-34", sex: "female", wave: "1"}).map((p, i) => ({
    ...p,
    key: `${district}-${municipality ?? "none"}-${i}`
  }));

let truth: PublishedSystem;
beforeAll(async () => {
  const db = await openNodeDatabase();
  const folder = await tempFolder();
  await writeDataset(db, folder, {
    people: [
      ...people(7, "14", null), // Keski-Suomi district lies wholly in Keski-Suomi county (15)
      ...people(11, "06", null), // Pirkanmaa district is split (Jämsä is in Keski-Suomi county)
      ...people(13, "unknown", null),
      ...people(17, "06", "837") // Tampere: Pirkanmaa county (08)
    ]
  });
  truth = await aggregate(db, folder, {threshold: 5});
  db.close();
}, 120_000);

const county = (code: string) =>
  truth.tables.people_by_county!.find((row) => row.wellbeing_services_county === code)?.people ?? 0;

test("the publisher counts them in the whole district's county, and in unknown for a split or unknown district", () => {
  expect(county("15")).toBe(7);
  expect(county("unknown")).toBe(11 + 13);
  expect(county("08")).toBe(17);
});

test("the engine's geography and the attacker's key agree, district by district", () => {
  const engine = geography().countiesByDistrict;
  const attacker = countyKey();
  for (const district of [...DISTRICT_CODES, "unknown"])
    expect(engine.get(district), district).toEqual(attacker.countiesOf(district));
  // A whole district reaches its county only; a split one its counties and unknown; unknown only unknown.
  expect(engine.get("14")).toEqual(["15"]);
  expect(engine.get("06")).toEqual(["08", "15", "unknown"]);
  expect(engine.get("unknown")).toEqual(["unknown"]);
  expect([...engine.keys()].filter((d) => engine.get(d)!.includes("unknown")).sort()).toEqual([
    "03",
    "06",
    "07",
    "10",
    "17",
    "25",
    "unknown"
  ]);
});
