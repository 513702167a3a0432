// The published system: every published table's rows plus the headline totals, as one value, so that
// suppression and the audit always see all of it together.
import {publishedTables, type PublishedTableSpec} from "../../lib/publishedTables.js";

export type CellValue = string | number | null;
export type TableRow = Record<string, CellValue>;

export const HEADLINE_COUNTS = [
  "people",
  "records",
  "records_published",
  "people_emailed",
  "people_reported",
  "crisis_contacts"
] as const;
export type HeadlineCount = (typeof HEADLINE_COUNTS)[number];
export type Headline = Record<HeadlineCount, number | null>;

export interface PublishedSystem {
  /** Rows of every published table that holds counts (NULL = suppressed), by table name. */
  tables: Record<string, TableRow[]>;
  headline: Headline;
}

/** Published tables that hold counts: the ones suppression and the audit work on. */
export const countTables: readonly PublishedTableSpec[] = publishedTables.filter((table) => table.counts.length > 0);

/**
 * The columns that identify a row of each table. A table's other non-count columns follow from them
 * (a period's grain and end from its district and start) or, like `events`, are not counts of people,
 * records or contacts.
 */
export const tableDimensions: Record<string, string[]> = {
  people_by_district_age: ["hospital_district", "age_group"],
  people_by_district: ["hospital_district"],
  people_by_age: ["age_group"],
  people_by_sex: ["sex"],
  people_by_wave: ["breach_wave"],
  people_by_category: ["data_category"],
  daily_timeline: ["date"],
  publications_by_day_channel: ["date", "channel"],
  crisis_by_district_period: ["hospital_district", "service", "period_start"],
  crisis_national_weekly: ["week_start", "service"]
};

/** A cell's coordinates for messages: its table's dimension values (never a count). */
export function cellKey(table: string, row: TableRow): string {
  const dims = tableDimensions[table] ?? [];
  return dims.length ? dims.map((dim) => `${dim}=${row[dim]}`).join(", ") : "total";
}
