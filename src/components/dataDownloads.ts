// The download menu under a chart or table: its data as a ZIP that carries its context (as shown and in
// full), as CSV for Finnish Excel, as XLSX and as JSON-stat 2. Files are made in the page from the rows
// the chart already holds; nothing is fetched. The code that writes the files (the ZIP writer, Arrow
// for the CSV) is imported on the first click: it would otherwise be some 30 KB gzipped loaded before
// every report page's first chart (issue 15's budget).
import type {DataContext} from "../lib/dataPackage.js";
import type {ResultColumn} from "../lib/exportFiles.js";
import {releaseVersion} from "../lib/release.js";
import {strings, type Language} from "../lib/strings.js";
import type {Headline} from "./exportBadge.js";

const writers = () => import("../lib/dataPackage.js");

type Rows = Array<Record<string, unknown>>;

/** Column types from the values: numbers are int or double, Dates dates, the rest text. */
export function columnsOf(rows: Rows): ResultColumn[] {
  const names = Object.keys(rows[0] ?? {});
  return names.map((name) => {
    const values = rows.map((row) => row[name]).filter((v) => v != null);
    const type = values.every((v) => typeof v === "number" || typeof v === "bigint")
      ? values.every((v) => Number.isInteger(Number(v)))
        ? "int"
        : "double"
      : values.every((v) => v instanceof Date)
        ? "date"
        : "string";
    return {name, type} as ResultColumn;
  });
}

export interface DataDownloadsOptions {
  lang?: Language;
  headline: Headline;
  /** The published table the rows come from. */
  table: string;
  title: string;
  unit: string;
  /** The rows as the chart shows them, and how they were narrowed, when that differs from the full table. */
  shown?: {rows: Rows; filter: string};
}

/** *rows* (the full published table) with buttons that save it in each format. */
export function DataDownloads(rows: Rows, {lang = "en", headline, table, title, unit, shown}: DataDownloadsOptions) {
  const text = strings[lang].downloads;
  const citation = {
    title: strings[lang].print.title,
    release: releaseVersion(headline.export.content_hash as string | undefined, headline.threshold, headline.policy),
    exportId: headline.export.export_id,
    year: typeof headline.export.produced_at === "string" ? headline.export.produced_at.slice(0, 4) : null,
    url: location.href.replace(/[?#].*$/, "")
  };
  const context = (filter: string | null): DataContext => ({
    lang,
    table,
    title,
    unit,
    threshold: headline.threshold,
    citation,
    filter
  });
  const columns = columnsOf(rows);
  const bytes = (data: Uint8Array, type: string) => new Blob([data.slice().buffer], {type});
  type Action = [label: string, make: () => Promise<Blob> | Blob, file: string];
  const actions: Action[] = [
    ...(shown
      ? ([
          [
            text.zipShown,
            async () =>
              bytes((await writers()).dataPackageZip(columns, shown.rows, context(shown.filter)), "application/zip"),
            `${table}-shown.zip`
          ]
        ] as Action[])
      : []),
    [
      text.zipFull,
      async () => bytes((await writers()).dataPackageZip(columns, rows, context(null)), "application/zip"),
      `${table}.zip`
    ],
    [
      text.excelCsv,
      async () => new Blob([(await writers()).toFinnishExcelCsv(columns, rows)], {type: "text/csv;charset=utf-8"}),
      `${table}-fi.csv`
    ],
    [
      text.xlsx,
      async () => {
        // Loaded only when someone asks for a spreadsheet.
        const {default: writeXlsxFile} = await import("write-excel-file/browser");
        const sheet = [
          columns.map(({name}) => ({value: name, fontWeight: "bold" as const})),
          ...rows.map((row) => columns.map(({name}) => ({value: (row[name] ?? null) as never})))
        ];
        // Dates (a week's start, a day) need a format, or the writer refuses the whole sheet.
        return writeXlsxFile(sheet, {dateFormat: "yyyy-mm-dd"}).toBlob();
      },
      `${table}.xlsx`
    ],
    [
      text.jsonStat,
      async () =>
        new Blob([JSON.stringify((await writers()).toJsonStat(columns, rows, context(null)))], {
          type: "application/json"
        }),
      `${table}.json`
    ]
  ];
  const details = document.createElement("details");
  details.className = "vuoto-downloads vuoto-no-print";
  const summary = document.createElement("summary");
  summary.textContent = text.heading;
  details.append(summary);
  for (const [label, make, name] of actions) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", async () => {
      const [blob, {saveBlob}] = await Promise.all([make(), import("./downloads.js")]);
      saveBlob(blob, name);
    });
    details.append(button);
  }
  return details;
}
