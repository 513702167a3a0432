// The explorer's in-page answer to a filter change (chartsInMemory.ts) against the SQL it replaces:
// chartsQuery run on real DuckDB over the fabricated published tables, read from real Parquet. Both
// must give the same rows, values, NULLs and order in every state, edges included.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import type {NodeDatabase} from "../../src/node/duckdbNode.js";
import {chartsAnswer, chartTableNames, prepareChartTables, type ChartTables} from "../../src/lib/chartsInMemory.js";
import {chartParts, chartsQuery, tableRowsQuery, type ChartsRow} from "../../src/lib/exploreQueries.js";
import {emptyState, type ExploreState} from "../../src/lib/exploreState.js";
import {openPublishedDatabase} from "./publishedDatabase.js";
import {chartStates, state} from "./chartStates.js";

let fixture: Awaited<ReturnType<typeof openPublishedDatabase>>;
let db: NodeDatabase;

beforeAll(async () => {
  fixture = await openPublishedDatabase();
  db = fixture.db;
});
afterAll(() => fixture?.close());

async function readTables(): Promise<ChartTables> {
  const tables = await Promise.all(chartTableNames.map((name) => db.query(tableRowsQuery(name))));
  return Object.fromEntries(chartTableNames.map((name, i) => [name, tables[i]])) as unknown as ChartTables;
}

/** Compares the two paths in every state; returns how many rows they gave, so a test can see it was not empty. */
async function expectSameAnswers(states: ExploreState[]): Promise<{rows: number; hidden: number; nulls: number}> {
  const tables = prepareChartTables(await readTables());
  const seen = {rows: 0, hidden: 0, nulls: 0};
  for (const s of states) {
    const expected = chartParts(await db.query<ChartsRow>(chartsQuery(s)));
    expect(chartsAnswer(tables, s), JSON.stringify(s)).toEqual(expected);
    for (const rows of Object.values(expected) as Array<
      Array<{value?: unknown; contacts?: unknown; hidden?: number}>
    >) {
      seen.rows += rows.length;
      seen.hidden += rows.filter((row) => (row.hidden ?? 0) > 0).length;
      seen.nulls += rows.filter((row) => row.value === null || row.contacts === null).length;
    }
  }
  return seen;
}

const edgeStates = [
  // A county view: the charts' answer does not change with the area.
  state({area: "county"}),
  state({area: "county", measure: "contacts", services: ["chat"], from: "2020-10-19", to: "2020-10-25"}),
  // A single day, the first and last days of the data, and a range ending inside a week.
  state({from: "2020-10-23", to: "2020-10-23", measure: "contacts"}),
  state({from: "2020-08-03", to: "2020-08-03", measure: "contacts"}),
  state({from: "2021-03-28", to: "2021-04-30"}),
  state({from: "2020-10-21", to: "2020-10-29", districts: ["06"], services: ["parish"]}),
  // Half a range, which a link never gives: SQL compares with NULL and takes no rows.
  state({from: "2020-10-19", to: null, measure: "contacts"}),
  state({from: null, to: "2020-10-25", measure: "contacts"}),
  // A value holding the list separator is split as the SQL splits it.
  state({districts: ["06\x1f25"], services: ["chat\x1fparish"], measure: "contacts"}),
  state({services: ["no_such_service"]})
];

describe("chartsAnswer gives exactly what chartsQuery gives", () => {
  test("in every state of the chartsQuery test and at the edges", async () => {
    const seen = await expectSameAnswers([...chartStates, ...edgeStates]);
    expect(seen.rows).toBeGreaterThan(300);
  });

  test("across filter combinations", async () => {
    const states: ExploreState[] = [];
    for (const districts of [[], ["06"], ["06", "25", "00"]])
      for (const ageGroups of [[], ["65+"]])
        for (const services of [[], ["chat"], ["chat", "parish", "crisis_helpline"]])
          for (const measure of ["people", "contacts"] as const)
            for (const [from, to] of [
              [null, null],
              ["2020-10-19", "2020-11-01"],
              ["2020-12-01", "2021-01-15"]
            ] as Array<[string | null, string | null]>)
              states.push({...emptyState, districts, ageGroups, services, measure, from, to});
    const seen = await expectSameAnswers(states);
    expect(seen.rows).toBeGreaterThan(5000);
  });

  test("with hidden cells, a district published by month only, and the districts' totals over all services", async () => {
    await db.run("BEGIN TRANSACTION");
    try {
      // District 21 by month only (as a small district is published), with its 'all' rows beside the services.
      await db.run(`DELETE FROM crisis_by_district_period WHERE hospital_district = '21';
        INSERT INTO crisis_by_district_period
          SELECT '21', service, 'month', month::DATE, (month + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE,
            CASE WHEN service = 'chat' AND month = DATE '2020-10-01' THEN NULL ELSE 7 + hash(service || month) % 20 END::INTEGER
          FROM (SELECT DISTINCT service FROM crisis_by_district_period),
            range(DATE '2020-08-01', DATE '2021-04-01', INTERVAL 1 MONTH) t(month);
        INSERT INTO crisis_by_district_period
          SELECT hospital_district, 'all', grain, period_start, period_end, sum(contacts)::INTEGER
          FROM crisis_by_district_period GROUP BY ALL;`);
      // Hidden cells: a whole week nationally, one service nationally, and every cell of one district-service.
      await db.run(`UPDATE crisis_national_weekly SET contacts = NULL WHERE week_start = DATE '2020-09-07';
        UPDATE crisis_national_weekly SET contacts = NULL WHERE service = 'parish' AND week_start < DATE '2020-10-01';
        UPDATE crisis_by_district_period SET contacts = NULL WHERE hospital_district = '06' AND service = 'chat';
        UPDATE publications_by_day_channel SET records = NULL WHERE channel = 'tor_forum';`);
      const seen = await expectSameAnswers([
        ...chartStates,
        // The monthly-only district alone: no weekly rows, so an empty timeline, but its months count elsewhere.
        state({districts: ["21"]}),
        state({districts: ["21"], measure: "contacts", from: "2020-10-19", to: "2020-10-25"}),
        state({districts: ["21", "06"], services: ["chat"], measure: "contacts"}),
        state({districts: ["06"], services: ["chat"], from: "2020-09-07", to: "2020-09-13"}),
        state({services: ["parish"], from: "2020-09-07", to: "2020-09-13", measure: "contacts"}),
        state({from: "2020-10-21", to: "2020-10-22"})
      ]);
      expect(seen.hidden).toBeGreaterThan(20);
      expect(seen.nulls).toBeGreaterThan(3);
      // The monthly district has no timeline, and has contacts in a week its month overlaps.
      const tables = prepareChartTables(await readTables());
      const monthly = chartsAnswer(tables, state({districts: ["21"], from: "2020-10-19", to: "2020-10-25"}));
      expect(monthly.timeline).toEqual([]);
      expect(monthly.viewContacts.map((row) => row.hospital_district)).toContain("21");
    } finally {
      await db.run("ROLLBACK");
    }
  });
});
