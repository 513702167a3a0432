// Problems found in an export, grouped per (file, column, problem) so that a million bad lines print as
// five examples and a count, and the loader's two outputs for people: the text report and --json.
import type {TableName} from "../../lib/schema.js";

/** `identifier`: the export carries identifiers and is refused (exit 2); `invalid`: exit 1. */
export type ProblemKind = "identifier" | "invalid";

export interface Problem {
  kind: ProblemKind;
  file: string;
  /** In a workbook: the sheet, as workbook.ts labels it (`sheet 1 "affected_records"`). */
  sheet?: string;
  column?: string;
  /** What is wrong, without the cell value, e.g. `unknown hospital_district`. */
  message: string;
  /** What to do, where useful. */
  hint?: string;
  /**
   * Up to EXAMPLES lines (or Parquet or sheet rows), each with the cell value where it may be shown and,
   * in a workbook, the cell's reference (A12).
   */
  examples: Array<{line: number; value?: string; cell?: string}>;
  /** Lines with this problem, at least examples.length; 0 for a problem with the whole file. */
  count: number;
  /** Parquet and workbooks have rows, not lines. */
  unit?: "line" | "row";
}

export const EXAMPLES = 5;
const VALUE_WIDTH = 24;

export interface TableCounts {
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  date_range: {min: string | null; max: string | null};
}

export interface Totals {
  people: number;
  records: number;
  records_published: number;
  people_emailed: number;
  people_reported: number;
  crisis_contacts: number;
}

export interface LoadSummary {
  ok: boolean;
  exitCode: 0 | 1 | 2;
  export_id: string | null;
  tables: Partial<Record<TableName, TableCounts & {file: string}>>;
  totals: Totals | null;
  problems: Problem[];
  warnings: string[];
  /** Where the dataset went, when it was written. */
  dataset?: string;
  content_hash?: string;
}

const count = new Intl.NumberFormat("en-US");

function showValue(value: string): string {
  const short = value.length > VALUE_WIDTH ? `${value.slice(0, VALUE_WIDTH)}…` : value;
  return JSON.stringify(short);
}

/** One problem as text lines: `file:line: column: message: "value"; hint`, then the count of the rest. */
export function formatProblem(problem: Problem): string[] {
  const {file, column, message, hint, examples, count: n} = problem;
  const place = (line?: number, cell?: string) =>
    cell ? `: ${cell}` : line === undefined ? "" : problem.unit === "row" ? `: row ${line}` : `:${line}`;
  const where = (line?: number, cell?: string) =>
    `${file}${problem.sheet ? `: ${problem.sheet}` : ""}${place(line, cell)}: ${column ? `${column}: ` : ""}`;
  const tail = hint ? `; ${hint}` : "";
  if (examples.length === 0) return [`${where()}${message}${tail}`];
  const lines = examples.map(
    ({line, value, cell}) =>
      `${where(line, cell)}${message}${value === undefined ? "" : `: ${showValue(value)}`}${tail}`
  );
  const more = n - examples.length;
  if (more > 0)
    lines.push(`  … and ${count.format(more)} more ${problem.unit === "row" ? "rows" : "lines"} with the same problem`);
  return lines;
}

export function formatProblems(problems: Problem[]): string {
  return problems.flatMap(formatProblem).join("\n");
}

function range({min, max}: TableCounts["date_range"]): string {
  return min === null ? "" : `; dates ${min === max ? min : `${min} – ${max}`}`;
}

/** The per-table summary people read after a load. */
export function formatSummary(summary: LoadSummary): string {
  const out: string[] = [];
  for (const [table, t] of Object.entries(summary.tables)) {
    out.push(
      `${table} (${t.file}): ${count.format(t.rows)} rows read, ${count.format(t.accepted)} accepted, ` +
        `${count.format(t.rejected)} rejected, ${count.format(t.duplicates)} duplicates${range(t.date_range)}`
    );
  }
  if (summary.totals) {
    const {people, records, records_published, people_emailed, people_reported, crisis_contacts} = summary.totals;
    out.push(
      `people ${count.format(people)}, records ${count.format(records)} (published ${count.format(records_published)}), ` +
        `people e-mailed ${count.format(people_emailed)}, people who reported ${count.format(people_reported)}, ` +
        `crisis contacts ${count.format(crisis_contacts)}`
    );
  }
  return out.join("\n");
}

/** The --json object: exactly one per run, on stdout. */
export function summaryJson(summary: LoadSummary): string {
  const tables = Object.fromEntries(
    Object.entries(summary.tables).map(([name, t]) => [
      name,
      {rows: t.rows, accepted: t.accepted, rejected: t.rejected, duplicates: t.duplicates}
    ])
  );
  return JSON.stringify({ok: summary.ok, export_id: summary.export_id, tables, totals: summary.totals});
}
