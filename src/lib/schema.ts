// Export format v1.1: the machine-readable schema of an anonymised incident export, and the normalised
// (private) dataset that `npm run load` writes to data/current/. The README documents the same format
// for people; tests check that the two agree.

export const SCHEMA_VERSION = "1.1";
/** Format versions this Vuoto reads: 1.1 only adds the optional `municipality` column to 1. */
export const READABLE_SCHEMA_VERSIONS: readonly string[] = ["1", "1.1"];

/** Statistics Finland hospital-district codes (2020–2022), as in data/reference/hospital-districts.csv. */
export const DISTRICT_CODES = [
  "00", "03", "04", "05", "06", "07", "08", "09", "10", "11",
  "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "25"
] as const; // prettier-ignore
/**
 * Wellbeing services counties (2023) as in data/reference/wellbeing-services-counties.csv: 01–21, the City
 * of Helsinki (90) and Åland (91). Published only from a municipality-coded export (format 1.1).
 */
export const COUNTY_CODES = [
  "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11",
  "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "90", "91"
] as const; // prettier-ignore
/** The value of a dimension an export left unknown (a district, an age group, a wave). */
export const UNKNOWN = "unknown";
export const UNKNOWN_DISTRICT = UNKNOWN;

/** Dates before this are implausible for this breach (Vastaamo was founded in 2008): the loader refuses them. */
export const EARLIEST_DATE = "2008-01-01";

export const AGE_GROUPS = ["0-14", "15-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const;
/** Age groups of minors, shown apart in every age breakdown. */
export const MINOR_AGE_GROUPS: readonly string[] = ["0-14", "15-17"];
export const SEXES = ["female", "male", "other"] as const;
export const BREACH_WAVES = ["1", "2"] as const;
export const DATA_CATEGORIES = ["contact", "identity_code", "therapy_notes", "treatment_plan", "statements"] as const;
export const CHANNELS = ["tor_site", "tor_forum", "imageboard", "file_host", "email", "other"] as const;
export const SERVICES = [
  "crisis_helpline",
  "victim_support",
  "red_cross_helpline",
  "health_centre",
  "parish",
  "chat",
  "other"
] as const;
export const BREACH_RELATED = ["yes", "no", "unknown"] as const;

/**
 * A dimension's values as the normalised dataset and the published tables hold them: the listed
 * values in their order, then `unknown` (an export may leave a district, age group or wave unknown).
 */
export function withUnknown<T extends string>(values: readonly T[]): readonly (T | typeof UNKNOWN)[] {
  return [...values, UNKNOWN];
}

export type TableName = "affected_records" | "publication_events" | "crisis_contacts";

/**
 * How a column's text is read:
 * - `key`: non-empty text (pseudonymous key or id);
 * - `district`: a district code, Finnish or Swedish name (any case, with or without diacritics), or `unknown`;
 * - `municipality`: Statistics Finland's 3-digit municipality code, or the Finnish or Swedish name (any case);
 * - `enum`: one of `values`; `enumList`: `|`-separated values from `values`;
 * - `date`: `YYYY-MM-DD` or Finnish `D.M.YYYY` (a Europe/Helsinki local date);
 * - `dateOrTimestamp`: a date, or an ISO 8601 timestamp with offset;
 * - `integer`: a whole number, at least `min`;
 * - `text`: free text (never published).
 */
export type FieldKind =
  "key" | "district" | "municipality" | "enum" | "enumList" | "date" | "dateOrTimestamp" | "integer" | "text";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** The column must be present in the file. Optional columns may be left out and then read as empty. */
  required: boolean;
  /** The column may be left out when this other column is present (the value is then derived from it). */
  derivableFrom?: string;
  /** A cell may be empty. */
  nullable: boolean;
  values?: readonly string[];
  min?: number;
  /** What an empty cell means, where it means something other than "not known". */
  emptyMeans?: string;
  description: string;
}

export interface TableSpec {
  name: TableName;
  required: boolean;
  /** Columns whose combination must be unique; duplicates are reported. */
  unique?: string[];
  fields: FieldSpec[];
  description: string;
}

export const exportTables: readonly TableSpec[] = [
  {
    name: "affected_records",
    required: true,
    description: "One row per patient record found in the stolen data.",
    fields: [
      {name: "person_key", kind: "key", required: true, nullable: false, description: "Pseudonymous key of a person; one person can have several records."},
      {name: "hospital_district", kind: "district", required: true, derivableFrom: "municipality", nullable: false, description: "Hospital district of residence: code, Finnish or Swedish name, or `unknown`; derived from the municipality when there is one, and must agree with it."},
      {name: "municipality", kind: "municipality", required: false, nullable: true, description: "Municipality of residence (format 1.1): Statistics Finland's 3-digit code, or the Finnish or Swedish name; never published."},
      {name: "age_group", kind: "enum", values: AGE_GROUPS, required: false, nullable: true, description: "Age group at the time of the breach."},
      {name: "sex", kind: "enum", values: SEXES, required: false, nullable: true, description: "Sex."},
      {name: "breach_wave", kind: "enum", values: BREACH_WAVES, required: false, nullable: true, description: "`1`: copied in November 2018; `2`: accessed from the end of November 2018 to March 2019."},
      {name: "data_categories", kind: "enumList", values: DATA_CATEGORIES, required: false, nullable: true, description: "Kinds of data in the record, `|`-separated."},
      {name: "published_on", kind: "date", required: false, nullable: true, description: "Date the record was first published."},
      {name: "emailed_on", kind: "date", required: false, nullable: true, description: "Date the person first received an extortion e-mail."},
      {name: "reported_on", kind: "date", required: false, nullable: true, description: "Date the person filed a police report."}
    ]
  },
  {
    name: "publication_events",
    required: true,
    unique: ["event_id"],
    description: "One row per publication of stolen records.",
    fields: [
      {name: "event_id", kind: "key", required: true, nullable: false, description: "Unique id of the event."},
      {name: "occurred_at", kind: "dateOrTimestamp", required: true, nullable: false, description: "When it happened: a date, or a timestamp with offset."},
      {name: "channel", kind: "enum", values: CHANNELS, required: true, nullable: false, description: "Where the records were published."},
      {name: "records", kind: "integer", min: 0, required: true, nullable: false, description: "Number of records published."},
      {name: "description", kind: "text", required: false, nullable: true, description: "Free text; kept private, never published."}
    ]
  },
  {
    name: "crisis_contacts",
    required: true,
    unique: ["date", "hospital_district", "municipality", "service"],
    description: "One row per day, hospital district (or municipality) and service.",
    fields: [
      {name: "date", kind: "date", required: true, nullable: false, description: "Day of the contacts."},
      {name: "hospital_district", kind: "district", required: true, derivableFrom: "municipality", nullable: false, description: "Hospital district: code, Finnish or Swedish name, or `unknown`; derived from the municipality when there is one, and must agree with it."},
      {name: "municipality", kind: "municipality", required: false, nullable: true, description: "Municipality of the people contacting the service (format 1.1): Statistics Finland's 3-digit code, or the Finnish or Swedish name; never published."},
      {name: "service", kind: "enum", values: SERVICES, required: true, nullable: false, description: "Service contacted."},
      {name: "contacts", kind: "integer", min: 0, required: true, nullable: false, description: "Number of contacts."},
      {name: "breach_related", kind: "enum", values: BREACH_RELATED, required: false, nullable: true, emptyMeans: "unknown", description: "Whether the contacts were about the breach."}
    ]
  }
]; // prettier-ignore

/** Manifest fields an export may carry in manifest.json. */
export const MANIFEST_FIELDS = [
  "export_id",
  "produced_by",
  "produced_at",
  "period_start",
  "period_end",
  "schema_version",
  "notes",
  /** `true` when the export is made-up data: the pages then say so. */
  "synthetic"
] as const;

/** File name extensions accepted for a table, in the order they are looked for. */
export const TABLE_EXTENSIONS = [".csv", ".csv.gz", ".tsv", ".ndjson", ".jsonl", ".parquet", ".xlsx", ".txt"] as const;

/**
 * The normalised dataset in data/current/ (private; never served): one Parquet file per table with
 * these DuckDB types, plus manifest.json. Districts are codes or `unknown`; listed values are lower case;
 * data_categories is the set of categories spelled canonically (schema order, `|`-joined, each once);
 * empty cells are NULL (breach_related: `unknown`); dates are Europe/Helsinki local dates.
 */
export const normalisedColumns: Record<TableName, Record<string, string>> = {
  affected_records: {
    person_key: "VARCHAR",
    hospital_district: "VARCHAR",
    municipality: "VARCHAR",
    age_group: "VARCHAR",
    sex: "VARCHAR",
    breach_wave: "VARCHAR",
    data_categories: "VARCHAR",
    published_on: "DATE",
    emailed_on: "DATE",
    reported_on: "DATE"
  },
  publication_events: {
    event_id: "VARCHAR",
    occurred_at: "TIMESTAMPTZ",
    occurred_on: "DATE",
    channel: "VARCHAR",
    records: "INTEGER",
    description: "VARCHAR"
  },
  crisis_contacts: {
    date: "DATE",
    hospital_district: "VARCHAR",
    municipality: "VARCHAR",
    service: "VARCHAR",
    contacts: "INTEGER",
    breach_related: "VARCHAR"
  }
};
