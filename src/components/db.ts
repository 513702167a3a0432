// The one browser-side data module: DuckDB-WASM in a module worker, started once per page.
//
// Framework's built-in DuckDBClient and FileAttachment.parquet() download code from a CDN, and
// DuckDB-WASM's own Parquet reader downloads the parquet extension; on a closed network all three
// fail. So Parquet files published by the loaders are decoded here with hyparquet (pure JS), turned
// into Arrow IPC, and inserted into DuckDB, which then needs nothing from outside.
//
// Report pages only read small published tables: readPublishedRows decodes them without DuckDB, and
// DuckDB-WASM and Arrow are imported on first use of database(), so a page that never asks for the
// database never downloads them.
import {readParquetColumns, type Column} from "../lib/parquetColumns.js";
import type {BoundQuery} from "../lib/sql.js";

export type Row = Record<string, unknown>;

export interface Database {
  /** Runs a query with bound parameters and returns plain rows. */
  query<T = Row>(query: BoundQuery, options?: {signal?: AbortSignal}): Promise<T[]>;
  /** Loads a published Parquet file as table *name* (once; later calls are no-ops). */
  loadParquet(name: string, url: string): Promise<void>;
  /** The names of the loaded tables. */
  tables(): string[];
}

let instance: Promise<Database> | undefined;

/** The page's database: created on first use, shared by every cell after that. */
export function database(): Promise<Database> {
  return (instance ??= openDatabase());
}

/** The rows of a published Parquet file, decoded in JS (no DuckDB): counts are numbers or null. */
export async function readPublishedRows<T = Row>(url: string): Promise<T[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetch failed: ${response.status} ${url}`);
  return columnsToRows(await readParquetColumns(await response.arrayBuffer())) as T[];
}

export function columnsToRows(columns: Column[]): Row[] {
  const length = columns[0]?.values.length ?? 0;
  return Array.from({length}, (_, i) => Object.fromEntries(columns.map(({name, values}) => [name, values[i]])));
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

  return {
    async query<T = Row>({sql, params}: BoundQuery, {signal}: {signal?: AbortSignal} = {}): Promise<T[]> {
      const onAbort = () => void connection.cancelSent();
      signal?.addEventListener("abort", onAbort, {once: true});
      try {
        const statement = await connection.prepare(sql);
        try {
          const table = await statement.query(...params);
          if (signal?.aborted) throw new DOMException("query cancelled", "AbortError");
          return arrowTableToRows(table) as T[];
        } finally {
          await statement.close();
        }
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
    tables: () => [...loaded.keys()]
  };
}

// One place wraps database errors, so every failure carries the SQL that caused it.
function queryError(cause: unknown, sql: string): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new Error(`${message}\n\nSQL Query: ${sql}`, {cause});
}
