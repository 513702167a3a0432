// The published tables: the only data that reaches the built site, and the one contract that the
// publisher (src/node/publish/), the audit, the loaders (src/data/), the explorer's queries, the pages
// and the README's table list all derive from. Each is a small Parquet cube of counts computed from
// data/current/, suppressed and audited as one system, and handed out by one loader each
// (src/data/<file>.ts). In every count column, NULL means *suppressed* (a count of 1 to threshold-1, or
// a cell hidden so that it cannot be recomputed); it never means 0.
//
// People are counted once each: a person whose records disagree is counted under the lowest district
// code, the youngest age group, the first sex in SEXES order and the earliest breach wave; a person is
// "published", "e-mailed" or "reported" if any of their records has that date, on the earliest one.
//
// Adding a table is its spec here plus its query in src/node/publish/aggregate.ts: test/lib/
// publishedTables.test.ts checks that every spec has a query, a loader and a README entry.
import {
  AGE_GROUPS,
  BREACH_WAVES,
  CHANNELS,
  COUNTY_CODES,
  DATA_CATEGORIES,
  DISTRICT_CODES,
  SERVICES,
  SEXES,
  withUnknown
} from "./schema.js";

export type PublishedColumnType = "VARCHAR" | "INTEGER" | "DATE" | "DOUBLE" | "BOOLEAN";

/** What a measure counts. Events are publications of stolen records, not people, so no rule protects them. */
export type Counted = "people" | "records" | "contacts" | "events";

/**
 * The audit's disclosure rules (AUDIT_RULES in src/node/publish/audit.ts, which a test keeps in step):
 * `threshold` no count from 1 to threshold-1; `marginals` parts add up to their total; `consistent`
 * some whole counts fit everything published; `protection` every hidden count's provable range is at
 * least the threshold wide; `groupAttributes` beside a hidden count of people, no part of them is 0 or all.
 */
export type DisclosureRule = "threshold" | "marginals" | "consistent" | "protection" | "groupAttributes";

/** A dimension's values in published order: a fixed list, or calendar dates that span the export period. */
export type DimensionValues = readonly string[] | "days" | "weeks";

/** Every categorical dimension of the published tables, with its values ('unknown' last where an export may leave it unknown). */
export const dimensionValues = {
  hospital_district: withUnknown(DISTRICT_CODES),
  wellbeing_services_county: withUnknown(COUNTY_CODES),
  age_group: withUnknown(AGE_GROUPS),
  sex: withUnknown(SEXES),
  breach_wave: withUnknown(BREACH_WAVES),
  data_category: DATA_CATEGORIES,
  channel: CHANNELS,
  service: SERVICES
} as const satisfies Record<string, readonly string[]>;
export type CategoricalDimension = keyof typeof dimensionValues;

export interface PublishedDimension {
  column: string;
  values: DimensionValues;
}

export interface PublishedMeasure {
  column: string;
  counts: Counted;
  /** The measure of the same row that this one is a part of (people e-mailed ≤ people). */
  partOf?: string;
  /** The rules that protect it; empty only for a measure that counts no people (see `Counted`). */
  protectedBy: readonly DisclosureRule[];
}

export interface PublishedTableSpec {
  /** Table name, as loaded into DuckDB-WASM and used in the SQL console. */
  name: string;
  /** The loader's output path under src/ (FileAttachment name); the loader is src/<file>.ts. */
  file: string;
  description: string;
  /** What one row is. */
  grain: string;
  /** The columns that identify a row, with their values. Other non-count columns follow from them. */
  dimensions: readonly PublishedDimension[];
  measures: readonly PublishedMeasure[];
  /**
   * For the tables of people: the group of crossed dimensions whose finest cells the table's cells add
   * up (the disclosure model's atoms). Tables of one group tile each other; different groups share only
   * the total.
   */
  peopleGroup?: "district_age" | "sex" | "wave";
  columns: Record<string, PublishedColumnType>;
  /** Count columns: NULL when suppressed. The measures that some rule protects. */
  counts: readonly string[];
}

const PROTECTED: readonly DisclosureRule[] = ["threshold", "marginals", "consistent", "protection"];

/** The people measures of a people table: everyone, and the parts of them published, e-mailed, reported. */
const PEOPLE_MEASURES: readonly PublishedMeasure[] = [
  {column: "people", counts: "people", protectedBy: PROTECTED},
  ...["people_published", "people_emailed", "people_reported"].map((column) => ({
    column,
    counts: "people" as const,
    partOf: "people",
    protectedBy: [...PROTECTED, "groupAttributes"] as const
  }))
];

type TableInput = Omit<PublishedTableSpec, "columns" | "counts"> & {
  /**
   * Columns that are neither a dimension nor a measure (a period's grain and end), each placed after
   * the column named in `after`: the Parquet files keep the column order they have always had.
   */
  derived?: Record<string, {type: PublishedColumnType; after: string}>;
};

/** A spec with its columns (dimensions, then measures, in the files' order) and count columns filled in. */
function table(input: TableInput): PublishedTableSpec {
  const {derived = {}, ...spec} = input;
  const type = (values: DimensionValues): PublishedColumnType => (typeof values === "string" ? "DATE" : "VARCHAR");
  const ordered: Array<[string, PublishedColumnType]> = [
    ...spec.dimensions.map(({column, values}): [string, PublishedColumnType] => [column, type(values)]),
    ...spec.measures.map(({column}): [string, PublishedColumnType] => [column, "INTEGER"])
  ];
  for (const [column, {type, after}] of Object.entries(derived))
    ordered.splice(ordered.findIndex(([name]) => name === after) + 1, 0, [column, type]);
  const counts = spec.measures.filter((measure) => measure.protectedBy.length > 0).map((measure) => measure.column);
  return {...spec, columns: Object.fromEntries(ordered), counts};
}

const district = {column: "hospital_district", values: dimensionValues.hospital_district};
const age = {column: "age_group", values: dimensionValues.age_group};

export const publishedTables: readonly PublishedTableSpec[] = [
  table({
    name: "people_by_district_age",
    file: "data/people-by-district-age.parquet",
    description: "People affected by hospital district and age group ('unknown' where not known).",
    grain: "hospital district × age group",
    dimensions: [district, age],
    measures: PEOPLE_MEASURES,
    peopleGroup: "district_age"
  }),
  table({
    name: "people_by_district",
    file: "data/people-by-district.parquet",
    description: "People affected by hospital district.",
    grain: "hospital district",
    dimensions: [district],
    measures: PEOPLE_MEASURES,
    peopleGroup: "district_age"
  }),
  table({
    name: "people_by_county",
    file: "data/people-by-county.parquet",
    description:
      "People affected by wellbeing services county (2023), from a municipality-coded export (format 1.1); no rows when the export has hospital districts only.",
    grain: "wellbeing services county",
    dimensions: [{column: "wellbeing_services_county", values: dimensionValues.wellbeing_services_county}],
    measures: PEOPLE_MEASURES,
    peopleGroup: "district_age"
  }),
  table({
    name: "people_by_age",
    file: "data/people-by-age.parquet",
    description: "People affected by age group.",
    grain: "age group",
    dimensions: [age],
    measures: PEOPLE_MEASURES,
    peopleGroup: "district_age"
  }),
  table({
    name: "people_by_sex",
    file: "data/people-by-sex.parquet",
    description: "People affected by sex ('unknown' where not known).",
    grain: "sex",
    dimensions: [{column: "sex", values: dimensionValues.sex}],
    measures: PEOPLE_MEASURES,
    peopleGroup: "sex"
  }),
  table({
    name: "people_by_wave",
    file: "data/people-by-wave.parquet",
    description: "People affected by breach wave ('1', '2' or 'unknown').",
    grain: "breach wave",
    dimensions: [{column: "breach_wave", values: dimensionValues.breach_wave}],
    measures: PEOPLE_MEASURES,
    peopleGroup: "wave"
  }),
  table({
    name: "people_by_category",
    file: "data/people-by-category.parquet",
    description: "People with at least one record holding each kind of data (categories overlap).",
    grain: "kind of data",
    dimensions: [{column: "data_category", values: dimensionValues.data_category}],
    // Categories overlap, so each is a part of all people but they do not add up to them.
    measures: [{column: "people", counts: "people", protectedBy: PROTECTED}]
  }),
  table({
    name: "daily_timeline",
    file: "data/daily-timeline.parquet",
    description:
      "Per day, nationally: records first published, people first e-mailed, people who first reported to the police.",
    grain: "day (Europe/Helsinki)",
    dimensions: [{column: "date", values: "days"}],
    measures: [
      {column: "records_published", counts: "records", protectedBy: PROTECTED},
      {column: "people_emailed", counts: "people", protectedBy: PROTECTED},
      {column: "people_reported", counts: "people", protectedBy: PROTECTED}
    ]
  }),
  table({
    name: "publications_by_day_channel",
    file: "data/publications-by-day-channel.parquet",
    description: "Records published per day (Europe/Helsinki) and channel, from the publication events.",
    grain: "day × channel",
    dimensions: [
      {column: "date", values: "days"},
      {column: "channel", values: dimensionValues.channel}
    ],
    measures: [
      {column: "records", counts: "records", protectedBy: PROTECTED},
      // A publication is an act of the extortionist, public in itself, and says nothing about a person.
      {column: "events", counts: "events", protectedBy: []}
    ]
  }),
  table({
    name: "crisis_by_district_period",
    file: "data/crisis-by-district-period.parquet",
    description:
      "Crisis-aid contacts by hospital district, service and period. Districts too small for weekly figures are shown by month (grain = 'month': the ISO weeks whose Thursday falls in that month). Rows with service = 'all' are each district period's total over the services.",
    grain: "hospital district × service × week, or month for a small district",
    dimensions: [
      district,
      // 'all': the district period's total over the services (ALL_SERVICES in src/node/publish/crisis.ts).
      {column: "service", values: [...dimensionValues.service, "all"]},
      {column: "period_start", values: "weeks"}
    ],
    derived: {grain: {type: "VARCHAR", after: "service"}, period_end: {type: "DATE", after: "period_start"}},
    measures: [{column: "contacts", counts: "contacts", protectedBy: PROTECTED}]
  }),
  table({
    name: "crisis_national_weekly",
    file: "data/crisis-national-weekly.parquet",
    description: "Crisis-aid contacts in all districts together, by ISO week (Monday start) and service.",
    grain: "ISO week × service",
    dimensions: [
      {column: "week_start", values: "weeks"},
      {column: "service", values: dimensionValues.service}
    ],
    measures: [{column: "contacts", counts: "contacts", protectedBy: PROTECTED}]
  }),
  {
    name: "hospital_districts",
    file: "data/hospital-districts.parquet",
    description: "Reference: hospital districts, names, population at end of 2019, tile-map position.",
    grain: "hospital district (reference data, no counts)",
    dimensions: [{column: "code", values: DISTRICT_CODES}],
    measures: [],
    columns: {
      code: "VARCHAR",
      name_fi: "VARCHAR",
      name_sv: "VARCHAR",
      name_en: "VARCHAR",
      short_fi: "VARCHAR",
      erva: "INTEGER",
      erva_name: "VARCHAR",
      population_2019: "INTEGER",
      tile_col: "INTEGER",
      tile_row: "INTEGER"
    },
    counts: []
  },
  {
    name: "wellbeing_counties",
    file: "data/wellbeing-counties.parquet",
    description:
      "Reference: wellbeing services counties (2023), the City of Helsinki and Åland, names, population at end of 2019.",
    grain: "wellbeing services county (reference data, no counts)",
    dimensions: [{column: "code", values: COUNTY_CODES}],
    measures: [],
    columns: {
      code: "VARCHAR",
      name_fi: "VARCHAR",
      name_sv: "VARCHAR",
      name_en: "VARCHAR",
      population_2019: "INTEGER"
    },
    counts: []
  }
];

/**
 * headline.json (src/data/headline.json): national totals, each a number or null when suppressed,
 * plus `{threshold, synthetic, export: {...public part of the manifest}}`. `measure` is the measure
 * whose total the figure is, in the tables' terms.
 */
export const headlineCounts = [
  {name: "people", counts: "people", measure: "people"},
  {name: "records", counts: "records", measure: "records"},
  {name: "records_published", counts: "records", measure: "records_published", partOf: "records"},
  {name: "people_emailed", counts: "people", measure: "people_emailed", partOf: "people"},
  {name: "people_reported", counts: "people", measure: "people_reported", partOf: "people"},
  {name: "crisis_contacts", counts: "contacts", measure: "contacts"}
] as const satisfies ReadonlyArray<{name: string; counts: Counted; measure: string; partOf?: string}>;
export type HeadlineCount = (typeof headlineCounts)[number]["name"];
export const HEADLINE_COUNTS: readonly HeadlineCount[] = headlineCounts.map((count) => count.name);
/** headline.json's national totals: null when suppressed. */
export type HeadlineCounts = Record<HeadlineCount, number | null>;

export function publishedTable(name: string): PublishedTableSpec {
  const spec = publishedTables.find((table) => table.name === name);
  if (!spec) throw new Error(`unknown published table: ${name}`);
  return spec;
}

/** The published table a loader (src/<file>.ts) hands out, from the loader's own file name. */
export function publishedTableForLoader(loader: string): PublishedTableSpec {
  const file = loader.replace(/^.*\/src\//, "").replace(/\.ts$/, "");
  const spec = publishedTables.find((table) => table.file === file);
  if (!spec) throw new Error(`unknown published table for loader ${file}: add it to src/lib/publishedTables.ts`);
  return spec;
}

/** Published tables that hold counts: the ones suppression and the audit work on. */
export const countTables: readonly PublishedTableSpec[] = publishedTables.filter((table) => table.counts.length > 0);

/** The README's list of published tables, generated from the specs (a test keeps the README in step). */
export function publishedTablesMarkdown(): string {
  const measure = (m: PublishedMeasure) =>
    `\`${m.column}\` (${m.counts}${m.partOf ? `, ≤ \`${m.partOf}\`` : ""}${m.protectedBy.length ? "" : ", counts no people: not suppressed"})`;
  const rows = publishedTables.map(
    (spec) =>
      `| \`${spec.name}\` | ${spec.grain} | ${spec.measures.map(measure).join(", ") || "none (reference data)"} | ${spec.description} |`
  );
  const header = ["| table | one row per | measures (what each counts) | description |", "| --- | --- | --- | --- |"];
  return [...header, ...rows].join("\n");
}

/** The measures that are a part of the people counted in the same row of a people table. */
export function peopleSubmeasures(): string[] {
  const columns = publishedTables
    .filter((spec) => spec.peopleGroup)
    .flatMap((spec) => spec.measures.filter((m) => m.partOf === "people").map((m) => m.column));
  return [...new Set(columns)];
}
