import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {checkReadOnly, errorPosition} from "../../src/lib/readOnlySql.js";

function refusal(text: string) {
  const check = checkReadOnly(text);
  if (check.ok) throw new Error(`expected a refusal for: ${text}`);
  return check;
}

describe("checkReadOnly lets reading statements through", () => {
  test.each([
    "SELECT 1",
    "select * from people_by_district_age where age_group = '18-24';",
    "  -- a comment first\nSELECT hospital_district FROM people_by_district /* why */ LIMIT 3",
    "WITH t AS (SELECT * FROM crisis_national_weekly) SELECT sum(contacts) FROM t",
    "VALUES (1, 'a'), (2, 'b')",
    "DESCRIBE people_by_age",
    "SUMMARIZE daily_timeline",
    "SHOW TABLES",
    "EXPLAIN SELECT 1",
    "SELECT 'set copy attach; drop table x' AS words",
    'SELECT 1 AS "copy", 2 AS "people (sum)"',
    "SELECT date, records FROM publications_by_day_channel WHERE date >= DATE '2020-10-21'",
    "SELECT offset_value FROM (SELECT 1 AS offset_value) -- COPY t TO 'x.csv'",
    "SELECT settings FROM (SELECT 1 AS settings)",
    "SELECT 1;;  "
  ])("%s", (text) => {
    expect(checkReadOnly(text)).toEqual({ok: true});
  });
});

describe("checkReadOnly refuses anything that writes, reaches out or runs more than one statement", () => {
  test.each([
    ["COPY people_by_age TO 'out.csv'", "COPY", 1],
    ["copy (select 1) to 'x.parquet' (format parquet)", "COPY", 1],
    ["ATTACH 'other.duckdb' AS other", "ATTACH", 1],
    ["INSTALL httpfs", "INSTALL", 1],
    ["LOAD httpfs", "LOAD", 1],
    ["SET enable_external_access = true", "SET", 1],
    ["PRAGMA enable_profiling", "PRAGMA", 1],
    ["EXPORT DATABASE 'dump'", "EXPORT", 1],
    ["IMPORT DATABASE 'dump'", "IMPORT", 1],
    ["CREATE MACRO m(x) AS x + 1", "CREATE", 1],
    ["DROP TABLE people_by_age", "DROP", 1],
    ["ALTER TABLE people_by_age RENAME TO x", "ALTER", 1],
    ["INSERT INTO people_by_age VALUES ('x', 1, 1, 1, 1)", "INSERT", 1],
    ["UPDATE people_by_age SET people = 0", "UPDATE", 1],
    ["DELETE FROM people_by_age", "DELETE", 1],
    ["CALL pragma_version()", "CALL", 1],
    ["WITH t AS (SELECT 1) INSERT INTO x SELECT * FROM t", "INSERT", 22],
    ["EXPLAIN COPY t TO 'x'", "COPY", 9],
    ["  /* hide */ Copy t TO 'x'", "COPY", 14]
  ])("%s", (text, word, column) => {
    const check = refusal(text);
    expect(check.reason).toContain(word);
    expect(check.position).toMatchObject({line: 1, column});
  });

  test("a second statement after a semicolon, even hidden after a comment", () => {
    const check = refusal("SELECT 1; -- innocent\nDROP TABLE people_by_age");
    expect(check.reason).toMatch(/one statement/);
    expect(check.position).toMatchObject({line: 2, column: 1});
  });

  test.each([
    "SELECT * FROM read_csv('x')",
    "SELECT * FROM READ_CSV_AUTO ('data.csv')",
    "SELECT * FROM main.read_parquet(['a', 'b'])",
    "SELECT * FROM read_json_auto('x')",
    "SELECT * FROM \"read_csv\"('x')",
    "SELECT * FROM glob('*')",
    "SELECT * FROM parquet_scan('x')",
    "SELECT * FROM query('SELECT 1')",
    "SELECT getenv('HOME')",
    "SELECT * FROM sqlite_scan('x', 't')",
    "SELECT * FROM read_text /* gap */ ('x')"
  ])("file-reading function: %s", (text) => {
    expect(refusal(text).reason).toMatch(/not allowed: .*\(\)/);
  });

  test.each([
    ["SELECT * FROM 'file.parquet'", 15],
    ["SELECT * FROM 'people'", 15],
    ["SELECT * FROM people_by_age JOIN 'x' USING (age_group)", 34],
    ["SELECT * FROM people_by_age, 'data/other.csv'", 30],
    ["SELECT 'http://example.org/x.csv'", 8],
    ["SELECT 'https:x'", 8],
    ["SELECT e'..\\\\etc\\\\passwd'", 8],
    ["SELECT $$/etc/passwd$$", 8],
    ['SELECT * FROM "file.csv"', 15],
    ['SELECT * FROM "/tmp/x"', 15]
  ])("file or URL literal: %s", (text, column) => {
    const check = refusal(text);
    expect(check.reason).toMatch(/file|path|URL/);
    expect(check.position.column).toBe(column);
  });

  test("positions count lines and columns from 1", () => {
    const check = refusal("SELECT *\nFROM people_by_age\n  JOIN read_csv('x') USING (age_group)");
    expect(check.position).toEqual({offset: 35, line: 3, column: 8});
  });

  test.each([
    ["", /missing statement/],
    ["  -- nothing but a comment", /missing statement/],
    ["SELECT 'unterminated", /unterminated string/],
    ["SELECT 1 /* open", /unterminated comment/],
    ['SELECT "open', /unterminated quoted name/],
    ["PIVOT people_by_age ON age_group", /not allowed: PIVOT/],
    ["FROM people_by_age", /not allowed: FROM/],
    ["(SELECT 1)", /not allowed: this statement/]
  ])("%j is refused: %s", (text, reason) => {
    expect(refusal(text).reason).toMatch(reason);
  });

  test("nested block comments do not end at the first */", () => {
    expect(refusal("SELECT 1 /* a /* b */ still comment */ ; COPY t TO 'x'").reason).toMatch(/one statement/);
    expect(checkReadOnly("SELECT 1 /* a /* b */ COPY */")).toEqual({ok: true});
  });
});

describe("what the check lets through runs on DuckDB, and DuckDB's error positions are read back", () => {
  let db: NodeDatabase;
  beforeAll(async () => {
    db = await openNodeDatabase();
    await db.run(
      "CREATE TABLE people_by_age AS SELECT * FROM (VALUES ('18-24', 10), ('25-34', NULL)) t(age_group, people)"
    );
  });
  afterAll(() => db.close());

  test("allowed statements are real DuckDB statements with the expected results", async () => {
    for (const text of [
      "SELECT sum(people) AS total FROM people_by_age;",
      "SUMMARIZE people_by_age",
      "DESCRIBE people_by_age",
      "SHOW TABLES"
    ]) {
      expect(checkReadOnly(text)).toEqual({ok: true});
    }
    expect(await db.query("SELECT sum(people) AS total FROM people_by_age;")).toEqual([{total: 10}]);
    expect((await db.query<{column_name: string}>("DESCRIBE people_by_age")).map((row) => row.column_name)).toEqual([
      "age_group",
      "people"
    ]);
  });

  test.each([
    ["SELECT * FRM people_by_age", 1, 14],
    ["SELECT age_group,\n  nosuchcol FROM people_by_age", 2, 3],
    [`SELECT ${Array.from({length: 14}, (_, i) => `${i} AS c${i}`).join(", ")}, nosuch FROM people_by_age`, 1, 142]
  ])("%j fails at line %i column %i", async (text, line, column) => {
    const message = await db.query(text).then(
      () => "",
      (error: Error) => error.message
    );
    expect(message).toMatch(/LINE/);
    expect(errorPosition(message, text)).toEqual({line, column});
    expect(text.split("\n")[line - 1]!.slice(column - 1)).toMatch(/^(people_by_age|nosuch)/);
  });

  test("a message with no LINE part has no position", () => {
    expect(errorPosition("Out of Memory Error: failed", "SELECT 1")).toBeNull();
  });
});

// issue 14: the console says why it refused in the page's language, from the check's code.
test("a refusal carries a code and the keyword, and every language words every code", async () => {
  const {REFUSAL_REASONS} = await import("../../src/lib/readOnlySql.js");
  const {strings} = await import("../../src/lib/strings.js");
  const check = checkReadOnly("DROP TABLE people_by_age");
  expect(check).toMatchObject({ok: false, refusal: "firstWord", keyword: "DROP"});
  expect(checkReadOnly("SELECT 1; SELECT 2")).toMatchObject({ok: false, refusal: "oneStatement"});
  for (const lang of ["en", "fi", "sv"] as const) {
    for (const code of Object.keys(REFUSAL_REASONS) as (keyof typeof REFUSAL_REASONS)[]) {
      expect(strings[lang].explore.refusals[code], `${lang} ${code}`).toBeTruthy();
    }
  }
  expect(strings.fi.explore.refusals.firstWord).not.toBe(strings.en.explore.refusals.firstWord);
});
