// A chart's or table's data as files that carry their context: a ZIP with the CSV, metadata.json and a
// README (what the figures are, unit, source export and release, suppression and the hidden cells,
// licence, citation), and the same rows as CSV for Finnish Excel and as JSON-stat 2 (PxWeb's format).
// Pure functions over rows the page already holds: nothing is fetched, and only published figures
// (hidden cells are null) can reach a file.
import {zipSync, strToU8} from "fflate";
import {toCsv, type ResultColumn} from "./exportFiles.js";
import {citationBibtex, citationText, type Citation} from "./release.js";
import {strings, type Language} from "./strings.js";

/** The licence of the published tables. */
export const DATA_LICENCE = "CC BY 4.0";

export interface DataContext {
  lang: Language;
  /** The published table's name: people_by_district. */
  table: string;
  /** What the figures are, in the page's language (the chart's title). */
  title: string;
  unit: string;
  threshold: number;
  citation: Citation;
  /** How the rows were narrowed ("as shown"), or null for the full table. */
  filter: string | null;
}

type Rows = Array<Record<string, unknown>>;

/** Each hidden (null) count: its row number (1 = first data row) and column. */
export function hiddenCells(columns: ResultColumn[], rows: Rows): Array<{row: number; column: string}> {
  const numeric = columns.filter(({type}) => type === "int" || type === "double");
  return rows.flatMap((row, i) =>
    numeric.filter(({name}) => row[name] == null).map(({name}) => ({row: i + 1, column: name}))
  );
}

export function metadataJson(columns: ResultColumn[], rows: Rows, context: DataContext) {
  const {citation} = context;
  return {
    title: context.title,
    table: context.table,
    unit: context.unit,
    rows: rows.length,
    filter: context.filter,
    columns,
    source: {export_id: citation.exportId, release: citation.release},
    suppression: {
      threshold: context.threshold,
      rules: strings[context.lang].downloads.suppressionRule(String(context.threshold)),
      hidden_cells: hiddenCells(columns, rows)
    },
    licence: DATA_LICENCE,
    citation: {
      text: citationText(citation, strings[context.lang].print.releaseLabel, strings[context.lang].print.exportLabel),
      bibtex: citationBibtex(citation)
    }
  };
}

export function readmeText(columns: ResultColumn[], rows: Rows, context: DataContext): string {
  const text = strings[context.lang].downloads;
  const meta = metadataJson(columns, rows, context);
  return [
    context.title,
    "",
    `${text.table}: ${context.table}${context.filter ? ` (${text.asShown}: ${context.filter})` : ` (${text.full})`}`,
    `${text.unit}: ${context.unit}`,
    `${text.source}: ${meta.source.export_id}, ${text.release} ${meta.source.release}`,
    `${text.suppression}: ${meta.suppression.rules} ${text.hiddenCount(meta.suppression.hidden_cells.length)}`,
    `${text.licence}: ${DATA_LICENCE}`,
    "",
    `${text.cite}:`,
    meta.citation.text,
    "",
    meta.citation.bibtex,
    ""
  ].join("\n");
}

/** The ZIP: data.csv, metadata.json and README.txt. */
export function dataPackageZip(columns: ResultColumn[], rows: Rows, context: DataContext): Uint8Array {
  return zipSync({
    "data.csv": strToU8(toCsv(columns, rows)),
    "metadata.json": strToU8(JSON.stringify(metadataJson(columns, rows, context), null, 2) + "\n"),
    "README.txt": strToU8(readmeText(columns, rows, context))
  });
}

function excelValue(value: unknown, type: ResultColumn["type"]): string {
  if (value == null) return "";
  let text =
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : type === "double" || type === "int"
        ? String(value).replace(".", ",")
        : String(value);
  // A cell starting with = + - @ would be run as a formula by Excel.
  if (type === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV as Finnish Excel opens it: UTF-8 with a BOM, ";" between fields, a decimal comma. */
export function toFinnishExcelCsv(columns: ResultColumn[], rows: Rows): string {
  const lines = [columns.map(({name}) => excelValue(name, "string")).join(";")];
  for (const row of rows) lines.push(columns.map(({name, type}) => excelValue(row[name], type)).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/**
 * JSON-stat 2: the text and date columns are dimensions, the number columns the categories of a
 * "measure" dimension; a hidden count is null, with the status "hidden". Rows that repeat a
 * combination of dimensions would be ambiguous, so they are refused.
 */
export function toJsonStat(columns: ResultColumn[], rows: Rows, context: DataContext) {
  const key = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ""));
  const dims = columns.filter(({type}) => type !== "int" && type !== "double");
  const measures = columns.filter(({type}) => type === "int" || type === "double");
  const axes = dims.map(({name}) => ({name, values: [...new Set(rows.map((row) => key(row[name])))]}));
  const size = [...axes.map(({values}) => values.length), measures.length];
  const total = size.reduce((a, b) => a * b, 1);
  const value: Array<number | null> = new Array(total).fill(null);
  const status: Record<string, string> = {};
  const seen = new Set<number>();
  for (const row of rows) {
    let offset = 0;
    for (const {name, values} of axes) offset = offset * values.length + values.indexOf(key(row[name]));
    if (seen.has(offset))
      throw new Error(`invalid table for JSON-stat: two rows share the same ${dims.map((d) => d.name).join(", ")}`);
    seen.add(offset);
    measures.forEach(({name}, m) => {
      const cell = offset * measures.length + m;
      const v = row[name];
      value[cell] = v == null ? null : Number(v);
      if (v == null) status[cell] = "hidden";
    });
  }
  const dimension: Record<string, unknown> = Object.fromEntries(
    axes.map(({name, values}) => [name, {label: name, category: {index: values}}])
  );
  dimension.measure = {label: context.unit, category: {index: measures.map(({name}) => name)}};
  return {
    version: "2.0",
    class: "dataset",
    label: context.title,
    source: `${context.citation.exportId}, ${strings[context.lang].print.releaseLabel} ${context.citation.release}`,
    note: [
      strings[context.lang].downloads.suppressionRule(String(context.threshold)),
      `${strings[context.lang].downloads.licence}: ${DATA_LICENCE}`
    ],
    id: [...dims.map(({name}) => name), "measure"],
    size,
    role: {metric: ["measure"]},
    dimension,
    value,
    ...(Object.keys(status).length ? {status} : {})
  };
}
