// The one browser-side data module: DuckDB-WASM in a module worker, started once per page.
//
// Framework's built-in DuckDBClient and FileAttachment.parquet() download code from a CDN, and
// DuckDB-WASM's own Parquet reader downloads the parquet extension; on a closed network all three
// fail. So Parquet files published by the loaders are decoded here with hyparquet (pure JS), turned
// into Arrow IPC, and inserted into DuckDB, which then needs nothing from outside.
//
// Report pages only read small published tables: readPublishedRows (publishedRows.ts) decodes them
// without DuckDB, and DuckDB-WASM and Arrow are imported on first use of database(), so a page that
// never asks for the database never downloads them.
import {readParquetColumns, type ColumnType} from "../lib/parquetColumns.js";
import type {AsyncDuckDBConnection, AsyncPreparedStatement} from "@duckdb/duckdb-wasm";
import {queryError, refusedQuery} from "../lib/queryError.js";
import {checkReadOnly} from "../lib/readOnlySql.js";
import type {BoundQuery} from "../lib/sql.js";
import type {Row} from "./publishedRows.js";

export {columnsToRows, readPublishedRows, type Row} from "./publishedRows.js";

export interface QueryResult {
  columns: Array<{name: string; type: ColumnType}>;
  rows: Row[];
}

export interface Database {
  /** Runs a query with bound parameters and returns plain rows. */
  query<T = Row>(query: BoundQuery, options?: {signal?: AbortSignal}): Promise<T[]>;
  /** Loads a published Parquet file as table *name* (once; later calls are no-ops). */
  loadParquet(name: string, url: string): Promise<void>;
  /** The names of the loaded tables. */
  tables(): string[];
  /**
   * Runs an analyst's statement on a connection of its own, so the charts' queries go on meanwhile;
   * streamed, so aborting *signal* stops it between chunks. checkReadOnly runs here, whoever calls:
   * a refused statement fails with a QueryError whose *refused* is true, and never reaches DuckDB.
   */
  queryResult(text: string, options?: {signal?: AbortSignal}): Promise<QueryResult>;
  /** Turns off file and network access and freezes every setting: from then on SQL can only read loaded tables. */
  lockDown(): Promise<void>;
}

let instance: Promise<Database> | undefined;

/** The page's database: created on first use, shared by every cell after that. */
export function database(): Promise<Database> {
  return (instance ??= openDatabase());
}

async function openDatabase(): Promise<Database> {
  const [duckdb, {arrowTableToRows, columnsToArrowIPC}] = await Promise.all([
    import("@duckdb/duckdb-wasm"),
    import("../lib/arrowRows.js")
  ]);
  // import.meta.resolve lets Framework copy these assets out of node_modules into dist/_node.
  const wasmUrl = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
  const workerUrl = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");
  // Framework emits the worker as an ES module, so it must be started as one.
  const worker = new Worker(workerUrl, {type: "module"});
  const logger = new duckdb.VoidLogger();
  const db = new duckdb.AsyncDuckDB(logger, worker);
  await db.instantiate(wasmUrl);
  // No extension may be fetched: a closed network would turn that into a confusing failure later.
  await db.open({query: {castBigIntToDouble: true}});
  const connection = await db.connect();
  await connection.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false");
  const loaded = new Map<string, Promise<void>>();
  let consoleConnection: Promise<AsyncDuckDBConnection> | undefined;
  // Pages run the same few query texts over and over with new parameters (each filter change on
  // Explore runs six): preparing each text once saves two worker round trips and a plan per query.
  const statements = new Map<string, Promise<AsyncPreparedStatement>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 256) {
        const [oldest, evicted] = statements.entries().next().value!;
        statements.delete(oldest);
        void evicted.then(
          (s) => s.close(),
          () => {}
        );
      }
      statement = connection.prepare(sql);
      statement.catch(() => statements.delete(sql));
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    async query<T = Row>({sql, params}: BoundQuery, {signal}: {signal?: AbortSignal} = {}): Promise<T[]> {
      const onAbort = () => void connection.cancelSent();
      signal?.addEventListener("abort", onAbort, {once: true});
      try {
        const statement = await prepared(sql);
        const table = await statement.query(...params);
        if (signal?.aborted) throw new DOMException("query cancelled", "AbortError");
        return arrowTableToRows(table) as T[];
      } catch (error) {
        if (signal?.aborted) throw new DOMException("query cancelled", "AbortError");
        throw queryError(error, sql);
      } finally {
        signal?.removeEventListener("abort", onAbort);
      }
    },
    loadParquet(name, url) {
      let pending = loaded.get(name);
      if (!pending) {
        pending = (async () => {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`fetch failed: ${response.status} ${url}`);
          const columns = await readParquetColumns(await response.arrayBuffer());
          await connection.insertArrowFromIPCStream(columnsToArrowIPC(columns), {name, create: true});
        })();
        loaded.set(name, pending);
      }
      return pending;
    },
    tables: () => [...loaded.keys()],
    async queryResult(text, {signal} = {}) {
      const check = checkReadOnly(text);
      if (!check.ok) throw refusedQuery(text, check);
      const consoleConnectionReady = await (consoleConnection ??= db.connect());
      const onAbort = () => void consoleConnectionReady.cancelSent();
      signal?.addEventListener("abort", onAbort, {once: true});
      try {
        const reader = await consoleConnectionReady.send(text, true);
        const rows: Row[] = [];
        let columns: QueryResult["columns"] = [];
        for await (const batch of reader) {
          if (signal?.aborted) break;
          columns = batch.schema.fields.map((field) => ({name: field.name, type: columnType(field.type)}));
          rows.push(...arrowTableToRows(batch));
        }
        if (signal?.aborted) throw new DOMException("query cancelled", "AbortError");
        if (columns.length === 0)
          columns = reader.schema?.fields.map((field) => ({name: field.name, type: columnType(field.type)})) ?? [];
        return {columns, rows};
      } catch (error) {
        if (signal?.aborted) throw new DOMException("query cancelled", "AbortError");
        throw queryError(error, text);
      } finally {
        signal?.removeEventListener("abort", onAbort);
      }
    },
    async lockDown() {
      await connection.query("SET enable_external_access = false; SET lock_configuration = true");
    }
  };
}

// Arrow type ids, stable across Arrow implementations: Int 2, Float 3, Utf8 5, Bool 6, Decimal 7, Date 8.
function columnType(type: {typeId: number; bitWidth?: number}): ColumnType {
  switch (type.typeId) {
    case 2:
      return type.bitWidth === 64 ? "double" : "int";
    case 3:
    case 7:
      return "double";
    case 6:
      return "boolean";
    case 8:
      return "date";
    default:
      return "string";
  }
}
