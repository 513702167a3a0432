// The SQL console: read-only DuckDB SQL over the published tables, with the tables and columns listed,
// results as a table and a quick chart, errors shown where they are, and a cancel button.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import type {Database, QueryResult} from "./db.js";
import {csvBlob, parquetBlob, saveBlob} from "./downloads.js";
import {catalogQuery} from "../lib/exploreQueries.js";
import {fillTemplate, formatCount, formatDate, plural} from "../lib/format.js";
import {QueryError} from "../lib/queryError.js";
import {strings, type Language} from "../lib/strings.js";

export interface SqlConsoleOptions {
  /** **sql** – the text to start with (from the URL): shown, not run, until the person presses Run. */
  sql?: string;
  /** **onRun** – called with the text each time it is run, so the page can put it in the URL. */
  onRun?: (sql: string) => void;
  /** **maxRows** – rows shown in the table, so a large result cannot freeze the page (all rows go into downloads). */
  maxRows?: number;
  lang?: Language;
}

export interface SqlConsole {
  element: HTMLElement;
  /** Puts *sql* in the editor without running it, and clears the last result. */
  show(sql: string): void;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

export async function SqlConsole(
  db: Database,
  {sql = "", onRun, maxRows = 10_000, lang = "en"}: SqlConsoleOptions = {}
): Promise<SqlConsole> {
  const t = strings[lang].explore;
  const catalog = await db.query<{table_name: string; column_name: string; data_type: string}>(
    catalogQuery(db.tables())
  );
  const byTable = new Map<string, string[]>();
  for (const {table_name, column_name, data_type} of catalog) {
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), `${column_name} ${data_type}`]);
  }
  const editor = html`<textarea
    class="sql-editor"
    rows="6"
    spellcheck="false"
    aria-label=${t.sqlTitle}
  ></textarea>` as HTMLTextAreaElement;
  const runButton = html`<button type="button" class="sql-run">${t.run}</button>` as HTMLButtonElement;
  const cancelButton = html`<button type="button" class="sql-cancel" disabled>
    ${t.cancel}
  </button>` as HTMLButtonElement;
  const status = html`<div class="sql-status" role="status" aria-live="polite"></div>` as HTMLElement;
  const output = html`<div class="sql-output"></div>` as HTMLElement;
  const tables = html`<details class="sql-tables">
    <summary>${t.sqlTables} (${byTable.size})</summary>
    <ul>
      ${[...byTable].map(
        ([name, columns]) =>
          html`<li>
            <button type="button" class="sql-table" data-table=${name}>${name}</button>
            <small>${columns.join(", ")}</small>
          </li>`
      )}
    </ul>
  </details>` as HTMLElement;
  tables.addEventListener("click", (event) => {
    const name = (event.target as HTMLElement).closest<HTMLElement>("[data-table]")?.dataset.table;
    if (name) ((editor.value = `SELECT * FROM ${name} LIMIT 100`), editor.focus());
  });

  let controller: AbortController | undefined;
  let last: QueryResult | undefined;

  async function run(): Promise<void> {
    const text = editor.value;
    controller?.abort();
    output.replaceChildren();
    last = undefined;
    if (!text.trim()) return void (status.textContent = "");
    onRun?.(text);
    const current = (controller = new AbortController());
    runButton.disabled = true;
    cancelButton.disabled = false;
    status.className = "sql-status";
    status.textContent = t.running;
    try {
      const result = await db.queryResult(text, {signal: current.signal});
      if (current !== controller) return;
      last = result;
      showResult(result);
    } catch (error) {
      if (current !== controller) return;
      if (error instanceof DOMException && error.name === "AbortError") {
        status.className = "sql-status sql-cancelled";
        status.textContent = t.cancelled;
      } else if (error instanceof QueryError && error.refused) {
        // The check's reason in the page's language; the keyword is the reader's own typing.
        const reason = error.refusal
          ? fillTemplate(t.refusals[error.refusal.code], {keyword: error.refusal.keyword ?? ""})
          : error.message;
        showError(t.refused, reason, error.position, "refused");
      } else {
        const message = error instanceof Error ? error.message : String(error);
        showError(t.error, message, error instanceof QueryError ? error.position : null, "error");
      }
    } finally {
      if (current === controller) ((runButton.disabled = false), (cancelButton.disabled = true));
    }
  }

  function showError(
    kind: string,
    message: string,
    position: {line: number; column: number} | null,
    className: string
  ) {
    status.className = `sql-status sql-${className}`;
    const where = position ? ` (${fill(t.at, position)})` : "";
    status.replaceChildren(
      html`<strong>${kind}${where}:</strong> <span class="sql-message">${message.split("\n")[0]}</span>`
    );
    if (position) {
      // Select the offending spot in the editor, so the person sees where it is.
      const lines = editor.value.split("\n");
      const offset =
        lines.slice(0, position.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + position.column - 1;
      editor.setSelectionRange(offset, Math.min(offset + 1, editor.value.length));
    }
  }

  function showResult(result: QueryResult) {
    const {columns, rows} = result;
    status.className = "sql-status sql-ok";
    status.textContent =
      rows.length > maxRows
        ? fill(plural(rows.length, t.rowsShown, {lang}), {
            count: formatCount(rows.length, {lang}),
            shown: formatCount(maxRows, {lang})
          })
        : fill(plural(rows.length, t.rows, {lang}), {count: formatCount(rows.length, {lang})});
    const cell = (value: unknown) =>
      value == null
        ? html`<td class="null">${t.nullCell}</td>`
        : value instanceof Date
          ? html`<td>${formatDate(value, {lang})}</td>`
          : typeof value === "number"
            ? html`<td class="number">${value}</td>`
            : html`<td>${typeof value === "object" ? JSON.stringify(value) : String(value)}</td>`;
    const table = html`<div class="table-scroll" tabindex="0" role="region" aria-label=${t.resultTable}>
      <table class="sql-result">
        <thead>
          <tr>
            ${columns.map(({name}) => html`<th>${name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.slice(0, maxRows).map(
            (row) =>
              html`<tr>
                ${columns.map(({name}) => cell(row[name]))}
              </tr>`
          )}
        </tbody>
      </table>
    </div>`;
    const downloads = html`<div class="downloads">
      ${t.download}:
      <button type="button" data-download="sql-csv">${t.downloadCsv}</button>
      <button type="button" data-download="sql-parquet">${t.downloadParquet}</button>
    </div>` as HTMLElement;
    downloads.addEventListener("click", async (event) => {
      const kind = (event.target as HTMLElement).dataset.download;
      if (!last) return;
      if (kind === "sql-csv") saveBlob(csvBlob(last.columns, last.rows), "vuoto-query.csv");
      if (kind === "sql-parquet") saveBlob(await parquetBlob(last.columns, last.rows), "vuoto-query.parquet");
    });
    output.replaceChildren(
      QuickChart(result, {width: Math.max(320, output.clientWidth || 640), lang}),
      table,
      downloads
    );
  }

  runButton.addEventListener("click", () => void run());
  cancelButton.addEventListener("click", () => controller?.abort());
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) (event.preventDefault(), void run());
  });

  const element = html`<div class="sql-console">
    <p class="explore-note">${t.sqlHelp}</p>
    ${tables}${editor}
    <div class="sql-actions">${runButton} ${cancelButton}</div>
    ${status}${output}
  </div>` as HTMLElement;

  // SQL that came with a link is shown, not run: a link must not make someone's browser do work (or run
  // a query that would never end) before they have read it.
  function show(text: string) {
    controller?.abort();
    editor.value = text;
    output.replaceChildren();
    last = undefined;
    status.className = "sql-status";
    status.textContent = text.trim() ? t.sqlFromLink : "";
  }
  show(sql);

  return {element, show};
}

/** The first numeric column by the first text or date column, as bars (text) or a line (dates). */
export function QuickChart(
  result: QueryResult,
  {width = 640, lang = "en"}: {width?: number; lang?: Language} = {}
): HTMLElement {
  const t = strings[lang].explore;
  const x = result.columns.find(({type}) => type === "string" || type === "date");
  const y = result.columns.find(({type}) => type === "int" || type === "double");
  if (!x || !y || result.rows.length === 0) return html`<p class="explore-note">${t.noChart}</p>` as HTMLElement;
  const rows = result.rows.slice(0, x.type === "date" ? 5000 : 40);
  const chart =
    x.type === "date"
      ? Plot.plot({
          width,
          height: 200,
          x: {type: "utc"},
          y: {grid: true, label: y.name},
          marks: [Plot.lineY(rows, {x: x.name, y: y.name}), Plot.ruleY([0])]
        })
      : Plot.plot({
          width,
          height: 24 + rows.length * 18,
          marginLeft: 140,
          x: {grid: true, label: y.name},
          y: {label: null},
          marks: [
            Plot.barX(rows, {y: x.name, x: y.name, fill: "var(--theme-foreground-focus, steelblue)", sort: null}),
            Plot.ruleX([0])
          ]
        });
  return html`<figure class="quick-chart" data-quick-chart>
    <figcaption>${fill(t.quickChart, {x: x.name, y: y.name})}</figcaption>
    ${chart}
  </figure>` as HTMLElement;
}
