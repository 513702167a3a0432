// The linear attack's algebra, and totals shared between groups of dimensions that never meet.
import {expect, test} from "vitest";
import {boundsAttack, recoverableCells} from "../../src/node/publish/disclosure.js";
import {PRIMES, SpanBasis, ones} from "../../src/node/publish/linalg.js";
import {buildModel, type Cell} from "../../src/node/publish/model.js";
import type {PublishedSystem, TableRow} from "../../src/node/publish/system.js";

test("span membership modulo each prime, including a vector reached only through elimination", () => {
  for (const prime of PRIMES) {
    const basis = new SpanBasis(prime);
    basis.add(ones([0, 1]));
    basis.add(ones([1, 2]));
    basis.add(ones([0, 1, 2, 3]));
    expect(basis.rank).toBe(3);
    // The sum of four minus (x1 + x2) is x0 + x3; x3 alone is not reachable.
    expect(basis.contains(ones([3]))).toBe(false);
    expect(basis.contains(ones([0, 3]))).toBe(true);
    expect(basis.contains({cols: [0, 2], vals: [1, prime - 1]})).toBe(true);
    expect(basis.contains(ones([0, 2]))).toBe(false);
    basis.add(ones([2]));
    expect(basis.contains(ones([3]))).toBe(true);
    expect(basis.contains(ones([4]))).toBe(false);
  }
});

const people = (people: number | null): TableRow => ({
  people,
  people_published: 0,
  people_emailed: 0,
  people_reported: 0
});

/** A system of only people tables: districts 03 and 25 in one age group, and a sex table. */
function system(district: Array<number | null>, sex: Array<number | null>, total: number | null): PublishedSystem {
  const districts = ["03", "25"];
  return {
    tables: {
      people_by_district_age: districts.map((d, i) => ({
        hospital_district: d,
        age_group: "25-34",
        ...people(district[i])
      })),
      people_by_district: districts.map((d, i) => ({hospital_district: d, ...people(district[i])})),
      people_by_age: [{age_group: "25-34", ...people(null)}],
      people_by_sex: ["female", "male"].map((s, i) => ({sex: s, ...people(sex[i])})),
      people_by_wave: [{breach_wave: "1", ...people(null)}]
    },
    headline: {
      people: total,
      records: null,
      records_published: null,
      people_emailed: 0,
      people_reported: 0,
      crisis_contacts: null
    }
  };
}

function recoverable(s: PublishedSystem): string[] {
  const model = buildModel(s);
  const hidden = (cell: Cell) => cell.value === null;
  return recoverableCells(model, model.measures.get("people")!, hidden).map((c) => `${c.table}#${c.row}`);
}

test("a total derived in one group (sex) is known in another (district × age)", () => {
  // Headline hidden, but female + male give the total, so district 03 = total − district 25.
  expect(recoverable(system([null, 40], [20, 23], null)).sort()).toEqual([
    "headline#0",
    "people_by_age#0",
    "people_by_district#0",
    "people_by_district_age#0",
    "people_by_wave#0"
  ]);
  // With one sex hidden too, the total is unknown everywhere and nothing can be recovered.
  expect(recoverable(system([null, 40], [null, 23], null))).toEqual([]);
});

test("the bounds attack pins a hidden cell bounded above by a published part of it", () => {
  // District 03: everyone of its people was e-mailed, and the e-mailed count is published.
  const s = system([null, null], [20, 23], 43);
  for (const table of ["people_by_district_age", "people_by_district", "people_by_age", "people_by_wave"]) {
    s.tables[table][0].people_emailed = 39;
  }
  s.tables.people_by_sex.forEach((row, i) => (row.people_emailed = [19, 20][i]));
  s.headline.people_emailed = 39;
  const model = buildModel(s);
  const family = ["people", "people_published", "people_emailed", "people_reported"].map((m) => model.measures.get(m)!);
  const pinned = boundsAttack(model, family, (cell) => cell.value === null).pinned.map(
    (c) => `${c.table}#${c.row}.${c.column}`
  );
  // 03 ≥ 39 e-mailed and 25 ≥ 1 with 03 + 25 = 43: districts not pinned (the one-row age and wave
  // tables are the total itself). A total of 40 pins both districts.
  expect(pinned.sort()).toEqual(["people_by_age#0.people", "people_by_wave#0.people"]);
  s.headline.people = 40;
  s.tables.people_by_sex.forEach((row, i) => (row.people = [20, 20][i]));
  const model40 = buildModel(s);
  const family40 = ["people", "people_published", "people_emailed", "people_reported"].map((m) =>
    model40.measures.get(m)!
  );
  expect(
    boundsAttack(model40, family40, (cell) => cell.value === null)
      .pinned.map((c) => `${c.table}#${c.row}.${c.column}`)
      .sort()
  ).toEqual([
    "people_by_age#0.people",
    "people_by_district#0.people",
    "people_by_district#1.people",
    "people_by_district_age#0.people",
    "people_by_district_age#1.people",
    "people_by_wave#0.people"
  ]);
});

test("as many records as people pins the people published from the records published", () => {
  // Four published people, hidden everywhere. Records = people means one record each, so the 4 published
  // records are 4 published people, which the one-row age table then shows.
  const s = system([20, 23], [20, 23], 43);
  for (const table of Object.keys(s.tables)) for (const row of s.tables[table]) row.people_published = null;
  s.headline.records_published = 4;
  const pinned = (records: number) => {
    s.headline.records = records;
    const model = buildModel(s);
    const family = ["people", "people_published", "people_emailed", "people_reported", "records", "records_published"];
    const attack = boundsAttack(
      model,
      family.map((m) => model.measures.get(m)!),
      (cell) => cell.value === null
    );
    return [
      attack.totals.has("people_published"),
      attack.pinned
        .filter((c) => c.measure === "people_published")
        .map((c) => c.table)
        .sort()
    ];
  };
  expect(pinned(44)).toEqual([false, []]);
  expect(pinned(43)).toEqual([true, ["people_by_age", "people_by_wave"]]);
});
