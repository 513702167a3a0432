import {DuckDBInstance} from "@duckdb/node-api";
import {expect, test} from "vitest";
import {QueryError, queryError, refusedQuery} from "../../src/lib/queryError.js";
import {checkReadOnly} from "../../src/lib/readOnlySql.js";

test("a database error keeps its own message, and carries the SQL and the position apart", async () => {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const sql = "SELECT 1\nFROM nowhere_table";
  const cause = await connection.run(sql).then(
    () => null,
    (error: unknown) => error
  );
  const error = queryError(cause, sql);
  expect(error).toBeInstanceOf(QueryError);
  expect(error.message).toMatch(/^Catalog Error: Table with name nowhere_table does not exist/);
  expect(error.message).not.toContain("SQL Query");
  expect([error.sql, error.position, error.refused, error.cause]).toEqual([sql, {line: 2, column: 6}, false, cause]);
});

test("a refused statement says why and where, and is marked refused", () => {
  const sql = "SELECT *\nFROM read_csv('x.csv')";
  const check = checkReadOnly(sql);
  if (check.ok) throw new Error("expected the read-only check to refuse a file read");
  const error = refusedQuery(sql, check);
  expect([error.refused, error.sql, error.message, error.position]).toEqual([
    true,
    sql,
    check.reason,
    {line: check.position.line, column: check.position.column}
  ]);
  expect(error.position?.line).toBe(2);
});
