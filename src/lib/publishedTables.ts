// The published tables: the only data that reaches the built site. Each is a small Parquet cube of
// counts computed by src/node/publish/ from data/current/, suppressed and audited as one system, and
// handed out by one loader each (src/data/<file>). In every count column, NULL means *suppressed*
// (a count of 1 to threshold-1, or a cell hidden so that one cannot be recomputed); it never means 0.
//
// People are counted once each: a person whose records disagree is counted under the lowest district
// code, the youngest age group, the first sex in SEXES order and the earliest breach wave; a person is
// "published", "e-mailed" or "reported" if any of their records has that date, on the earliest one.

export type PublishedColumnType = "VARCHAR" | "INTEGER" | "DATE" | "DOUBLE" | "BOOLEAN";

export interface PublishedTableSpec {
  /** Table name, as loaded into DuckDB-WASM and used in the SQL console. */
  name: string;
  /** The loader's output path under src/ (FileAttachment name). */
  file: string;
  description: string;
  columns: Record<string, PublishedColumnType>;
  /** Count columns (NULL when suppressed). */
  counts: string[];
}

const PEOPLE_COUNTS = ["people", "people_published", "people_emailed", "people_reported"];
const peopleColumns = {
  people: "INTEGER",
  people_published: "INTEGER",
  people_emailed: "INTEGER",
  people_reported: "INTEGER"
} as const;

export const publishedTables: readonly PublishedTableSpec[] = [
  {
    name: "people_by_district_age",
    file: "data/people-by-district-age.parquet",
    description: "People affected by hospital district and age group ('unknown' where not known).",
    columns: {hospital_district: "VARCHAR", age_group: "VARCHAR", ...peopleColumns},
    counts: PEOPLE_COUNTS
  },
  {
    name: "people_by_district",
    file: "data/people-by-district.parquet",
    description: "People affected by hospital district.",
    columns: {hospital_district: "VARCHAR", ...peopleColumns},
    counts: PEOPLE_COUNTS
  },
  {
    name: "people_by_age",
    file: "data/people-by-age.parquet",
    description: "People affected by age group.",
    columns: {age_group: "VARCHAR", ...peopleColumns},
    counts: PEOPLE_COUNTS
  },
  {
    name: "people_by_sex",
    file: "data/people-by-sex.parquet",
    description: "People affected by sex ('unknown' where not known).",
    columns: {sex: "VARCHAR", ...peopleColumns},
    counts: PEOPLE_COUNTS
  },
  {
    name: "people_by_wave",
    file: "data/people-by-wave.parquet",
    description: "People affected by breach wave ('1', '2' or 'unknown').",
    columns: {breach_wave: "VARCHAR", ...peopleColumns},
    counts: PEOPLE_COUNTS
  },
  {
    name: "people_by_category",
    file: "data/people-by-category.parquet",
    description: "People with at least one record holding each kind of data (categories overlap).",
    columns: {data_category: "VARCHAR", people: "INTEGER"},
    counts: ["people"]
  },
  {
    name: "daily_timeline",
    file: "data/daily-timeline.parquet",
    description:
      "Per day, nationally: records first published, people first e-mailed, people who first reported to the police.",
    columns: {date: "DATE", records_published: "INTEGER", people_emailed: "INTEGER", people_reported: "INTEGER"},
    counts: ["records_published", "people_emailed", "people_reported"]
  },
  {
    name: "publications_by_day_channel",
    file: "data/publications-by-day-channel.parquet",
    description: "Records published per day (Europe/Helsinki) and channel, from the publication events.",
    columns: {date: "DATE", channel: "VARCHAR", records: "INTEGER", events: "INTEGER"},
    counts: ["records"]
  },
  {
    name: "crisis_by_district_period",
    file: "data/crisis-by-district-period.parquet",
    description:
      "Crisis-aid contacts by hospital district, service and period. Districts too small for weekly figures are shown by month (grain = 'month': the ISO weeks whose Thursday falls in that month). Rows with service = 'all' are each district period's total over the services.",
    columns: {
      hospital_district: "VARCHAR",
      service: "VARCHAR",
      grain: "VARCHAR",
      period_start: "DATE",
      period_end: "DATE",
      contacts: "INTEGER"
    },
    counts: ["contacts"]
  },
  {
    name: "crisis_national_weekly",
    file: "data/crisis-national-weekly.parquet",
    description: "Crisis-aid contacts in all districts together, by ISO week (Monday start) and service.",
    columns: {week_start: "DATE", service: "VARCHAR", contacts: "INTEGER"},
    counts: ["contacts"]
  },
  {
    name: "hospital_districts",
    file: "data/hospital-districts.parquet",
    description: "Reference: hospital districts, names, population at end of 2019, tile-map position.",
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
  }
];

/**
 * headline.json (src/data/headline.json): national totals, each a number or null when suppressed:
 * `{people, records, records_published, people_emailed, people_reported, crisis_contacts}`, plus
 * `{threshold, synthetic, export: {...public part of the manifest}}`.
 */
export const HEADLINE_FILE = "data/headline.json";

export function publishedTable(name: string): PublishedTableSpec {
  const spec = publishedTables.find((table) => table.name === name);
  if (!spec) throw new Error(`unknown published table: ${name}`);
  return spec;
}
