// Excel workbooks (`<table>.xlsx`) as researchers receive them. Every cell of every sheet, and every sheet
// name, is scanned for identifiers before anything else; then the one sheet to load (named like the table,
// or the only one holding data) is written as a UTF-8 CSV that goes through the same validation as any
// CSV. Only kinds, sheet positions and cell references (A12) leave this module, and a sheet's name only
// once it has been checked.
import {createWriteStream} from "node:fs";
import readXlsxFile from "read-excel-file/node";
import {helsinkiTimestamp} from "../../lib/time.js";
import {identifierKindLabel, type IdentifierKind} from "../privacy/identifierPatterns.js";
import type {TableFile} from "./discover.js";
import {IDENTIFIER_CANDIDATE} from "./rawScan.js";
import {EXAMPLES, type Problem} from "./report.js";
import {hasUnprintable} from "./textEncoding.js";

export interface SheetRows {
  /** How messages name the sheet: `sheet 2 "Taul1"`, or by position only when its name may not be shown. */
  label: string;
  /** The sheet row (from 1) of each CSV record: [0] is the header's row, [1] the first data row's. */
  rows: number[];
}

type Cell = string | number | boolean | Date | null;
interface Sheet {
  sheet: string;
  data: Cell[][];
}

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A cell as CSV text. Dates typed as Excel dates come as Date objects holding the wall-clock time in their
 * UTC fields: a whole day is written as YYYY-MM-DD, a moment with Helsinki's offset at that time.
 */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
    const wall = value.getTime();
    const offsetAt = (instant: number) => {
      const stamp = helsinkiTimestamp(new Date(instant));
      return Date.parse(stamp.slice(0, 19) + "Z") - instant;
    };
    return helsinkiTimestamp(new Date(wall - offsetAt(wall - offsetAt(wall))));
  }
  return String(value);
}

const isEmptyRow = (row: Cell[]) => row.every((cell) => cell === null || cell === "");

/**
 * Writes the sheet to load as CSV at *target* and returns where its records came from, or null after
 * pushing the problems that stop it (unreadable workbook, identifiers, no sheet or several to choose from).
 */
export async function workbookToCsv(file: TableFile, target: string, problems: Problem[]): Promise<SheetRows | null> {
  let sheets: Sheet[];
  try {
    // Numbers as written in the file (no float rounding), text untrimmed: the validation trims.
    sheets = (await readXlsxFile(file.path, {trim: false, parseNumber: (text: string) => text})) as Sheet[];
  } catch (error) {
    problems.push(unreadableWorkbook(file, (error as {code?: string}).code));
    return null;
  }
  const {findIdentifierKinds} = await import("../privacy/identifiers.js");
  // Per sheet and kind: rows holding it (counted once however many cells) and the first few cells.
  const hits = new Map<
    string,
    {sheet: number; kind: IdentifierKind; rows: number; last: number; examples: Array<{line: number; cell: string}>}
  >();
  const namesWithIdentifiers = new Map<number, IdentifierKind[]>();
  sheets.forEach(({sheet: name, data}, s) => {
    const kinds = findIdentifierKinds(name);
    if (kinds.length > 0) namesWithIdentifiers.set(s, kinds);
    data.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value !== "string" && typeof value !== "number") return;
        const text = String(value);
        if (text.length < 5 || !IDENTIFIER_CANDIDATE.test(text)) return;
        for (const kind of findIdentifierKinds(text)) {
          const key = `${s} ${kind}`;
          const hit = hits.get(key) ?? {sheet: s, kind, rows: 0, last: -1, examples: []};
          hits.set(key, hit);
          if (hit.last !== r) ++hit.rows;
          hit.last = r;
          if (hit.examples.length < EXAMPLES) hit.examples.push({line: r + 1, cell: `${columnLetter(c)}${r + 1}`});
        }
      })
    );
  });
  const label = (s: number) => {
    // *s* is always the index of one of *sheets*.
    const name = sheets[s]!.sheet;
    const shown = !namesWithIdentifiers.has(s) && name.length <= 31 && !hasUnprintable(name);
    return shown ? `sheet ${s + 1} ${JSON.stringify(name)}` : `sheet ${s + 1}`;
  };
  const refuse = (sheet: number, message: string, examples: Problem["examples"], count: number) =>
    problems.push({
      kind: "identifier",
      file: file.name,
      sheet: label(sheet),
      message: `${message}; the export is refused`,
      hint: "remove identifiers from the workbook and pseudonymise it before loading",
      examples,
      count,
      unit: "row"
    });
  for (const [s, kinds] of namesWithIdentifiers)
    for (const kind of kinds) refuse(s, `sheet name: identifier: ${identifierKindLabel[kind]}`, [], 0);
  for (const {sheet, kind, rows, examples} of hits.values())
    refuse(sheet, `identifier: ${identifierKindLabel[kind]}`, examples, rows);
  if (problems.some((p) => p.kind === "identifier" && p.file === file.name)) return null;
  const chosen = chooseSheet(file, sheets, label, problems);
  if (chosen === null) return null;
  const data = sheets[chosen]!.data;
  const headerIndex = data.findIndex((row) => !isEmptyRow(row));
  const rows: number[] = [];
  const out = createWriteStream(target);
  const quote = (text: string) => (text === "" ? "" : `"${text.replaceAll('"', '""')}"`);
  let width = 0;
  for (const [r, row] of data.entries()) {
    if (r < headerIndex || isEmptyRow(row)) continue;
    // Cells past the header's last one are written when they hold something: the CSV reader reports the
    // row as having too many fields.
    let last = row.length - 1;
    while (last >= 0 && (row[last] === null || row[last] === "")) --last;
    if (r === headerIndex) width = last + 1;
    const fields = Array.from({length: Math.max(width, last + 1)}, (_, c) => quote(cellText(row[c] ?? null)));
    rows.push(r + 1);
    if (!out.write(fields.join(",") + "\n")) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return {label: label(chosen), rows};
}

/** The sheet named like the table, else the only sheet holding data; otherwise a problem and null. */
function chooseSheet(
  file: TableFile,
  sheets: Sheet[],
  label: (s: number) => string,
  problems: Problem[]
): number | null {
  const named = sheets.findIndex((s) => s.sheet.trim().toLowerCase() === file.table);
  if (named >= 0) return named;
  const withData = sheets.flatMap((s, i) => (s.data.some((row) => !isEmptyRow(row)) ? [i] : []));
  const [only, ...more] = withData;
  if (only !== undefined && more.length === 0) return only;
  problems.push({
    kind: "invalid",
    file: file.name,
    message:
      withData.length === 0
        ? "empty workbook: no sheet holds any cell"
        : `${withData.length} sheets hold data (${withData.map(label).join(", ")}) and none is named ${file.table}`,
    hint:
      withData.length === 0
        ? "export the table again: it needs a header row and rows"
        : `name the sheet to load ${file.table}, or keep only that sheet in the workbook`,
    examples: [],
    count: 0
  });
  return null;
}

function unreadableWorkbook(file: TableFile, code: string | undefined): Problem {
  const old = code === "XLS_FILE_NOT_SUPPORTED";
  return {
    kind: "invalid",
    file: file.name,
    message: old
      ? "an old binary Excel workbook (.xls) named .xlsx"
      : code === "NO_DATA"
        ? "empty file"
        : "not an Excel workbook (.xlsx), or a damaged one",
    hint: old
      ? "open it in Excel and save it as Excel Workbook (.xlsx), or save the sheet as CSV"
      : "save it again from Excel as .xlsx, or export the table as CSV",
    examples: [],
    count: 0
  };
}
