import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, test} from "vitest";
import {ident, joinSql, literal, raw, sql} from "../../src/lib/sql.js";

describe("the sql tag", () => {
  test("values become parameters and fragments are spliced in with theirs, in order", () => {
    const inner = sql`b = ${2}`;
    const query = sql`SELECT * FROM t WHERE a = ${"x"} AND ${inner} AND c IN (${joinSql([sql`${3}`, sql`${null}`], ", ")})`;
    expect(query).toEqual({sql: "SELECT * FROM t WHERE a = ? AND b = ? AND c IN (?, ?)", params: ["x", 2, 3, null]});
  });

  test("raw text carries no parameter", () => {
    expect(sql`SELECT ${raw(ident("a"))}, ${true}`).toEqual({sql: 'SELECT "a", ?', params: [true]});
  });
});

describe("quoting", () => {
  test("DuckDB reads back a literal and an identifier holding quotes exactly", async () => {
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const text = `it's "quoted" ''`;
    const reader = await connection.runAndReadAll(`SELECT ${literal(text)} AS ${ident(text)}`);
    expect(reader.columnNames()).toEqual([text]);
    expect(reader.getRows()).toEqual([[text]]);
  });
});
