// The explorer's charts answered in the page, from the published tables read once through DuckDB: a
// filter change sent chartsQuery to DuckDB-WASM's worker and waited for an Arrow table back, 86 ms at
// p95 of the 103 ms a change took (issue 15: 50 ms). The tables are small (a few thousand rows), so a
// pass over them in plain code takes about a millisecond. Plain code rather than arquero: arquero
// compiles its expressions with Function(), which the site's Content-Security-Policy forbids.
//
// chartsAnswer() gives exactly what chartsQuery() split by chartParts() gives on DuckDB, row for row and
// in the same order (test/explore/chartsInMemory.test.ts checks it on real Parquet), so SQL stays the
// definition and this is its fast path. Each comparison below is the SQL's, NULLs included.
import type {ExploreState} from "./exploreState.js";
import type {CategoryRow, chartParts, TimelineRow} from "./exploreQueries.js";

/** A DATE as DuckDB hands it over: a string in Node, a Date (UTC midnight) in the browser. */
type DateCell = string | Date;

export interface ChartTables {
  crisis_national_weekly: ReadonlyArray<{week_start: DateCell; service: string; contacts: number | null}>;
  crisis_by_district_period: ReadonlyArray<{
    hospital_district: string;
    service: string;
    grain: string;
    period_start: DateCell;
    period_end: DateCell;
    contacts: number | null;
  }>;
  publications_by_day_channel: ReadonlyArray<{date: DateCell; channel: string; records: number | null}>;
  hospital_districts: ReadonlyArray<{code: string; short_fi: string | null}>;
}

/** The tables chartsAnswer reads, each read whole (`SELECT *`) once. */
export const chartTableNames = [
  "crisis_national_weekly",
  "crisis_by_district_period",
  "publications_by_day_channel",
  "hospital_districts"
] as const satisfies ReadonlyArray<keyof ChartTables>;

export type ChartAnswer = ReturnType<typeof chartParts>;

const DAY = 86_400_000;
const isoDay = (cell: DateCell): string =>
  typeof cell === "string" ? cell.slice(0, 10) : cell.toISOString().slice(0, 10);

interface NationalRow {
  week: string;
  weekEnd: string;
  week_start: DateCell;
  service: string;
  contacts: number | null;
}
interface DistrictRow {
  start: string;
  end: string;
  period_start: DateCell;
  hospital_district: string;
  service: string;
  weekly: boolean;
  contacts: number | null;
}
interface PublicationRow {
  day: string;
  channel: string;
  records: number | null;
}

/** The tables with their dates as ISO days, once: every comparison after that is between strings. */
export interface PreparedTables {
  national: NationalRow[];
  // The district periods' totals over all services (service 'all') are left out, as every query does.
  byService: DistrictRow[];
  publications: PublicationRow[];
  shortNames: Map<string, string | null>;
}

export function prepareChartTables(tables: ChartTables): PreparedTables {
  return {
    national: tables.crisis_national_weekly.map((row) => {
      const week = isoDay(row.week_start);
      // SQL's week_start + 6: the week's last day.
      const weekEnd = new Date(Date.parse(`${week}T00:00:00Z`) + 6 * DAY).toISOString().slice(0, 10);
      return {week, weekEnd, week_start: row.week_start, service: row.service, contacts: row.contacts};
    }),
    byService: tables.crisis_by_district_period
      .filter((row) => row.service !== "all")
      .map((row) => ({
        start: isoDay(row.period_start),
        end: isoDay(row.period_end),
        period_start: row.period_start,
        hospital_district: row.hospital_district,
        service: row.service,
        weekly: row.grain === "week",
        contacts: row.contacts
      })),
    publications: tables.publications_by_day_channel.map((row) => ({
      day: isoDay(row.date),
      channel: row.channel,
      records: row.records
    })),
    shortNames: new Map(tables.hospital_districts.map((row) => [row.code, row.short_fi]))
  };
}

// anyOf() in exploreQueries.ts: every row for an empty list, else the values split as the SQL splits them.
const LIST_SEPARATOR = "\x1f";
function anyOf(values: string[]): (value: string | null) => boolean {
  if (values.length === 0) return () => true;
  const set = new Set(values.join(LIST_SEPARATOR).split(LIST_SEPARATOR));
  return (value) => value !== null && set.has(value);
}

// overlaps(): a NULL `to` takes every row; with `to` set, a NULL `from` takes none (a comparison with NULL).
function overlaps({from, to}: ExploreState): (start: string, end: string) => boolean {
  if (to === null) return () => true;
  if (from === null) return () => false;
  return (start, end) => start <= to && end >= from;
}

// within(): a NULL `from` takes every row; BETWEEN with a NULL `to` takes none.
function within({from, to}: ExploreState): (day: string) => boolean {
  if (from === null) return () => true;
  if (to === null) return () => false;
  return (day) => day >= from && day <= to;
}

interface Sum {
  first: DateCell | string;
  value: number | null;
  hidden: number;
  cells: number;
}

/** sum(x), count(*) − count(x) and count(*) per key, as the queries' aggregate() gives them. */
class Sums {
  readonly groups = new Map<string, Sum>();
  add(key: string, value: number | null, first: DateCell | string = key) {
    let sum = this.groups.get(key);
    if (!sum) this.groups.set(key, (sum = {first, value: null, hidden: 0, cells: 0}));
    sum.cells += 1;
    if (value === null) sum.hidden += 1;
    else sum.value = (sum.value ?? 0) + value;
  }
  /** The groups in ORDER BY's order: by key, byte by byte (the keys are codes and ISO days). */
  sorted(): Array<[string, Sum]> {
    return [...this.groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  categories(label: (key: string) => string = (key) => key): CategoryRow[] {
    return this.sorted().map(([key, {value, hidden, cells}]) => ({key, label: label(key), value, hidden, cells}));
  }
}

/**
 * Every chart's rows and the table's contacts for *state*: exactly chartParts(chartsQuery(state)) on the
 * same tables. Cross-filtering as in the queries: each chart leaves out its own dimension's filter.
 */
export function chartsAnswer(tables: PreparedTables, state: ExploreState): ChartAnswer {
  const inDistricts = anyOf(state.districts);
  const inServices = anyOf(state.services);
  const inRange = overlaps(state);
  const byNation = state.districts.length === 0;

  // Timeline (no time filter): the national table, or the chosen districts' weekly rows.
  const timeline = new Sums();
  if (byNation) {
    for (const row of tables.national)
      if (inServices(row.service)) timeline.add(row.week, row.contacts, row.week_start);
  } else {
    for (const row of tables.byService)
      if (row.weekly && inDistricts(row.hospital_district) && inServices(row.service))
        timeline.add(row.start, row.contacts, row.period_start);
  }

  // Services (no service filter), districts' contacts (no district filter) and the table's contacts.
  const services = new Sums();
  const districts = new Sums();
  const viewContacts = new Sums();
  if (byNation) {
    for (const row of tables.national) if (inRange(row.week, row.weekEnd)) services.add(row.service, row.contacts);
  }
  for (const row of tables.byService) {
    if (!inRange(row.start, row.end)) continue;
    if (!byNation && inDistricts(row.hospital_district)) services.add(row.service, row.contacts);
    if (inServices(row.service)) {
      districts.add(row.hospital_district, row.contacts);
      viewContacts.add(row.hospital_district, row.contacts);
    }
  }

  const channels = new Sums();
  const inDays = within(state);
  for (const row of tables.publications) if (inDays(row.day)) channels.add(row.channel, row.records);

  return {
    timeline: timeline
      .sorted()
      .map(([, {first, value, hidden, cells}]): TimelineRow => ({week_start: first, value, hidden, cells})),
    districts: state.measure === "contacts" ? districts.categories((key) => tables.shortNames.get(key) ?? key) : [],
    services: services.categories(),
    channels: channels.categories(),
    viewContacts: viewContacts.sorted().map(([hospital_district, {value, hidden}]) => ({
      hospital_district,
      contacts: value,
      contacts_hidden_cells: hidden
    }))
  };
}
