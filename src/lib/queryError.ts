// A failed query as a value: what went wrong, the SQL it happened in and where in that SQL, kept
// apart so that nothing has to split a message to show them.
import {errorPosition, type ReadOnlyCheck, type Refusal} from "./readOnlySql.js";

export class QueryError extends Error {
  override name = "QueryError";
  constructor(
    /** The database's message, or why the statement was refused; without the SQL. */
    message: string,
    /** The SQL that failed. */
    readonly sql: string,
    /** The 1-based line and column the message points at, when it points anywhere. */
    readonly position: {line: number; column: number} | null,
    /** True when the read-only check refused the statement, so it never ran. */
    readonly refused = false,
    options?: {cause?: unknown; refusal?: {code: Refusal; keyword?: string}}
  ) {
    super(message, options);
    this.refusal = options?.refusal;
  }
  /** Why the read-only check refused the statement, for a message in the reader's language. */
  readonly refusal?: {code: Refusal; keyword?: string};
}

/** Wraps a database error at the one place queries run, so every failure carries its SQL. */
export function queryError(cause: unknown, sql: string): QueryError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new QueryError(message, sql, errorPosition(message, sql), false, {cause});
}

/** A statement the read-only check refused. */
export function refusedQuery(sql: string, check: Extract<ReadOnlyCheck, {ok: false}>): QueryError {
  const {line, column} = check.position;
  return new QueryError(check.reason, sql, {line, column}, true, {
    refusal: {code: check.refusal, keyword: check.keyword}
  });
}
