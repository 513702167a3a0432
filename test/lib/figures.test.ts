// issue 15: one figure, one value. The tables are written by DuckDB as Parquet and read back as the
// pages read them (hyparquet), so what figure() sees is what a page sees.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {columnsToRows} from "../../src/components/db.js";
import {figure, figureBars, type Published} from "../../src/lib/figures.js";
import {readParquetColumns} from "../../src/lib/parquetColumns.js";
import {openNodeDatabase, selectToParquet, type NodeDatabase} from "../../src/node/duckdbNode.js";

// Two districts and two age groups. Åland's 0-14 cell is hidden (so is one more to protect it); by
// district and by age every figure is published exactly, as in the real export.
const TABLES = {
  people_by_district_age: `SELECT * FROM (VALUES
      ('01', '0-14', 600, 10), ('01', '25-34', 5000, 90), ('21', '0-14', NULL, NULL), ('21', '25-34', NULL, 8),
      ('unknown', '25-34', 494, 0))
    t(hospital_district, age_group, people, people_published)`,
  people_by_district: `SELECT * FROM (VALUES ('01', 5600, 100), ('21', 21, 9), ('unknown', 494, 0))
    t(hospital_district, people, people_published)`,
  people_by_age: `SELECT * FROM (VALUES ('0-14', 603, 11), ('25-34', 5512, 98)) t(age_group, people, people_published)`,
  people_by_wave: `SELECT * FROM (VALUES ('1', 6000, 100), ('2', 115, NULL)) t(breach_wave, people, people_published)`,
  daily_timeline: `SELECT * FROM (VALUES (DATE '2020-10-21', 100, 40), (DATE '2020-10-22', NULL, 30),
      (DATE '2020-10-23', 200, NULL), (DATE '2020-10-30', 50, 20))
    t(date, people_reported, records_published)`
};
const HEADLINE = {people: 6115, people_reported: 353, records_published: null};

let db: NodeDatabase;
let published: Published;

beforeAll(async () => {
  db = await openNodeDatabase();
  const tables: Published["tables"] = {};
  for (const [name, select] of Object.entries(TABLES)) {
    const bytes = await selectToParquet(db, select);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    tables[name] = columnsToRows(await readParquetColumns(buffer));
  }
  published = {headline: HEADLINE, tables};
});
afterAll(() => db?.close());

describe("figure", () => {
  test("no filter: the headline's exact total", () => {
    expect(figure(published, "people")).toMatchObject({value: 6115, exact: true, source: "headline"});
  });

  test("a district: exact from people_by_district, not a lower bound from the district-by-age table", () => {
    expect(figure(published, "people", {hospital_district: ["21"]})).toMatchObject({
      value: 21,
      exact: true,
      source: "people_by_district",
      key: "people.hospital_district=21"
    });
  });

  test("an age group: exact from people_by_age", () => {
    expect(figure(published, "people", {age_group: ["0-14"]})).toMatchObject({value: 603, exact: true});
  });

  test("a hidden cell: a lower bound, and an upper bound from the exact district and age totals", () => {
    // District 21 has 21 people; its known 25-34 cell is hidden too, so the age total bounds it:
    // 0-14 nationally is 603, of which 600 are known to be in district 01.
    expect(figure(published, "people", {hospital_district: ["21"], age_group: ["0-14"]})).toMatchObject({
      value: null,
      exact: false,
      upper: 3,
      hidden: 1
    });
    expect(figure(published, "people", {hospital_district: ["01", "21"], age_group: ["0-14"]})).toMatchObject({
      value: 600,
      exact: false,
      upper: 603,
      hidden: 1
    });
  });

  test("a quantity with no headline figure: exact from a breakdown without hidden cells", () => {
    // people_by_wave leaves out a hidden cell (a lower bound of 100); people_by_district does not.
    expect(figure(published, "people_published")).toMatchObject({value: 109, exact: true});
  });

  test("a running total to the last day is the headline's; before it, bounded both ways", () => {
    expect(figure(published, "people_reported", {until: new Date("2020-10-30")})).toMatchObject({
      value: 353,
      exact: true,
      key: "people_reported"
    });
    expect(figure(published, "people_reported", {until: new Date("2020-10-23")})).toMatchObject({
      value: 300,
      exact: false,
      upper: 303,
      hidden: 1
    });
  });

  test("a table with no rows (withheld under round5) answers nothing: no exact 0 for its breakdown", () => {
    const withheld = {...published, tables: {...published.tables, people_by_wave: []}};
    const answer = figure(withheld, "people", {breach_wave: ["1"]});
    expect(answer.exact).toBe(false);
    expect(answer.value).toBeNull();
    expect(figure(published, "people", {breach_wave: ["1"]})).toMatchObject({value: 6000, exact: true});
  });

  test("a hidden headline figure: the known daily parts as a lower bound", () => {
    expect(figure(published, "records_published")).toMatchObject({value: 90, exact: false, hidden: 1});
  });
});

describe("figure's kept answers", () => {
  test("the same question gives the same answer object; another filter order is the same question", () => {
    const a = figure(published, "people", {hospital_district: ["01", "21"]});
    expect(figure(published, "people", {hospital_district: ["21", "01"]})).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  test("tables swapped in the same Published object are asked again, not answered from before", () => {
    const own: Published = {headline: HEADLINE, tables: {...published.tables}};
    expect(figure(own, "people", {hospital_district: ["21"]})).toMatchObject({value: 21, exact: true});
    own.tables.people_by_district = [{hospital_district: "21", people: 22, people_published: 9}];
    expect(figure(own, "people", {hospital_district: ["21"]})).toMatchObject({value: 22, exact: true});
    own.headline = {...HEADLINE, people: 7000};
    expect(figure(own, "people")).toMatchObject({value: 7000, exact: true});
  });

  test("values joined by '+' in the display key are still different questions", () => {
    const own: Published = {
      tables: {
        people_by_age: [
          {age_group: "a+b", people: 5},
          {age_group: "a", people: 7},
          {age_group: "b", people: 11}
        ]
      }
    };
    expect(figure(own, "people", {age_group: ["a+b"]}).value).toBe(5);
    expect(figure(own, "people", {age_group: ["a", "b"]}).value).toBe(18);
  });
});

describe("figureBars", () => {
  test("the explorer's unfiltered district bars are exact, unknown district included", () => {
    const bars = figureBars(published, "people", "hospital_district");
    expect(bars.map((b) => [b.key, b.value, b.exact])).toEqual([
      ["01", 5600, true],
      ["21", 21, true],
      ["unknown", 494, true]
    ]);
  });

  test("filtered by an age group, a district's bar is a bound only where its cell is hidden", () => {
    const bars = figureBars(published, "people", "hospital_district", {age_group: ["25-34"]});
    expect(bars.map((b) => [b.key, b.value, b.exact, b.upper])).toEqual([
      ["01", 5000, true, null],
      ["21", null, false, 18],
      ["unknown", 494, true, null]
    ]);
  });
});
