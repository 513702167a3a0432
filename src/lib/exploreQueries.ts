// Pure SQL builders for the Explore page's linked charts and table, over the published tables.
//
// Cross-filtering: each chart is filtered by every active filter except its own dimension, so the
// bars a person can still click stay visible (the selected ones are highlighted by the chart).
// Every aggregate also counts the suppressed (NULL) cells it skipped: a sum with `hidden > 0` is a
// lower bound, and a sum that is NULL rests on suppressed cells only.
import {emptyState, type ExploreState, type FilterKey} from "./exploreState.js";
import type {ResultColumn} from "./exportFiles.js";
import {DISTRICT_CODES} from "./schema.js";
import {ident, joinSql, raw, sql, type BoundQuery} from "./sql.js";

/** One bar of a categorical chart. */
export interface CategoryRow {
  key: string;
  label: string;
  /** The sum of the published cells; null when every cell is suppressed. */
  value: number | null;
  /** How many cells were suppressed (NULL) and so left out of value. */
  hidden: number;
  cells: number;
}

/** One week of the timeline. */
export interface TimelineRow {
  week_start: Date | string;
  value: number | null;
  hidden: number;
  cells: number;
}

function where(conditions: BoundQuery[]): BoundQuery {
  return sql`WHERE ${joinSql(
    conditions.map((c) => sql`(${c})`),
    " AND "
  )}`;
}

// Every filter is written as one fixed text whatever its value (an empty list or no range switches it
// off through a parameter), so each query's text never changes with the state: DuckDB-WASM prepares it
// once, at page load, and a filter change only binds new values. Every parameter is cast, because a
// parameter of unknown type makes DuckDB plan the statement again on each run.
// Columns here are fixed names from this module, never user input; values are bound.
const LIST_SEPARATOR = "\x1f";

/** Rows whose *column* is one of *values*; every row when *values* is empty. */
function anyOf(column: string, values: string[]): BoundQuery {
  const all = values.length === 0;
  return sql`${all}::BOOLEAN OR list_contains(string_split(${values.join(LIST_SEPARATOR)}::VARCHAR, chr(31)), ${raw(column)})`;
}

/** Periods [startColumn, endColumn] that overlap the brushed range; every row when nothing is brushed. */
function overlaps(startColumn: string, endColumn: string, {from, to}: ExploreState): BoundQuery {
  return sql`${to}::DATE IS NULL OR (${raw(startColumn)} <= ${to}::DATE AND ${raw(endColumn)} >= ${from}::DATE)`;
}

function within(column: string, {from, to}: ExploreState): BoundQuery {
  return sql`${from}::DATE IS NULL OR ${raw(column)} BETWEEN ${from}::DATE AND ${to}::DATE`;
}

const aggregate = (column: string): BoundQuery =>
  raw(`sum(${column})::DOUBLE AS value, (count(*) - count(${column}))::INTEGER AS hidden, count(*)::INTEGER AS cells`);

/** The district periods' totals over all services (service 'all') are left out: the services are summed here. */
const byService = raw("service <> 'all'");

/** The state without one dimension's filter, for the chart that draws that dimension. */
function without(state: ExploreState, key: FilterKey): ExploreState {
  if (key === "time") return {...state, from: null, to: null};
  return {...state, [key]: []};
}

/**
 * Crisis contacts per ISO week. With no district filter this is the national table (fewer suppressed
 * cells); with one, the weekly rows of those districts (districts published by month are left out).
 */
export function timelineQuery(state: ExploreState): BoundQuery {
  const s = without(state, "time");
  if (s.districts.length === 0) {
    return sql`SELECT week_start, ${aggregate("contacts")}
      FROM crisis_national_weekly ${where([anyOf("service", s.services)])}
      GROUP BY week_start ORDER BY week_start`;
  }
  return sql`SELECT period_start AS week_start, ${aggregate("contacts")}
    FROM crisis_by_district_period
    ${where([raw("grain = 'week'"), byService, anyOf("hospital_district", s.districts), anyOf("service", s.services)])}
    GROUP BY period_start ORDER BY period_start`;
}

/** People affected (by age filter) or crisis contacts (by time and service filters), per hospital district. */
export function districtsQuery(state: ExploreState): BoundQuery {
  const s = without(state, "districts");
  const source =
    s.measure === "people"
      ? sql`SELECT hospital_district, ${aggregate("people")} FROM people_by_district_age
          ${where([anyOf("age_group", s.ageGroups)])} GROUP BY hospital_district`
      : sql`SELECT hospital_district, ${aggregate("contacts")} FROM crisis_by_district_period
          ${where([byService, anyOf("service", s.services), overlaps("period_start", "period_end", s)])} GROUP BY hospital_district`;
  return sql`SELECT t.hospital_district AS key, coalesce(d.short_fi, t.hospital_district) AS label, t.value, t.hidden, t.cells
    FROM (${source}) t LEFT JOIN hospital_districts d ON d.code = t.hospital_district
    ORDER BY t.hospital_district`;
}

/** People affected per age group, in the selected districts. */
export function ageGroupsQuery(state: ExploreState): BoundQuery {
  const s = without(state, "ageGroups");
  return sql`SELECT age_group AS key, age_group AS label, ${aggregate("people")}
    FROM people_by_district_age ${where([anyOf("hospital_district", s.districts)])}
    GROUP BY age_group ORDER BY age_group`;
}

/** Crisis contacts per service, in the selected districts and time range. */
export function servicesQuery(state: ExploreState): BoundQuery {
  const s = without(state, "services");
  const agg = aggregate("contacts");
  if (s.districts.length === 0) {
    return sql`SELECT service AS key, service AS label, ${agg} FROM crisis_national_weekly
      ${where([overlaps("week_start", "week_start + 6", s)])} GROUP BY service ORDER BY service`;
  }
  return sql`SELECT service AS key, service AS label, ${agg} FROM crisis_by_district_period
    ${where([byService, anyOf("hospital_district", s.districts), overlaps("period_start", "period_end", s)])}
    GROUP BY service ORDER BY service`;
}

/** Records published per channel in the brushed time range (channels are national only). */
export function channelsQuery(state: ExploreState): BoundQuery {
  return sql`SELECT channel AS key, channel AS label, ${aggregate("records")}
    FROM publications_by_day_channel ${where([within("date", state)])}
    GROUP BY channel ORDER BY channel`;
}

/** The columns of the filtered table, in order, with their types (for CSV and Parquet downloads). */
export const viewColumns: ResultColumn[] = [
  {name: "hospital_district", type: "string"},
  {name: "district_name", type: "string"},
  {name: "people", type: "int"},
  {name: "people_hidden_cells", type: "int"},
  {name: "contacts", type: "int"},
  {name: "contacts_hidden_cells", type: "int"}
];

export interface ViewRow {
  hospital_district: string;
  district_name: string | null;
  people: number | null;
  people_hidden_cells: number | null;
  contacts: number | null;
  contacts_hidden_cells: number | null;
}

/**
 * The current view as a table: per hospital district, people affected in the selected age groups and
 * crisis contacts for the selected services and time range, each with the number of suppressed
 * cells its sum left out. Every filter applies here.
 */
export function viewQuery(state: ExploreState): BoundQuery {
  const districts = anyOf("hospital_district", state.districts);
  return sql`WITH p AS (
      SELECT hospital_district, sum(people)::DOUBLE AS people, (count(*) - count(people))::INTEGER AS people_hidden_cells
      FROM people_by_district_age ${where([districts, anyOf("age_group", state.ageGroups)])}
      GROUP BY hospital_district),
    c AS (
      SELECT hospital_district, sum(contacts)::DOUBLE AS contacts, (count(*) - count(contacts))::INTEGER AS contacts_hidden_cells
      FROM crisis_by_district_period
      ${where([districts, byService, anyOf("service", state.services), overlaps("period_start", "period_end", state)])}
      GROUP BY hospital_district)
    SELECT hospital_district, d.short_fi AS district_name, people, people_hidden_cells, contacts, contacts_hidden_cells
    FROM p FULL JOIN c USING (hospital_district) LEFT JOIN hospital_districts d ON d.code = hospital_district
    ORDER BY hospital_district`;
}

/**
 * Crisis contacts per hospital district for the selected services and time range, every district: the
 * contacts of viewQuery before its district filter, which viewRows (exploreView.ts) applies. Its answer
 * does not change with the district, age and measure filters, so the page keeps it across them.
 */
export function districtContactsQuery(state: ExploreState): BoundQuery {
  return sql`SELECT hospital_district, sum(contacts)::DOUBLE AS contacts, (count(*) - count(contacts))::INTEGER AS contacts_hidden_cells
    FROM crisis_by_district_period
    ${where([byService, anyOf("service", state.services), overlaps("period_start", "period_end", state)])}
    GROUP BY hospital_district ORDER BY hospital_district`;
}

/** Every row of a published table (one of the small people tables, for figures.ts). */
export function tableRowsQuery(table: string): BoundQuery {
  return {sql: `SELECT * FROM ${ident(table)}`, params: []};
}

/** The tables and columns the SQL console can query, from DuckDB's own catalogue. */
export function catalogQuery(tables: string[]): BoundQuery {
  return sql`SELECT table_name, column_name, data_type FROM information_schema.columns
    ${where([anyOf("table_name", tables)])}
    ORDER BY table_name, ordinal_position`;
}

/**
 * Every query behind the Explore page for *state*: one per chart, and the table's contacts (its people
 * come from figures.ts, so the page puts the table together with viewRows rather than run viewQuery).
 */
export function exploreQueries(state: ExploreState) {
  return {
    timeline: timelineQuery(state),
    districts: districtsQuery(state),
    ageGroups: ageGroupsQuery(state),
    services: servicesQuery(state),
    channels: channelsQuery(state),
    viewContacts: districtContactsQuery(state)
  };
}

/**
 * States that between them reach every query text exploreQueries() builds (national and district
 * sources, both district measures): running them once at page load prepares every statement, so no
 * filter change waits for DuckDB to plan one.
 */
export const warmUpStates: ExploreState[] = [
  emptyState,
  {...emptyState, districts: [DISTRICT_CODES[0]], measure: "contacts"}
];

/** The parts of chartsQuery's answer, each one chart's rows (or the table's contacts). */
export type ChartPart = "timeline" | "districts" | "services" | "channels" | "viewContacts";

/** One row of chartsQuery: *part* says whose; timeline rows have a week, the others a key. */
export interface ChartsRow {
  part: ChartPart;
  key: string | null;
  label: string | null;
  week_start: Date | string | null;
  value: number | null;
  hidden: number;
  cells: number | null;
}

/** *query*'s rows as *part*, in chartsQuery's columns, and only where *when* holds (a bound flag). */
function asPart(part: ChartPart, query: BoundQuery, when: boolean, columns: string): BoundQuery {
  return sql`SELECT ${raw(`'${part}'`)} AS part, ${raw(columns)} FROM (${query}) WHERE ${when}::BOOLEAN`;
}

const CATEGORY_COLUMNS = "key, label, NULL::DATE AS week_start, value, hidden, cells";

/**
 * Every chart's rows and the table's contacts in one query (UNION ALL, each part tagged): a filter change
 * asked DuckDB up to five questions, each a round trip to its worker and an Arrow table back, a third of
 * the time from a change to a redraw. Each source a state can choose (national or district rows, people
 * or contacts by district) is in the text, switched on or off by a bound flag, so the text never
 * changes and is prepared once. People by district and by age are not here: figures.ts answers them.
 * chartParts() splits the answer into exactly the rows each of exploreQueries() gives (a test checks).
 */
export function chartsQuery(state: ExploreState): BoundQuery {
  // The national and the district source of a chart, both in the text; the one not chosen gets a
  // placeholder district (its flag is off, so it answers nothing either way).
  const national: ExploreState = {...state, districts: []};
  const inDistricts: ExploreState = {...state, districts: state.districts.length ? state.districts : ["--"]};
  const contacts: ExploreState = {...state, measure: "contacts"};
  const byNation = state.districts.length === 0;
  const parts = [
    asPart("timeline", timelineQuery(national), byNation, "NULL::VARCHAR AS key, NULL::VARCHAR AS label, week_start::DATE AS week_start, value, hidden, cells"),
    asPart("timeline", timelineQuery(inDistricts), !byNation, "NULL::VARCHAR AS key, NULL::VARCHAR AS label, week_start::DATE AS week_start, value, hidden, cells"),
    asPart("districts", districtsQuery(contacts), state.measure === "contacts", CATEGORY_COLUMNS),
    asPart("services", servicesQuery(national), byNation, CATEGORY_COLUMNS),
    asPart("services", servicesQuery(inDistricts), !byNation, CATEGORY_COLUMNS),
    asPart("channels", channelsQuery(state), true, CATEGORY_COLUMNS),
    asPart("viewContacts", districtContactsQuery(state), true, "hospital_district AS key, NULL::VARCHAR AS label, NULL::DATE AS week_start, contacts AS value, contacts_hidden_cells AS hidden, NULL::INTEGER AS cells")
  ]; // prettier-ignore
  // Each part in its own query's order: by week for the timeline, by key for the others.
  return sql`${joinSql(parts, "\nUNION ALL\n")}\nORDER BY part, week_start, key`;
}

/** chartsQuery's answer as each chart's rows, in the shapes of the separate queries' answers. */
export function chartParts(rows: readonly ChartsRow[]) {
  const of = (part: ChartPart) => rows.filter((row) => row.part === part);
  return {
    timeline: of("timeline").map(({week_start, value, hidden, cells}): TimelineRow => ({
      week_start: week_start!,
      value,
      hidden,
      cells: cells!
    })),
    districts: of("districts").map(categoryRow),
    services: of("services").map(categoryRow),
    channels: of("channels").map(categoryRow),
    viewContacts: of("viewContacts").map(({key, value, hidden}) => ({
      hospital_district: key!,
      contacts: value,
      contacts_hidden_cells: hidden
    }))
  };
}

const categoryRow = ({key, label, value, hidden, cells}: ChartsRow): CategoryRow => ({
  key: key!,
  label: label!,
  value,
  hidden,
  cells: cells!
});
