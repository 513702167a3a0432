// `npm run load`: validate an export (format v1), refuse it if it carries identifiers, normalise it and
// atomically replace data/current/. Heavy work runs in DuckDB; JS only touches file headers, candidate
// cells and the lines it reports.
import {createWriteStream, rmSync} from "node:fs";
import {rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {openNodeDatabase, queryOne, type NodeDatabase} from "../duckdbNode.js";
import {IDENTIFIER_CANDIDATE_PATTERN, identifierKindLabel} from "../privacy/identifierPatterns.js";
import {ident, type BoundQuery} from "../../lib/sql.js";
import {exportTables, normalisedColumns, SCHEMA_VERSION, type FieldSpec, type TableName} from "../../lib/schema.js";
import {helsinkiDate, helsinkiTimestamp, TIME_ZONE} from "../../lib/time.js";
import {now as clockNow} from "../config.js";
import {convertForDuckDb} from "./convert.js";
import {discoverExport, fileProblem, type TableFile} from "./discover.js";
import {EXPORT_ID_SHAPE} from "./exportManifest.js";
import {scanRawText} from "./rawScan.js";
import {hasUnprintable} from "./textEncoding.js";
import {columnLetter, type SheetRows} from "./workbook.js";
import {
  headerIdentifierProblems,
  identifierCellProblem,
  scanCandidates,
  type IdentifierHits
} from "./identifiersScan.js";
import {contentHash, vuotoVersion, type DatasetManifest, type InputFile} from "./manifest.js";
import {
  csvSource,
  describeSql,
  firstBadJsonLine,
  mapCsvLines,
  mapNdjsonLines,
  MAX_LINE_BYTES,
  rejectsScanTable,
  rejectsTable,
  typedSource
} from "./read.js";
import {EXAMPLES, type LoadSummary, type Problem, type TableCounts, type Totals} from "./report.js";
import {sniffFile, sniffHead, transcodeToUtf8, type SniffedHead} from "./sniff.js";
import {
  checkedTable,
  checkedTableSql,
  checkedNormalisedSelect,
  describeProblem,
  directCopySql,
  districtAliasesSql,
  districtAliasSql,
  dupsTable,
  duplicateCountSql,
  duplicatesSql,
  uniqueColumns,
  errsTable,
  errsTableSql,
  MAX_COLUMNS,
  mayEcho,
  problemCode,
  problemGroupsSql,
  rejectsSelect,
  type Binding,
  municipalityAliases,
  municipalityAliasesQuery,
  type PassContext,
  writtenDuplicateCountSql
} from "./validate.js";
import {acquireLoadLock, createWorkspace, LOCK_FILE, swapIntoPlace, type Workspace} from "./write.js";

export interface LoadOptions {
  /** The folder holding current/ and datasets/ (data/ unless overridden, e.g. by VUOTO_DATA_DIR). */
  dataDir: string;
  skipInvalid?: boolean;
  now?: Date;
  /** Called as each stage starts, with the database whose progress can be polled. */
  onStage?: (stage: string, db: NodeDatabase) => void;
  /** DuckDB settings (memory_limit, threads). */
  settings?: Record<string, string>;
}

interface LoadedTable {
  file: TableFile;
  binding: Binding;
  header: string[];
  /** The file DuckDB read (a UTF-8 copy when the input was Windows-1252). */
  readPath: string;
  readGzip: boolean;
  rows: number;
  /** Rows DuckDB could not split into the header's columns, by record number (1 = header). */
  malformed: Array<{record: number; type: string}>;
  hits: IdentifierHits[];
  /** Row n (from 0) is on line n + lineOffset when no quoted line break, blank line or bad row shifts it. */
  lineOffset: number | null;
  /** Clean, and already written to the dataset by the direct pass: there is no checked table. */
  written: boolean;
  /** For a workbook: the sheet read, and the sheet row of each CSV record. */
  sheet?: SheetRows;
}

const unitOf = (file: TableFile) => (file.format === "parquet" || file.format === "xlsx" ? "row" : "line");

export async function loadExport(folder: string, options: LoadOptions): Promise<LoadSummary> {
  const discovery = await discoverExport(folder);
  const problems: Problem[] = [...discovery.problems];
  const warnings: string[] = [];
  const skipInvalid = options.skipInvalid ?? false;
  const at = options.now ?? clockNow();
  const clock = {today: helsinkiDate(at), now: at.toISOString()};
  const releaseLock = await acquireLoadLock(options.dataDir);
  let workspace: Workspace;
  try {
    workspace = await createWorkspace(options.dataDir);
  } catch (error) {
    await releaseLock();
    throw error;
  }
  // An interrupted load must leave no work folder behind (data/current is untouched until the swap).
  const removeNow = () => {
    rmSync(workspace.dir, {recursive: true, force: true});
    rmSync(join(options.dataDir, LOCK_FILE), {force: true});
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeNow();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("exit", removeNow);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const db = await openNodeDatabase(":memory:", {
    temp_directory: join(workspace.dir, "duckdb"),
    memory_limit: "1536MB",
    ...options.settings
  });
  try {
    await db.run(`SET TimeZone = '${TIME_ZONE}'`);
    // Progress (rows processed) is tracked only with the progress bar on; DuckDB's own printing stays off.
    await db.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
    await db.run(districtAliasSql());
    const aliasRows = await db.query<{alias: string; code: string}>(districtAliasesSql);
    const districts = {aliases: aliasRows.map((r) => r.alias), codes: aliasRows.map((r) => r.code)};
    const municipalities = municipalityAliases(await db.query(municipalityAliasesQuery()));
    const inputs: InputFile[] = [];
    const loaded: LoadedTable[] = [];
    const workbooks: Workbook[] = [];
    // Each file's header names once headerIdentifierProblems has checked (and reported) them.
    const scannedHeaders = new Map<string, string[]>();
    for (const file of discovery.files) {
      options.onStage?.(`reading ${file.name}`, db);
      const table = await readTable(
        db,
        file,
        workspace,
        {clock, districts, municipalities},
        problems,
        warnings,
        skipInvalid,
        inputs,
        workbooks,
        scannedHeaders
      );
      if (table) loaded.push(table);
      // DuckDB saw every cell only of a file it read whole: any other text file is scanned byte by byte
      // (a workbook's cells have all been scanned before it was converted). Header names already checked are
      // skipped, so that an identifier in the header (or an NDJSON key, on every line) is reported once.
      if ((!table || table.malformed.length > 0) && file.format !== "parquet" && file.format !== "xlsx") {
        const checked = new Set(scannedHeaders.get(file.name)?.map((name) => name.trim()));
        for (const hit of await scanRawText(file.path, file.gzip, checked))
          problems.push({
            kind: "identifier",
            file: file.name,
            message: `identifier: ${identifierKindLabel[hit.kind]}; the export is refused`,
            hint: "remove identifiers from the export and pseudonymise it before loading",
            examples: [{line: hit.line}],
            count: hit.count,
            unit: "line"
          });
      }
    }
    // Only an export_id of a safe shape is ever printed or written (readExportManifest reports others).
    const givenId = discovery.exportManifest?.export_id;
    const exportId = typeof givenId === "string" && EXPORT_ID_SHAPE.test(givenId) ? givenId : null;
    const summary: LoadSummary = {
      ok: false,
      exitCode: 1,
      export_id: exportId,
      tables: {},
      totals: null,
      problems,
      warnings
    };

    // Identifiers first: a refused export reports nothing else, and no cell value is ever shown.
    const refusals = problems.filter((p) => p.kind === "identifier");
    for (const table of loaded) {
      if (table.hits.length === 0) continue;
      const lines = await lineNumbers(table, new Set(table.hits.flatMap((h) => h.ordinals)));
      for (const hit of table.hits)
        refusals.push(
          identifierCellProblem(
            table.file.name,
            hit,
            hit.ordinals.map((o) => lines.get(o)!),
            unitOf(table.file)
          )
        );
    }
    if (refusals.length > 0) return {...summary, exitCode: 2, problems: placeInSheets(refusals, workbooks, loaded)};

    options.onStage?.("checking values", db);
    if (skipInvalid)
      await db.run(`CREATE TEMP TABLE rejects (file VARCHAR, line BIGINT, "column" VARCHAR, reason VARCHAR)`);
    for (const table of loaded) {
      const counts = table.written
        ? {rows: table.rows, accepted: table.rows, rejected: 0, duplicates: 0, date_range: {min: null, max: null}}
        : await checkTable(db, table, problems, workspace, skipInvalid);
      summary.tables[table.file.table] = {...counts, file: table.file.name};
    }
    // Problems in rows can be skipped with --skip-invalid; problems with a file or its header cannot.
    const fatal = skipInvalid ? problems.filter((p) => p.unit === undefined) : problems;
    placeInSheets(problems, workbooks, loaded);
    if (fatal.length > 0 || loaded.length < exportTables.filter((t) => t.required).length)
      return {...summary, problems};

    options.onStage?.("writing Parquet", db);
    for (const table of loaded) {
      const out = datasetFile(workspace, table.file.table);
      if (!table.written) {
        const select = checkedNormalisedSelect(table.binding, {
          skipDuplicates: skipInvalid && summary.tables[table.file.table]!.duplicates > 0
        });
        await db.run({sql: `COPY (${select}) TO ? (FORMAT parquet)`, params: [out]});
      }
      summary.tables[table.file.table]!.date_range = await dateRange(db, table.file.table, out);
    }
    const totals = await computeTotals(db, workspace.dataset);
    const rejectsFile = skipInvalid ? "rejects.csv" : null;
    if (rejectsFile) {
      await db.run({
        sql: `COPY (SELECT * FROM rejects ORDER BY file, line, "column") TO ? (HEADER, DELIMITER ',')`,
        params: [join(workspace.dataset, rejectsFile)]
      });
    }
    const hash = contentHash(inputs);
    const manifest: DatasetManifest = {
      export_id: exportId,
      schema_version: SCHEMA_VERSION,
      vuoto_version: vuotoVersion(),
      loaded_at: helsinkiTimestamp(at),
      content_hash: hash,
      skip_invalid: skipInvalid,
      rejects: rejectsFile,
      files: inputs,
      tables: summary.tables,
      totals,
      export_manifest: discovery.exportManifest
    };
    await writeFile(join(workspace.dataset, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    const id = `${helsinkiTimestamp(at).slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}-${hash.slice(0, 12)}`;
    const dataset = await swapIntoPlace(options.dataDir, workspace, id);
    return {...summary, ok: true, exitCode: 0, totals, dataset, content_hash: hash};
  } finally {
    db.close();
    await workspace.remove();
    await releaseLock();
    process.removeListener("exit", removeNow);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

async function readTable(
  db: NodeDatabase,
  file: TableFile,
  workspace: Workspace,
  context: Omit<PassContext, "candidatePattern" | "trimCells">,
  problems: Problem[],
  warnings: string[],
  skipInvalid: boolean,
  inputs: InputFile[],
  workbooks: Workbook[],
  scannedHeaders: Map<string, string[]>
): Promise<LoadedTable | null> {
  const problemsBefore = problems.length;
  const converted = await convertForDuckDb(file, workspace, problems).catch((error: unknown) => {
    problems.push(unreadableProblem(file, error));
    return "refused" as const;
  });
  if (converted === "refused") return null;
  // From here on the file read is the UTF-8 copy, if one was made; messages name the export's file.
  const input = converted?.readFile ?? file;
  const sheet = converted?.sheet;
  if (sheet) workbooks.push({file, sheet});
  // The sniff reads the whole file (checksum, encoding, quotes) in JS while DuckDB, idle otherwise,
  // already takes the direct pass on the strength of the file's head. The sniff has the last word: if
  // the file turns out not to be plain, that pass is thrown away and the load goes on as if it had not
  // run.
  // A broken gzip stream fails both readers: the sniff's failure is kept until the head's is known.
  const sniffing = sniffFile(input).then(
    (sniffed) => ({sniffed}),
    (error: unknown) => ({error})
  );
  const head = await sniffHead(input).catch((error: unknown) => ({error}));
  if ("error" in head) {
    await sniffing;
    problems.push(unreadableProblem(file, head.error));
    return null;
  }
  const early = await speculativeCopy(db, input, head, workspace, context);
  const sniffResult = await sniffing;
  if ("error" in sniffResult) {
    await early.settle(false);
    problems.push(unreadableProblem(file, sniffResult.error));
    return null;
  }
  const {sniffed} = sniffResult;
  // DuckDB's strict reader takes one kind of line ending: other files are read from a normalised copy.
  const normaliseLineEndings = sniffed.lineEndings === "mixed" || sniffed.lineEndings === "cr";
  const speculation = await early.settle(
    sniffed.encoding !== "windows-1252" && !sniffed.unterminatedQuote && !normaliseLineEndings
  );
  inputs.push({
    table: file.table,
    name: file.name,
    size: converted?.size ?? sniffed.size,
    sha256: converted?.sha256 ?? sniffed.sha256,
    format: file.format,
    compression: file.gzip ? "gzip" : "none",
    encoding: converted?.encoding ?? sniffed.encoding,
    delimiter: sheet ? null : (sniffed.delimiter ?? null)
  });
  if (sniffed.empty) {
    problems.push(fileProblem(file.name, "empty file", "export the table again: it needs a header line and rows"));
    return null;
  }
  let readPath = input.path;
  let readGzip = input.gzip;
  if (sniffed.encoding === "windows-1252" || normaliseLineEndings) {
    readPath = join(workspace.dir, `${file.table}.utf8`);
    readGzip = false;
    await transcodeToUtf8(input, readPath, {
      encoding: sniffed.encoding === "windows-1252" ? "windows-1252" : "utf-8",
      normaliseLineEndings
    });
  }
  if (sniffed.lineEndings === "cr")
    warnings.push(`${file.name}: lines end in a carriage return only (classic Mac); read as line breaks`);
  if (sniffed.unterminatedQuote) {
    const {unterminatedQuoteLine} = await mapCsvLines(readPath, readGzip, new Set(), new Set());
    problems.push({
      ...fileProblem(
        file.name,
        "unterminated quote: a quoted field opens here and never closes",
        "the file may be cut short; export it again"
      ),
      examples: unterminatedQuoteLine ? [{line: unterminatedQuoteLine}] : []
    });
  }
  let header: string[];
  let source: BoundQuery;
  if (sniffed.header) {
    header = sniffed.header;
    source = csvSource(file.table, readPath, sniffed.delimiter!, header.length, readGzip);
  } else {
    try {
      header = (await db.query<{column_name: string}>(describeSql(readPath, file.format))).map((c) => c.column_name);
    } catch {
      const line = file.format === "ndjson" ? await firstBadJsonLine(readPath) : null;
      problems.push({
        ...fileProblem(
          file.name,
          file.format === "ndjson" ? "invalid JSON: not one object per line" : "invalid Parquet file",
          "export the table again"
        ),
        examples: line ? [{line}] : []
      });
      return null;
    }
    source = typedSource(readPath, file.format, header);
  }
  const spec = exportTables.find((t) => t.name === file.table)!;
  const headerRefusals = await headerIdentifierProblems(file.name, header, new Set(spec.fields.map((f) => f.name)));
  scannedHeaders.set(file.name, header);
  if (headerRefusals.length > 0) {
    problems.push(...headerRefusals);
    return null;
  }
  if (header.length > MAX_COLUMNS) {
    problems.push(
      fileProblem(
        file.name,
        `too many columns: ${header.length}`,
        `format v1 tables have at most ${MAX_COLUMNS}; check the delimiter`
      )
    );
    return null;
  }
  const binding = bind(file, header, problems, warnings, skipInvalid);
  if (speculation) {
    if (problems.length === problemsBefore) {
      return {
        file,
        binding,
        header,
        readPath,
        readGzip,
        rows: speculation.rows,
        malformed: [],
        hits: [],
        lineOffset: null,
        written: true,
        sheet
      };
    }
    await discardDirect(db, file.table, datasetFile(workspace, file.table));
  }
  const passContext = {...context, candidatePattern: IDENTIFIER_CANDIDATE_PATTERN, trimCells: true};
  if (problems.length === problemsBefore && binding.extras.length === 0) {
    const direct = {...passContext, trimCells: false};
    const rows = await copyIfClean(
      db,
      binding,
      source,
      direct,
      datasetFile(workspace, file.table),
      sniffed.header !== undefined
    );
    if (rows !== null)
      return {
        file,
        binding,
        header,
        readPath,
        readGzip,
        rows,
        malformed: [],
        hits: [],
        lineOffset: null,
        written: true,
        sheet
      };
  }
  try {
    await db.run(checkedTableSql(binding, source, passContext));
  } catch (error) {
    if (file.format !== "ndjson") throw error;
    const line = await firstBadJsonLine(readPath);
    problems.push({
      ...fileProblem(file.name, "invalid JSON: not one object per line", "export the table again"),
      examples: line ? [{line}] : []
    });
    return null;
  }
  await db.run(errsTableSql(binding));
  const malformed = sniffed.header
    ? await db.query<{record: number; type: string}>(
        `SELECT DISTINCT line AS "record", first(error_type ORDER BY column_idx) OVER (PARTITION BY line) AS "type" FROM ${rejectsTable(file.table)} ORDER BY line`
      )
    : [];
  const {n} = await queryOne<{n: number}>(db, `SELECT count(*) AS n FROM ${checkedTable(file.table)}`);
  const rows = n + malformed.length;
  if (rows === 0) problems.push(fileProblem(file.name, "header only: no rows", "export the table again with its rows"));
  const hits = await scanCandidates(db, binding, header);
  const lineOffset =
    file.format === "parquet" ? 1 : sniffed.oneLinePerRow && malformed.length === 0 && !sheet ? 2 : null;
  return {file, binding, header, readPath, readGzip, rows, malformed, hits, lineOffset, written: false, sheet};
}

/** A file that cannot be read to its end, in one line: a broken or cut-short gzip stream; else rethrown. */
function unreadableProblem(file: TableFile, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  if (file.gzip && code === "Z_BUF_ERROR")
    return fileProblem(file.name, "gzip file cut short: it ends before its data does", "copy or export the file again");
  if (file.gzip && (code === "Z_DATA_ERROR" || code === "ERR_ZLIB_INITIALIZATION_FAILED"))
    return fileProblem(
      file.name,
      "not a gzip file, or a damaged one",
      "name it .csv if it is plain text, or compress it again"
    );
  throw error;
}

const datasetFile = (workspace: Workspace, table: TableName) => join(workspace.dataset, `${table}.parquet`);

interface Speculation {
  /** Keeps the early pass's output when the sniff found the file plain (resolving to its row count), else removes it. */
  settle(plain: boolean): Promise<{rows: number} | null>;
}

/**
 * Starts the direct pass of a delimited UTF-8 file whose head is plain and whose header binds without a
 * problem or an extra column, before the whole file has been sniffed. Anything else (and any doubt) is
 * left to the ordinary path.
 */
async function speculativeCopy(
  db: NodeDatabase,
  file: TableFile,
  head: SniffedHead,
  workspace: Workspace,
  context: Omit<PassContext, "candidatePattern" | "trimCells">
): Promise<Speculation> {
  const none: Speculation = {settle: async () => null};
  if (!head.plain || !head.header || !head.delimiter) return none;
  // bind() reports missing and repeated columns; they, extra columns and too many columns are for the
  // ordinary path to report.
  const headerProblems: Problem[] = [];
  const binding = bind(file, head.header, headerProblems, [], false);
  if (headerProblems.length > 0 || binding.extras.length > 0 || head.header.length > MAX_COLUMNS) return none;
  const target = datasetFile(workspace, file.table);
  const source = csvSource(file.table, file.path, head.delimiter, head.header.length, file.gzip);
  const pass = copyIfClean(
    db,
    binding,
    source,
    {...context, candidatePattern: IDENTIFIER_CANDIDATE_PATTERN, trimCells: false},
    target,
    true
  );
  return {
    async settle(plain) {
      const rows = await pass;
      if (rows !== null && plain) return {rows};
      if (rows !== null) await discardDirect(db, file.table, target);
      return null;
    }
  };
}

/**
 * The direct pass (see directCopySql): the number of rows written, or null when the table needs the full
 * pass: a row with a problem or an identifier candidate, a malformed line, no rows, a repeated unique key,
 * or any error. Its partial output and DuckDB's list of malformed lines are then removed, so the full
 * pass starts as if this one had not run.
 */
async function copyIfClean(
  db: NodeDatabase,
  binding: Binding,
  source: BoundQuery,
  context: Parameters<typeof directCopySql>[2],
  target: string,
  delimited: boolean
): Promise<number | null> {
  const table = binding.spec.name;
  const clean = async () => {
    const {Count: rows} = await queryOne<{Count: number}>(db, directCopySql(binding, source, context, target));
    if (rows === 0) return null;
    if (delimited && (await queryOne<{n: number}>(db, `SELECT count(*) AS n FROM ${rejectsTable(table)}`)).n > 0)
      return null;
    const duplicates = writtenDuplicateCountSql(binding, target);
    if (duplicates && (await queryOne<{n: number}>(db, duplicates)).n > 0) return null;
    return rows;
  };
  // The full pass numbers rows by their position, so it needs DuckDB to keep file order; this pass reports
  // no row, and without that order the Parquet writer runs a fifth faster. The setting is put back after.
  const {order} = await queryOne<{order: boolean}>(db, `SELECT current_setting('preserve_insertion_order') AS "order"`);
  await db.run("SET preserve_insertion_order = false");
  const rows = await clean()
    .catch(() => null)
    .finally(() => db.run(`SET preserve_insertion_order = ${order ? "true" : "false"}`));
  if (rows === null) await discardDirect(db, table, target, delimited);
  return rows;
}

/** Removes what a direct pass left: its Parquet file and DuckDB's list of malformed lines. */
async function discardDirect(db: NodeDatabase, table: TableName, target: string, delimited = true): Promise<void> {
  await rm(target, {force: true});
  if (delimited)
    await db.run(`DROP TABLE IF EXISTS ${rejectsTable(table)}; DROP TABLE IF EXISTS ${rejectsScanTable(table)}`);
}

/** Matches header names to format v1 fields (case-insensitively) and reports missing, duplicated and extra columns. */
function bind(
  file: TableFile,
  header: string[],
  problems: Problem[],
  warnings: string[],
  skipInvalid: boolean
): Binding {
  const spec = exportTables.find((t) => t.name === file.table)!;
  const fields = new Map<string, number>();
  const extras: Binding["extras"] = [];
  const seen = new Map<string, number>();
  const line1 = {examples: [{line: 1}], count: 1};
  // No cell names a format column: the first line is most likely a row of data. It is described, not
  // printed, and no column is bound.
  if (!header.some((name) => spec.fields.some((f) => f.name === name.toLowerCase()))) {
    problems.push({
      ...fileProblem(
        file.name,
        "no header line: the first line names no column of format v1 and looks like data",
        `add a header line naming the columns (${spec.fields.map((f) => f.name).join(", ")})`
      ),
      ...line1
    });
    return {spec, fields, extras: [], columns: header.length};
  }
  header.forEach((name, index) => {
    const key = name.toLowerCase();
    if (seen.has(key)) {
      problems.push({
        ...fileProblem(file.name, `duplicate ${shownColumn(name, index)}`, "keep one of the columns with this name"),
        ...line1
      });
      return;
    }
    seen.set(key, index);
    if (spec.fields.some((f) => f.name === key)) fields.set(key, index);
    else extras.push({name, index});
  });
  for (const field of spec.fields) {
    const derivable = field.derivableFrom !== undefined && fields.has(field.derivableFrom);
    if (field.required && !fields.has(field.name) && !derivable) {
      problems.push({
        ...fileProblem(
          file.name,
          `missing column: ${field.name}`,
          `add a ${field.name} column (${field.description.toLowerCase().replace(/\.$/, "")})`
        ),
        ...line1
      });
    }
  }
  for (const {name, index} of extras) {
    const hint = `remove it, or rename it to one of ${spec.fields.map((f) => f.name).join(", ")}`;
    if (skipInvalid) warnings.push(`${file.name}:1: unexpected ${shownColumn(name, index)}: ignored`);
    else if (name === "")
      problems.push({...fileProblem(file.name, "empty column name", "name the column or remove it"), ...line1});
    else problems.push({...fileProblem(file.name, `unexpected ${shownColumn(name, index)}`, hint), ...line1});
  }
  return {spec, fields, extras, columns: header.length};
}

/**
 * A header cell as messages may show it: `column: <name>` when it is short, printable and (checked by
 * headerIdentifierProblems before bind runs) free of identifiers; otherwise `column <n>`, by position.
 */
function shownColumn(name: string, index: number): string {
  return name.length <= 64 && !hasUnprintable(name) ? `column: ${name}` : `column ${index + 1}`;
}

async function lineNumbers(table: LoadedTable, ordinals: Set<number>): Promise<Map<number, number>> {
  if (table.sheet) return sheetRowsOf(table, ordinals);
  const offset = table.lineOffset;
  if (offset !== null) return new Map([...ordinals].map((o) => [o, o + offset]));
  if (table.file.format === "ndjson") return mapNdjsonLines(table.readPath, ordinals);
  const map = await mapCsvLines(
    table.readPath,
    table.readGzip,
    ordinals,
    new Set(table.malformed.map((m) => m.record))
  );
  return map.ordinals;
}

/** The sheet rows of data rows (by ordinal) of a workbook: its CSV copy's records skip empty sheet rows. */
function sheetRowsOf(table: LoadedTable, ordinals: Set<number>): Map<number, number> {
  const {rows} = table.sheet!;
  const malformed = new Set(table.malformed.map((m) => m.record));
  const found = new Map<number, number>();
  let ordinal = 0;
  // Record 1 is the header; malformed records take no ordinal (as in DuckDB's rowids).
  for (let record = 2; record <= rows.length && found.size < ordinals.size; ++record) {
    if (malformed.has(record)) continue;
    // record runs up to rows.length, so rows[record - 1] is there.
    if (ordinals.has(ordinal)) found.set(ordinal, rows[record - 1]!);
    ++ordinal;
  }
  return found;
}

/**
 * Problems with a workbook's table name its sheet, the header's row for problems with the header (line 1
 * of the CSV copy), and the cell (B12) where the column is known.
 */
function placeInSheets(problems: Problem[], workbooks: Workbook[], loaded: LoadedTable[]): Problem[] {
  for (const {file, sheet} of workbooks) {
    const binding = loaded.find((table) => table.file === file)?.binding;
    for (const problem of problems) {
      if (problem.file !== file.name || problem.sheet) continue;
      problem.sheet = sheet.label;
      const headerProblem = problem.unit === undefined;
      problem.unit = "row";
      const index = problem.column ? binding?.fields.get(problem.column) : undefined;
      for (const example of problem.examples) {
        // The CSV copy's line 1 is the sheet's first row with content (only an empty sheet has none).
        if (headerProblem) example.line = sheet.rows[0] ?? example.line;
        if (index !== undefined) example.cell = `${columnLetter(index)}${example.line}`;
      }
    }
  }
  return problems;
}

interface Workbook {
  file: TableFile;
  sheet: SheetRows;
}

interface RejectLine {
  file: string;
  line: number;
  column: string;
  reason: string;
}

/** Problems in values, duplicates and malformed rows of one table; their counts; reject lines when skipping. */
async function checkTable(
  db: NodeDatabase,
  table: LoadedTable,
  problems: Problem[],
  workspace: Workspace,
  skipInvalid: boolean
): Promise<TableCounts> {
  const {binding, file} = table;
  const unit = unitOf(file);
  const found: Array<{
    field?: FieldSpec;
    column: string;
    message: string;
    hint?: string;
    ords: number[];
    vals: Array<string | null>;
    n: number;
  }> = [];
  for (const field of binding.spec.fields.filter((f) => binding.fields.has(f.name))) {
    const groups = await db.query<{code: number; n: number; ords: number[]; vals: Array<string | null>}>(
      problemGroupsSql(binding, field, EXAMPLES)
    );
    for (const {code, n, ords, vals} of groups) {
      found.push({
        field,
        column: field.name,
        ...describeProblem(field, problemCode(code)),
        ords: ords.map(Number),
        vals: vals ?? [], // NULL when every example cell is empty (a missing value)
        n
      });
    }
  }
  const countQuery = duplicateCountSql(binding);
  const duplicates = countQuery && (await queryOne<{n: number}>(db, countQuery)).n > 0 ? duplicatesSql(binding) : null;
  let duplicateCount = 0;
  if (duplicates) {
    await db.run(duplicates);
    const {n, ords} = await queryOne<{n: number; ords: number[] | null}>(
      db,
      `SELECT count(*) AS n, CAST(min(ord, ${EXAMPLES}) AS DOUBLE[]) AS ords FROM ${dupsTable(binding.spec.name)}`
    );
    duplicateCount = n;
    if (n > 0) {
      const key = uniqueColumns(binding)!;
      found.push({
        column: key.join(", "),
        message:
          key.length === 1
            ? `duplicate ${key[0]}: an earlier ${unit} has the same one`
            : `duplicate row: an earlier ${unit} has the same ${key.join(", ")}`,
        hint: key.includes("hospital_district")
          ? "districts are compared after normalising (06 and Pirkanmaa are the same); merge the rows"
          : "ids must be unique",
        ords: (ords ?? []).map(Number),
        vals: [],
        n
      });
    }
  }
  const {n: rejectedRows} = await queryOne<{n: number}>(
    db,
    `SELECT count(*) AS n FROM ${errsTable(binding.spec.name)} WHERE bad`
  );
  const wanted = new Set(found.flatMap((f) => f.ords));
  // Rejects of a file whose rows are one line each are numbered in SQL; otherwise their ordinals come here to be mapped.
  const rejectsQuery = skipInvalid ? rejectsSelect(binding, duplicates !== null) : null;
  if (rejectsQuery && table.lineOffset !== null) {
    await db.run({
      sql: `INSERT INTO rejects SELECT ?, ord + ${table.lineOffset}, "column", reason FROM (${rejectsQuery})`,
      params: [file.name]
    });
  }
  const allRejects =
    rejectsQuery && table.lineOffset === null
      ? await db.query<{ord: number; column: string; reason: string}>(rejectsQuery)
      : [];
  for (const r of allRejects) wanted.add(Number(r.ord));
  const jsRejects: RejectLine[] = [];
  let lines = new Map<number, number>();
  let malformedLines = new Map<number, number>();
  let unterminated: number | null = null;
  if (wanted.size > 0 || table.malformed.length > 0) {
    if (table.sheet) {
      lines = sheetRowsOf(table, wanted);
      // Malformed records are records of the CSV copy, one per sheet row with content.
      malformedLines = new Map(table.malformed.map((m) => [m.record, table.sheet!.rows[m.record - 1]!]));
    } else if ((file.format === "csv" || file.format === "tsv") && table.lineOffset === null) {
      const map = await mapCsvLines(
        table.readPath,
        table.readGzip,
        wanted,
        new Set(table.malformed.map((m) => m.record))
      );
      lines = map.ordinals;
      malformedLines = map.records;
      unterminated = map.unterminatedQuoteLine;
    } else lines = await lineNumbers(table, wanted);
  }
  // Every value a message may quote is checked first, whatever its column: the prefilter passed it as no
  // candidate, but the verifiers have the last word (a glued or unusual identifier in a district cell).
  const {findIdentifierKinds} = await import("../privacy/identifiers.js");
  const quotable = (value: string | null) =>
    value != null && !hasUnprintable(String(value)) && findIdentifierKinds(String(value)).length === 0;
  for (const f of found) {
    const echo = f.field !== undefined && mayEcho(f.field);
    problems.push({
      kind: "invalid",
      file: file.name,
      column: f.column,
      message: f.message,
      hint: f.hint,
      examples: f.ords.map((ord, i) => ({
        line: lines.get(ord) ?? ord + 2,
        value: echo && quotable(f.vals[i] ?? null) ? String(f.vals[i]) : undefined
      })),
      count: f.n,
      unit
    });
  }
  const malformedByType = new Map<string, number[]>();
  for (const {record, type} of table.malformed) {
    const line = malformedLines.get(record) ?? record;
    const key = line === unterminated ? "UNTERMINATED QUOTE" : type;
    malformedByType.set(key, [...(malformedByType.get(key) ?? []), line]);
  }
  for (const [type, lineList] of malformedByType) {
    const {message, hint} = describeMalformed(type, binding.columns);
    // A cut-short quote is reported once, for the whole file, by readTable.
    if (type === "UNTERMINATED QUOTE" && problems.some((p) => p.file === file.name && p.message === message)) continue;
    problems.push({
      kind: "invalid",
      file: file.name,
      message,
      hint,
      examples: lineList.slice(0, EXAMPLES).map((line) => ({line})),
      count: lineList.length,
      unit
    });
    for (const line of lineList) jsRejects.push({file: file.name, line, column: "", reason: message});
  }
  for (const r of allRejects)
    jsRejects.push({file: file.name, line: lines.get(Number(r.ord))!, column: r.column, reason: r.reason});
  if (skipInvalid && jsRejects.length > 0) {
    const path = join(workspace.dir, `rejects-${file.table}.csv`);
    await writeRejects(path, jsRejects);
    await db.run({
      sql: `INSERT INTO rejects SELECT * FROM read_csv(?, header = true, columns = {'file': 'VARCHAR', 'line': 'BIGINT', 'column': 'VARCHAR', 'reason': 'VARCHAR'})`,
      params: [path]
    });
  }
  const rejected = rejectedRows + table.malformed.length;
  return {
    rows: table.rows,
    accepted: table.rows - rejected - duplicateCount,
    rejected,
    duplicates: duplicateCount,
    date_range: {min: null, max: null}
  };
}

function describeMalformed(type: string, columns: number): {message: string; hint?: string} {
  switch (type) {
    case "UNTERMINATED QUOTE":
      return {
        message: "unterminated quote: a quoted field opens here and never closes",
        hint: "the file may be cut short; export it again"
      };
    case "MISSING COLUMNS":
      return {
        message: `too few fields: expected ${columns}`,
        hint: "check for a missing delimiter or a line cut short"
      };
    case "TOO MANY COLUMNS":
      return {message: `too many fields: expected ${columns}`, hint: "quote fields that contain the delimiter"};
    case "LINE SIZE OVER MAXIMUM":
      return {
        message: `line too long: over ${MAX_LINE_BYTES / 1024 / 1024} MiB`,
        hint: "check the line endings and quotes, or shorten the free text in this row"
      };
    default:
      return {message: `malformed line: ${type.toLowerCase()}`};
  }
}

async function writeRejects(path: string, rejects: RejectLine[]): Promise<void> {
  const out = createWriteStream(path);
  const csv = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  out.write("file,line,column,reason\n");
  for (const r of rejects) {
    out.write(`${csv(r.file)},${r.line},${csv(r.column)},${csv(r.reason)}\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function dateRange(db: NodeDatabase, table: TableName, path: string): Promise<TableCounts["date_range"]> {
  const dates = Object.entries(normalisedColumns[table])
    .filter(([, type]) => type === "DATE")
    .map(([name]) => ident(name));
  if (dates.length === 0) return {min: null, max: null};
  const range = await queryOne<{min: string | null; max: string | null}>(db, {
    sql: `SELECT CAST(least(${dates.map((d) => `min(${d})`).join(", ")}) AS VARCHAR) AS min,
      CAST(greatest(${dates.map((d) => `max(${d})`).join(", ")}) AS VARCHAR) AS max FROM read_parquet(?)`,
    params: [path]
  });
  return range;
}

async function computeTotals(db: NodeDatabase, folder: string): Promise<Totals> {
  const affected = join(folder, "affected_records.parquet");
  const totals = await queryOne<Totals>(db, {
    // Record counts come from the Parquet footer. People take one hash aggregate by person rather than
    // three count(DISTINCT …), and max() of a date rather than bool_or() of a test: on ten million rows
    // that is the one costly query here. person_key is never NULL (a missing key is a problem).
    sql: `SELECT (SELECT count(*) FROM read_parquet(?)) AS records, (SELECT count(published_on) FROM read_parquet(?)) AS records_published,
      count(*) AS people, count(emailed) AS people_emailed, count(reported) AS people_reported,
      (SELECT coalesce(sum(contacts), 0) FROM read_parquet(?)) AS crisis_contacts
      FROM (SELECT max(emailed_on) AS emailed, max(reported_on) AS reported FROM read_parquet(?) GROUP BY person_key)`,
    params: [affected, affected, join(folder, "crisis_contacts.parquet"), affected]
  });
  return {
    people: Number(totals.people),
    records: Number(totals.records),
    records_published: Number(totals.records_published),
    people_emailed: Number(totals.people_emailed),
    people_reported: Number(totals.people_reported),
    crisis_contacts: Number(totals.crisis_contacts)
  };
}
