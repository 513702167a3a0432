// The published system: every published table's rows plus the headline totals, as one value, so that
// suppression and the audit always see all of it together.
import {HEADLINE_COUNTS, countTables, type HeadlineCounts} from "../../lib/publishedTables.js";

export type CellValue = string | number | null;
export type TableRow = Record<string, CellValue>;

export {HEADLINE_COUNTS, countTables};
export type {HeadlineCount} from "../../lib/publishedTables.js";
// Re-exported so that the engine's modules keep their imports; the definitions live in the contract.
export type Headline = HeadlineCounts;

export interface PublishedSystem {
  /** Rows of every published table that holds counts (NULL = suppressed), by table name. */
  tables: Record<string, TableRow[]>;
  headline: Headline;
}

/**
 * The columns that identify a row of each table. A table's other non-count columns follow from them
 * (a period's grain and end from its district and start) or, like `events`, are not counts of people,
 * records or contacts.
 */
export const tableDimensions: Record<string, string[]> = Object.fromEntries(
  countTables.map((spec) => [spec.name, spec.dimensions.map((dimension) => dimension.column)])
);

/** A cell's coordinates for messages: its table's dimension values (never a count). */
export function cellKey(table: string, row: TableRow): string {
  const dims = tableDimensions[table] ?? [];
  return dims.length ? dims.map((dim) => `${dim}=${row[dim]}`).join(", ") : "total";
}
