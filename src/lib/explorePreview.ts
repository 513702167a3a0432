// The explorer's unfiltered view computed in JS from the small published files, for the charts drawn
// before DuckDB-WASM (several MB) has arrived. Each function gives what the explorer's own query or
// figures.ts call gives for the empty state, so the charts do not change when DuckDB takes over.
import type {CategoryRow, TimelineRow} from "./exploreQueries.js";
import {districtName, type DistrictNames} from "./districtNames.js";
import {figure, figureBars, type Filters, type Published} from "./figures.js";
import type {Language} from "./strings.js";

type Count = number | null | undefined;

/** Sums of *value* per *key*, as the explorer's SQL aggregate: value (null when every cell is hidden), hidden, cells. */
export function aggregateBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => Count) {
  const groups = new Map<string, {key: string; value: number | null; hidden: number; cells: number}>();
  for (const row of rows) {
    const k = key(row);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = {key: k, value: null, hidden: 0, cells: 0}));
    const v = value(row);
    group.cells += 1;
    if (v == null) group.hidden += 1;
    else group.value = (group.value ?? 0) + v;
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const isoDay = (date: Date | string) => (date instanceof Date ? date.toISOString().slice(0, 10) : date);

/** Crisis contacts per ISO week, all services (timelineQuery with no filter). */
export function previewTimeline(national: readonly {week_start: Date | string; contacts: Count}[]): TimelineRow[] {
  return aggregateBy(
    national,
    (row) => isoDay(row.week_start),
    (row) => row.contacts
  ).map(({key, value, hidden, cells}) => ({week_start: key, value, hidden, cells}));
}

/** Contacts per service (servicesQuery with no filter) or records per channel (channelsQuery). */
export function previewCategories<T>(rows: readonly T[], key: keyof T, value: keyof T): CategoryRow[] {
  return aggregateBy(
    rows,
    (row) => String(row[key]),
    (row) => row[value] as Count
  ).map((group) => ({...group, label: group.key}));
}

/** People per district or age group as figures.ts answers them: exact where any published table holds the figure. */
export function peopleBars(
  published: Published,
  by: "hospital_district" | "wellbeing_services_county" | "age_group",
  filters: Filters,
  label: (key: string) => string
) {
  return figureBars(published, "people", by, filters, label).map((bar) => ({
    ...bar,
    figure: figure(published, "people", {...filters, [by]: [bar.key]})
  }));
}

type Rows = ReadonlyArray<Record<string, unknown>>;

/** The published files the preview is drawn from, each as read (rows). */
export interface PreviewTables<National, Publications> {
  national: National;
  publications: Publications;
  districts: ReadonlyArray<DistrictNames & {code: string}>;
  peopleByDistrictAge: Rows;
  peopleByDistrict: Rows;
  peopleByAge: Rows;
}

/** What the explorer's preview is drawn from: the tables figures.ts answers from, and the districts' names in *lang*. */
export function previewData<National, Publications>(
  {
    national,
    publications,
    districts,
    peopleByDistrictAge,
    peopleByDistrict,
    peopleByAge
  }: PreviewTables<National, Publications>,
  lang: Language
) {
  const published: Published = {
    tables: {
      people_by_district_age: peopleByDistrictAge,
      people_by_district: peopleByDistrict,
      people_by_age: peopleByAge
    }
  } as Published;
  const districtNames: ReadonlyMap<string, string> = new Map(districts.map((d) => [d.code, districtName(d, lang)]));
  return {national, publications, published, districtNames};
}
