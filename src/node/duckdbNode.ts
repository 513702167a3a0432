// The Node side's one place that executes SQL (loaders, the ingest command, tests), on @duckdb/node-api,
// which has Parquet, JSON and ICU built in and so needs no extension download.
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";
import {literal, type BoundQuery} from "../lib/sql.js";

export type NodeRow = Record<string, unknown>;

export interface NodeDatabase {
  connection: DuckDBConnection;
  /** Runs a bound query and returns plain JS rows (BIGINT as number, DATE as "YYYY-MM-DD"). */
  query<T = NodeRow>(query: BoundQuery | string): Promise<T[]>;
  /** Runs statements that return nothing. */
  run(query: BoundQuery | string): Promise<void>;
  /** Progress of the statement running now (rows processed so far, percentage or -1 when unknown). */
  progress(): {percentage: number; rows: number};
  close(): void;
}

export async function openNodeDatabase(
  path = ":memory:",
  settings: Record<string, string> = {}
): Promise<NodeDatabase> {
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "true",
    ...settings
  });
  const connection = await instance.connect();
  return {
    connection,
    async query<T>(query: BoundQuery | string) {
      const {sql, params} = typeof query === "string" ? {sql: query, params: []} : query;
      try {
        const reader = await connection.runAndReadAll(sql, params as DuckDBValue[]);
        const numeric = reader
          .columnTypes()
          .map((type, i) => (NUMERIC_AS_TEXT.test(type.toString()) ? reader.columnNames()[i] : null))
          .filter((name): name is string => name !== null);
        return reader.getRowObjectsJson().map((row) => toNumbers(row, numeric)) as T[];
      } catch (cause) {
        throw queryError(cause, sql);
      }
    },
    async run(query: BoundQuery | string) {
      const {sql, params} = typeof query === "string" ? {sql: query, params: []} : query;
      try {
        await connection.run(sql, params as DuckDBValue[]);
      } catch (cause) {
        throw queryError(cause, sql);
      }
    },
    progress() {
      const {percentage, rows_processed} = connection.progress;
      return {percentage, rows: Number(rows_processed)};
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

// JSON-mode rows keep 64-bit integers and decimals as text; the counts here always fit in a double.
const NUMERIC_AS_TEXT = /^(BIGINT|UBIGINT|HUGEINT|UHUGEINT|DECIMAL(\(\d+,\d+\))?)$/;

function toNumbers(row: Record<string, unknown>, columns: string[]): NodeRow {
  for (const name of columns) if (row[name] != null) row[name] = Number(row[name]);
  return row;
}

function queryError(cause: unknown, sql: string): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new Error(`${message}\n\nSQL Query: ${sql}`, {cause});
}

/**
 * The one row of a query that always returns exactly one (an aggregate without GROUP BY, a COPY's count);
 * no row there means the query is not the one the caller thinks it is.
 */
export async function queryOne<T = NodeRow>(db: NodeDatabase, query: BoundQuery | string): Promise<T> {
  const [row] = await db.query<T>(query);
  if (row === undefined) {
    const sql = typeof query === "string" ? query : query.sql;
    throw new Error(`missing row: a query that always returns one returned none\n\nSQL Query: ${sql}`);
  }
  return row;
}

/** The result of *select* as Parquet bytes (for a loader to write to stdout). */
export async function selectToParquet(db: NodeDatabase, select: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), "vuoto-parquet-"));
  try {
    const file = join(folder, "out.parquet");
    await db.run(`COPY (${select}) TO ${literal(file)} (FORMAT parquet, COMPRESSION snappy)`);
    return await readFile(file);
  } finally {
    await rm(folder, {recursive: true, force: true});
  }
}
