// The Explore page's SQL, run on DuckDB over the fabricated published tables, checked against sums
// computed here in JS from the raw cells (so a wrong filter or a lost NULL shows up as a wrong number).
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryOne, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {
  ageGroupsQuery,
  catalogQuery,
  channelsQuery,
  chartParts,
  chartsQuery,
  districtContactsQuery,
  districtsQuery,
  exploreQueries,
  servicesQuery,
  timelineQuery,
  viewQuery,
  warmUpStates,
  type CategoryRow,
  type ChartsRow,
  type ViewRow
} from "../../src/lib/exploreQueries.js";
import {emptyState, type ExploreState} from "../../src/lib/exploreState.js";
import {viewRows, type DistrictContacts} from "../../src/lib/exploreView.js";
import {openPublishedDatabase} from "./publishedDatabase.js";
import {chartStates} from "./chartStates.js";

interface Crisis {
  hospital_district: string;
  service: string;
  grain: string;
  period_start: string;
  period_end: string;
  contacts: number | null;
}
interface People {
  hospital_district: string;
  age_group: string;
  people: number | null;
}

let fixture: Awaited<ReturnType<typeof openPublishedDatabase>>;
let db: NodeDatabase;
let crisis: Crisis[];
let people: People[];

beforeAll(async () => {
  fixture = await openPublishedDatabase();
  db = fixture.db;
  crisis = await db.query<Crisis>("SELECT * FROM crisis_by_district_period");
  people = await db.query<People>("SELECT * FROM people_by_district_age");
});
afterAll(() => fixture?.close());

const state = (overrides: Partial<ExploreState>): ExploreState => ({...emptyState, ...overrides});

// What a sum of cells is, by the contract: the published cells added up, the NULL ones counted apart.
function expectedSum(values: Array<number | null>): {value: number | null; hidden: number; cells: number} {
  const shown = values.filter((v): v is number => v !== null);
  return {
    value: shown.length ? shown.reduce((a, b) => a + b, 0) : null,
    hidden: values.length - shown.length,
    cells: values.length
  };
}

function byKey(rows: CategoryRow[]): Record<string, {value: number | null; hidden: number; cells: number}> {
  return Object.fromEntries(rows.map(({key, value, hidden, cells}) => [key, {value, hidden, cells}]));
}

describe("filters reach SQL as bound parameters", () => {
  test("no filter value appears in the SQL text", () => {
    const s = state({
      from: "2020-10-19",
      to: "2020-11-15",
      districts: ["06"],
      ageGroups: ["18-24"],
      services: ["chat"]
    });
    for (const query of [
      timelineQuery(s),
      districtsQuery(s),
      districtsQuery({...s, measure: "contacts"}),
      ageGroupsQuery(s),
      servicesQuery(s),
      channelsQuery(s),
      viewQuery(s),
      districtContactsQuery(s)
    ]) {
      for (const value of ["2020-10-19", "2020-11-15", "'06'", "18-24", "chat"]) expect(query.sql).not.toContain(value);
      expect(query.params.length).toBe((query.sql.match(/\?/g) ?? []).length);
    }
  });

  test("a query's text does not change with the filters, so the page prepares it once", () => {
    const states = [
      emptyState,
      state({districts: ["06"], ageGroups: ["18-24"], services: ["chat"], from: "2020-10-19", to: "2020-11-15"}),
      state({districts: ["06", "25", "00"], ageGroups: ["18-24", "65+"], services: ["chat", "parish"]})
    ];
    // Timeline and services read the national table until a district is chosen: two texts each, no more.
    const texts = (build: (s: ExploreState) => {sql: string}) => new Set(states.map((s) => build(s).sql)).size;
    for (const build of [
      ageGroupsQuery,
      channelsQuery,
      viewQuery,
      districtContactsQuery,
      districtsQuery,
      (s: ExploreState) => districtsQuery({...s, measure: "contacts"})
    ]) {
      expect(texts(build)).toBe(1);
    }
    for (const build of [timelineQuery, servicesQuery]) expect(texts(build)).toBe(2);
  });

  test("a hostile filter value is only ever compared, never run", async () => {
    const rows = await db.query(ageGroupsQuery(state({districts: ["06'); DROP TABLE people_by_age; --"]})));
    expect(rows).toEqual([]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM people_by_age")).toEqual([{n: 9}]);
  });
});

describe("districts chart", () => {
  test("people affected in the chosen age groups, with suppressed cells counted apart", async () => {
    const ages = ["0-14", "15-17"];
    const rows = await db.query<CategoryRow>(districtsQuery(state({ageGroups: ages, districts: ["06"]})));
    // The chart's own filter (district) does not apply to it: every district stays clickable.
    expect(rows).toHaveLength(21);
    for (const row of rows) {
      const cells = people
        .filter((p) => p.hospital_district === row.key && ages.includes(p.age_group))
        .map((p) => p.people);
      expect({value: row.value, hidden: row.hidden, cells: row.cells}).toEqual(expectedSum(cells));
    }
    expect(rows.find((row) => row.key === "25")?.label).toBe("HUS");
  });

  test("a sum over suppressed cells only is NULL (suppressed), never 0; a partly suppressed sum says so", async () => {
    const cell = crisis.find((c) => c.contacts === null)!;
    const s = state({measure: "contacts", services: [cell.service], from: cell.period_start, to: cell.period_start});
    const rows = byKey(await db.query<CategoryRow>(districtsQuery(s)));
    expect(rows[cell.hospital_district]).toEqual({value: null, hidden: 1, cells: 1});
    const whole = byKey(
      await db.query<CategoryRow>(districtsQuery(state({measure: "contacts", services: [cell.service]})))
    );
    const cells = crisis.filter((c) => c.hospital_district === cell.hospital_district && c.service === cell.service);
    expect(whole[cell.hospital_district]).toEqual(expectedSum(cells.map((c) => c.contacts)));
    expect(whole[cell.hospital_district]!.hidden).toBeGreaterThan(0);
    expect(whole[cell.hospital_district]!.value).toBeGreaterThan(0);
  });

  test("crisis contacts in the brushed weeks and chosen services", async () => {
    const s = state({measure: "contacts", from: "2020-10-19", to: "2020-11-01", services: ["chat", "parish"]});
    const rows = byKey(await db.query<CategoryRow>(districtsQuery(s)));
    const cells = crisis.filter(
      (c) =>
        c.hospital_district === "06" &&
        ["chat", "parish"].includes(c.service) &&
        c.period_start <= "2020-11-01" &&
        c.period_end >= "2020-10-19"
    );
    expect(cells).toHaveLength(4);
    expect(rows["06"]).toEqual(expectedSum(cells.map((c) => c.contacts)));
  });
});

describe("timeline", () => {
  test("nationally, one row per week, whatever time range is brushed", async () => {
    const all = await db.query<{week_start: string; value: number}>(timelineQuery(emptyState));
    const brushed = await db.query(timelineQuery(state({from: "2020-10-19", to: "2020-11-01"})));
    expect(brushed).toEqual(all);
    expect(all).toHaveLength(34);
    expect(all[0]!.week_start).toBe("2020-08-03");
    const {total} = await queryOne<{total: number}>(
      db,
      "SELECT sum(contacts)::DOUBLE AS total FROM crisis_national_weekly"
    );
    expect(all.reduce((sum, row) => sum + row.value, 0)).toBe(total);
  });

  test("in chosen districts and services, from the district table's weekly rows", async () => {
    const rows = await db.query<{week_start: string; value: number | null; hidden: number; cells: number}>(
      timelineQuery(state({districts: ["00", "03"], services: ["crisis_helpline"]}))
    );
    const week = rows.find((row) => row.week_start === "2020-10-26")!;
    const cells = crisis.filter(
      (c) =>
        ["00", "03"].includes(c.hospital_district) && c.service === "crisis_helpline" && c.period_start === "2020-10-26"
    );
    expect({value: week.value, hidden: week.hidden, cells: week.cells}).toEqual(
      expectedSum(cells.map((c) => c.contacts))
    );
    expect(week.cells).toBe(2);
  });
});

describe("age groups, services and channels", () => {
  test("age groups in the chosen districts", async () => {
    const rows = byKey(await db.query<CategoryRow>(ageGroupsQuery(state({districts: ["00"], ageGroups: ["65+"]}))));
    expect(Object.keys(rows)).toHaveLength(9);
    expect(rows["0-14"]).toEqual(
      expectedSum(people.filter((p) => p.hospital_district === "00" && p.age_group === "0-14").map((p) => p.people))
    );
  });

  test("services: national table without a district filter, district table with one", async () => {
    const national = byKey(await db.query<CategoryRow>(servicesQuery(state({from: "2020-10-19", to: "2020-10-25"}))));
    const {contacts} = await queryOne<{contacts: number}>(
      db,
      "SELECT contacts FROM crisis_national_weekly WHERE service = 'chat' AND week_start = DATE '2020-10-19'"
    );
    expect(national.chat).toEqual({value: contacts, hidden: 0, cells: 1});
    const inDistricts = byKey(
      await db.query<CategoryRow>(servicesQuery(state({districts: ["25"], services: ["chat"]})))
    );
    expect(Object.keys(inDistricts)).toHaveLength(7);
    expect(inDistricts.chat!.value).toBe(
      crisis
        .filter((c) => c.hospital_district === "25" && c.service === "chat")
        .reduce((sum, c) => sum + (c.contacts ?? 0), 0)
    );
  });

  test("channels in the brushed days; the 23 October 2020 Tor site dump", async () => {
    const rows = byKey(await db.query<CategoryRow>(channelsQuery(state({from: "2020-10-23", to: "2020-10-23"}))));
    expect(rows.tor_site).toEqual({value: 31980, hidden: 0, cells: 1});
    expect(rows.file_host).toBeUndefined();
  });
});

describe("the filtered table", () => {
  test("applies every filter, and agrees with the charts", async () => {
    const s = state({
      districts: ["03", "25"],
      ageGroups: ["18-24"],
      services: ["chat"],
      from: "2020-10-19",
      to: "2020-10-25",
      measure: "contacts"
    });
    const rows = await db.query<ViewRow>(viewQuery(s));
    expect(rows.map((row) => row.hospital_district)).toEqual(["03", "25"]);
    const hus = rows[1]!;
    expect(hus.district_name).toBe("HUS");
    const p = expectedSum(
      people.filter((x) => x.hospital_district === "25" && x.age_group === "18-24").map((x) => x.people)
    );
    expect([hus.people, hus.people_hidden_cells]).toEqual([p.value, p.hidden]);
    const contacts = byKey(await db.query<CategoryRow>(districtsQuery(s)));
    expect([hus.contacts, hus.contacts_hidden_cells]).toEqual([contacts["25"]!.value, contacts["25"]!.hidden]);
  });

  test("viewRows, from the people cells and the contacts per district, gives exactly viewQuery's rows", async () => {
    const shortNames = new Map(
      (await db.query<{code: string; short_fi: string}>("SELECT code, short_fi FROM hospital_districts")).map((row) => [
        row.code,
        row.short_fi
      ])
    );
    const states = [
      emptyState,
      state({districts: ["03", "25"], ageGroups: ["18-24"], services: ["chat"], from: "2020-10-19", to: "2020-10-25"}),
      state({districts: ["25"], ageGroups: ["65+", "0-14"]}),
      state({services: ["parish", "chat"], from: "2020-08-03", to: "2020-12-27"}),
      // A district no table holds, and a range with no contacts at all: empty sides of the join.
      state({districts: ["99"]}),
      state({from: "1999-01-04", to: "1999-01-10"}),
      state({districts: ["00", "21"], ageGroups: ["unknown"], services: ["crisis_helpline"]})
    ];
    let rowsSeen = 0;
    let hiddenSeen = 0;
    // The fixture's people cells are all large: some are blanked here (and put back), as suppression would.
    await db.run("BEGIN TRANSACTION");
    try {
      await db.run(
        "UPDATE people_by_district_age SET people = NULL WHERE age_group IN ('65+', '0-14') AND hospital_district IN ('25', '03')"
      );
      await db.run("UPDATE people_by_district_age SET people = NULL WHERE hospital_district = '21'");
      const cells = await db.query<People>("SELECT * FROM people_by_district_age");
      for (const s of states) {
        const expected = await db.query<ViewRow>(viewQuery(s));
        const contacts = await db.query<DistrictContacts>(districtContactsQuery(s));
        expect(viewRows(cells, contacts, s, shortNames), JSON.stringify(s)).toEqual(expected);
        rowsSeen += expected.length;
        hiddenSeen += expected.filter((row) => row.people_hidden_cells).length;
      }
    } finally {
      await db.run("ROLLBACK");
    }
    // The states reach rows of every kind: not a comparison of empty lists or of sums without gaps.
    expect(rowsSeen).toBeGreaterThan(21);
    expect(hiddenSeen).toBeGreaterThan(2);
    // The contacts do not depend on the district and age filters: one answer serves them all.
    expect(districtContactsQuery(state({districts: ["25"], ageGroups: ["65+"]}))).toEqual(
      districtContactsQuery(emptyState)
    );
  });

  test("without filters it lists every district, people and contacts both", async () => {
    const rows = await db.query<ViewRow>(viewQuery(emptyState));
    expect(rows).toHaveLength(21);
    const {total} = await queryOne<{total: number}>(
      db,
      "SELECT sum(people)::DOUBLE AS total FROM people_by_district_age"
    );
    expect(rows.reduce((sum, row) => sum + (row.people ?? 0), 0)).toBe(total);
  });
});

test("the catalogue lists the loaded tables and their columns in order", async () => {
  const rows = await db.query<{table_name: string; column_name: string; data_type: string}>(
    catalogQuery(["people_by_age", "daily_timeline"])
  );
  expect(
    rows.filter((row) => row.table_name === "daily_timeline").map((row) => [row.column_name, row.data_type])
  ).toEqual([
    ["date", "DATE"],
    ["records_published", "INTEGER"],
    ["people_emailed", "INTEGER"],
    ["people_reported", "INTEGER"]
  ]);
  expect(new Set(rows.map((row) => row.table_name))).toEqual(new Set(["people_by_age", "daily_timeline"]));
});

test("the warm-up states reach every query text the page can build", () => {
  const warm = new Set(warmUpStates.flatMap((s) => Object.values(exploreQueries(s)).map((query) => query.sql)));
  const lists = {districts: [[], ["06"], ["06", "25"]], ageGroups: [[], ["65+"]], services: [[], ["chat", "parish"]]};
  for (const districts of lists.districts)
    for (const ageGroups of lists.ageGroups)
      for (const services of lists.services)
        for (const measure of ["people", "contacts"] as const)
          for (const [from, to] of [
            [null, null],
            ["2020-10-19", "2020-11-01"]
          ] as Array<[string | null, string | null]>) {
            for (const query of Object.values(
              exploreQueries({...emptyState, districts, ageGroups, services, measure, from, to})
            )) {
              expect(warm).toContain(query.sql);
            }
          }
});

test("exploreQueries gives each chart and the table its own builder's query", () => {
  const s = state({
    districts: ["03", "25"],
    ageGroups: ["18-24"],
    services: ["chat"],
    from: "2020-10-19",
    to: "2020-11-01",
    measure: "contacts"
  });
  expect(exploreQueries(s)).toEqual({
    timeline: timelineQuery(s),
    districts: districtsQuery(s),
    ageGroups: ageGroupsQuery(s),
    services: servicesQuery(s),
    channels: channelsQuery(s),
    viewContacts: districtContactsQuery(s)
  });
});

describe("one query answers every chart", () => {
  const states = chartStates;

  test("chartsQuery split by chartParts gives exactly each chart's own query's rows", async () => {
    let rowsSeen = 0;
    for (const s of states) {
      const parts = chartParts(await db.query<ChartsRow>(chartsQuery(s)));
      const own = exploreQueries(s);
      expect(parts.timeline, `timeline ${JSON.stringify(s)}`).toEqual(await db.query(own.timeline));
      if (s.measure === "contacts")
        expect(parts.districts, `districts ${JSON.stringify(s)}`).toEqual(await db.query(own.districts));
      else expect(parts.districts).toEqual([]);
      expect(parts.services, `services ${JSON.stringify(s)}`).toEqual(await db.query(own.services));
      expect(parts.channels, `channels ${JSON.stringify(s)}`).toEqual(await db.query(own.channels));
      expect(parts.viewContacts, `view ${JSON.stringify(s)}`).toEqual(await db.query(own.viewContacts));
      rowsSeen += Object.values(parts).reduce((n, rows) => n + rows.length, 0);
    }
    // Not a comparison of empty answers: the states reach rows of every part.
    expect(rowsSeen).toBeGreaterThan(200);
  });

  test("its text never changes with the state, so the page prepares it once", () => {
    const texts = new Set(states.map((s) => chartsQuery(s).sql));
    expect(texts.size).toBe(1);
    // And no filter value is in it.
    expect(chartsQuery(states[2]!).sql).not.toContain("chat");
  });
});
