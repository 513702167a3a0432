// The charts drawn before DuckDB-WASM arrives must show what DuckDB then shows: the JS sums of
// src/lib/explorePreview.ts against the explorer's own queries, run by real DuckDB on real Parquet.
import {afterAll, beforeAll, expect, test} from "vitest";
import {channelsQuery, servicesQuery, timelineQuery} from "../../src/lib/exploreQueries.js";
import {previewCategories, previewData, previewTimeline} from "../../src/lib/explorePreview.js";
import {emptyState} from "../../src/lib/exploreState.js";
import type {NodeDatabase} from "../../src/node/duckdbNode.js";
import {openPublishedDatabase} from "./publishedDatabase.js";

let fixture: Awaited<ReturnType<typeof openPublishedDatabase>>;
let db: NodeDatabase;

beforeAll(async () => {
  fixture = await openPublishedDatabase();
  db = fixture.db;
});
afterAll(() => fixture?.close());

// DuckDB gives dates as Date or text and sums as numbers: both sides are put in one form to compare.
const plain = (rows: readonly Record<string, unknown>[]) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "bigint" ? Number(v) : v
      ])
    )
  );

test("the unfiltered timeline summed in JS is the timeline query's answer, week by week", async () => {
  const national = await db.query<{week_start: string; contacts: number | null}>(
    "SELECT strftime(week_start, '%Y-%m-%d') AS week_start, service, contacts FROM crisis_national_weekly"
  );
  const expected = plain(await db.query(timelineQuery(emptyState)));
  expect(plain(previewTimeline(national) as never)).toEqual(expected);
});

test("services and channels summed in JS are the services and channels queries' answers", async () => {
  const national = await db.query<Record<string, unknown>>("SELECT service, contacts FROM crisis_national_weekly");
  const publications = await db.query<Record<string, unknown>>(
    "SELECT channel, records FROM publications_by_day_channel"
  );
  expect(plain(previewCategories(national, "service", "contacts") as never)).toEqual(
    plain(await db.query(servicesQuery(emptyState)))
  );
  expect(plain(previewCategories(publications, "channel", "records") as never)).toEqual(
    plain(await db.query(channelsQuery(emptyState)))
  );
});

test("a week whose every cell is hidden is null, not zero, as SQL's sum; a partly hidden one counts its hidden cells", () => {
  const rows = [
    {week_start: "2020-10-19", contacts: null},
    {week_start: "2020-10-19", contacts: null},
    {week_start: "2020-10-26", contacts: 7},
    {week_start: "2020-10-26", contacts: null}
  ];
  expect(previewTimeline(rows)).toEqual([
    {week_start: "2020-10-19", value: null, hidden: 2, cells: 2},
    {week_start: "2020-10-26", value: 7, hidden: 1, cells: 2}
  ]);
});

test("previewData names each district in the page's language and hands the people tables to figures.ts", async () => {
  const districts = await db.query<{code: string; name_fi: string; name_sv: string; name_en: string; short_fi: string}>(
    "SELECT code, name_fi, name_sv, name_en, short_fi FROM hospital_districts"
  );
  const byDistrict = await db.query<Record<string, unknown>>("SELECT * FROM people_by_district");
  const input = {
    national: [],
    publications: [],
    districts,
    peopleByDistrictAge: [],
    peopleByDistrict: byDistrict,
    peopleByAge: []
  };
  const en = previewData(input, "en");
  expect(en.districtNames.get("00")).toBe("Åland");
  expect(previewData(input, "fi").districtNames.get("00")).toBe("Ahvenanmaa");
  expect(en.districtNames.size).toBe(districts.length);
  expect(en.published.tables.people_by_district).toBe(byDistrict);
  expect(Object.keys(en.published.tables).sort()).toEqual([
    "people_by_age",
    "people_by_district",
    "people_by_district_age"
  ]);
});
