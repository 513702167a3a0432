// The loader on one small export per problem a real export has (test/fixtures/ingest/<case>/ laid over
// the valid export): exit code, the exact `file:line: column: message`, and what lands in Parquet.
import {readFile, readlink, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {loadExport} from "../../src/node/ingest/load.js";
import {formatProblems} from "../../src/node/ingest/report.js";
import {normalisedColumns, type TableName} from "../../src/lib/schema.js";
import {exportFor, tempDataDir, TEST_NOW} from "./exports.js";

async function load(name: string, options: {skipInvalid?: boolean} = {}) {
  const dataDir = await tempDataDir();
  const summary = await loadExport(await exportFor(name), {dataDir, now: TEST_NOW, ...options});
  return {summary, dataDir, text: formatProblems(summary.problems)};
}

// Rows come back sorted: the dataset's row order is not part of its contract.
const ORDER: Record<TableName, string> = {
  affected_records: "person_key, hospital_district",
  publication_events: "event_id",
  crisis_contacts: "date, service, contacts"
};

async function parquetRows(dataDir: string, table: TableName) {
  const db = await openNodeDatabase();
  await db.run("SET TimeZone = 'Europe/Helsinki'");
  const path = join(dataDir, "current", `${table}.parquet`);
  const types = await db.query<{column_name: string; column_type: string}>({
    sql: "DESCRIBE SELECT * FROM read_parquet(?)",
    params: [path]
  });
  const rows = await db.query({sql: `SELECT * FROM read_parquet(?) ORDER BY ${ORDER[table]}`, params: [path]});
  db.close();
  return {
    types: Object.fromEntries(
      types.map((t) => [t.column_name, t.column_type.replace("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ")])
    ),
    rows
  };
}

describe("a valid export", () => {
  test("loads into data/current with the normalised types and values", async () => {
    const {summary, dataDir} = await load("valid");
    expect(summary.exitCode).toBe(0);
    expect(await readlink(join(dataDir, "current"))).toMatch(/^datasets\//);
    for (const table of Object.keys(normalisedColumns) as TableName[]) {
      expect((await parquetRows(dataDir, table)).types).toEqual(normalisedColumns[table]);
    }
    const affected = await parquetRows(dataDir, "affected_records");
    expect(affected.rows.map((r) => r.hospital_district)).toEqual(["06", "06", "25", "06", "07", "06", "unknown"]);
    expect(affected.rows[0]).toMatchObject({emailed_on: "2020-10-24", data_categories: "contact|therapy_notes"});
    expect(affected.rows[2]).toMatchObject({hospital_district: "25", data_categories: "identity_code|therapy_notes"});
    expect(affected.rows[3]).toMatchObject({
      published_on: "2020-10-22",
      reported_on: "2020-10-30",
      data_categories: null
    });
    const events = await parquetRows(dataDir, "publication_events");
    // 23:30 UTC on 23 October is already 24 October in Helsinki.
    expect(events.rows.map((r) => r.occurred_on)).toEqual(["2020-10-21", "2020-10-24", "2020-10-22"]);
    expect(events.rows[1]!.description).toBe("late batch, posted\njust before midnight UTC");
    const crisis = await parquetRows(dataDir, "crisis_contacts");
    expect(crisis.rows.map((r) => [r.date, r.hospital_district, r.breach_related])).toEqual([
      ["2020-10-21", "06", "yes"],
      ["2020-10-21", "06", "unknown"],
      ["2020-10-22", "25", "no"],
      ["2020-10-23", "00", "unknown"]
    ]);
  });

  test("counts people, records and contacts", async () => {
    const {summary} = await load("valid");
    expect(summary.totals).toEqual({
      people: 6,
      records: 7,
      records_published: 3,
      people_emailed: 4,
      people_reported: 4,
      crisis_contacts: 56
    });
    expect(summary.tables.crisis_contacts).toMatchObject({
      rows: 4,
      accepted: 4,
      rejected: 0,
      duplicates: 0,
      date_range: {min: "2020-10-21", max: "2020-10-23"}
    });
  });

  test("writes a manifest with checksums, detected dialects and a content hash", async () => {
    const {dataDir} = await load("semicolons");
    const manifest = JSON.parse(await readFile(join(dataDir, "current", "manifest.json"), "utf-8"));
    expect(manifest).toMatchObject({
      export_id: "fixture-valid",
      schema_version: "1.1",
      loaded_at: "2021-06-01T15:00:00+03:00"
    });
    expect(manifest.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.export_manifest.produced_by).toBe("vuoto tests");
    const crisis = manifest.files.find((f: {table: string}) => f.table === "crisis_contacts");
    expect(crisis).toMatchObject({name: "crisis_contacts.csv", delimiter: ";", encoding: "utf-8", format: "csv"});
    expect(crisis.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await load("valid");
    const other = JSON.parse(await readFile(join(again.dataDir, "current", "manifest.json"), "utf-8"));
    expect(other.content_hash).not.toBe(manifest.content_hash);
  });
});

describe("accepted encodings", () => {
  test.each([
    ["bom", "crisis_contacts", "utf-8-bom"],
    ["semicolons", "crisis_contacts", "utf-8"],
    ["csv-gz", "crisis_contacts", "utf-8"],
    ["tsv", "publication_events", "utf-8"],
    ["ndjson", "publication_events", "utf-8"],
    ["parquet", "affected_records", "binary"]
  ])("%s loads", async (name, table, encoding) => {
    const {summary, dataDir, text} = await load(name);
    expect(text).toBe("");
    expect(summary.exitCode).toBe(0);
    const manifest = JSON.parse(await readFile(join(dataDir, "current", "manifest.json"), "utf-8"));
    expect(manifest.files.find((f: {table: string}) => f.table === table).encoding).toBe(encoding);
  });

  test("Windows-1252 ä, ö and å are read as such, and district names in any form become codes", async () => {
    const {summary, dataDir} = await load("windows-1252");
    expect(summary.exitCode).toBe(0);
    const {rows} = await parquetRows(dataDir, "affected_records");
    expect(rows.map((r) => r.hospital_district)).toEqual(["07", "00", "18"]);
  });

  test("NDJSON timestamps and Finnish dates", async () => {
    const {dataDir} = await load("ndjson");
    const {rows} = await parquetRows(dataDir, "publication_events");
    expect(rows.map((r) => [r.event_id, r.occurred_on, r.records])).toEqual([
      ["e1", "2020-10-24", 300],
      ["e2", "2020-10-22", 200]
    ]);
  });

  test("data categories in any order, case or spacing, or repeated, are kept as one canonical spelling", async () => {
    const {summary, dataDir} = await load("category-spellings");
    expect(summary.exitCode).toBe(0);
    const {rows} = await parquetRows(dataDir, "affected_records");
    expect(rows.map((r) => r.data_categories)).toEqual([
      "contact|therapy_notes",
      "contact|statements",
      "identity_code|statements",
      "contact|identity_code|therapy_notes|treatment_plan|statements"
    ]);
  });
});

describe("invalid exports are rejected with precise messages", () => {
  test.each([
    ["missing-column", "crisis_contacts.csv:1: missing column: service; add a service column (service contacted)"],
    [
      "extra-column",
      "crisis_contacts.csv:1: unexpected column: batch; remove it, or rename it to one of date, hospital_district, municipality, service, contacts, breach_related"
    ],
    ["duplicate-column", "crisis_contacts.csv:1: duplicate column: contacts; keep one of the columns with this name"],
    [
      "wrong-types",
      'crisis_contacts.csv:2: contacts: invalid contacts: not a whole number: "many"\ncrisis_contacts.csv:3: contacts: invalid contacts: not a whole number: "1.5"\ncrisis_contacts.csv:3: breach_related: unknown breach_related: "maybe"; use one of yes, no, unknown'
    ],
    [
      "unknown-district",
      'crisis_contacts.csv:3: hospital_district: unknown hospital_district: "Pirkanmaaa"; use a code (00, 03–21, 25), a Finnish or Swedish district name, or unknown'
    ],
    // Any case and spaces around items are accepted; an unknown or empty item is not.
    [
      "unknown-category",
      'affected_records.csv:3: data_categories: unknown data_categories: "contact|notes"; use |-separated values from contact, identity_code, therapy_notes, treatment_plan, statements\naffected_records.csv:5: data_categories: unknown data_categories: "contact||statements"; use |-separated values from contact, identity_code, therapy_notes, treatment_plan, statements'
    ],
    [
      "impossible-date",
      'crisis_contacts.csv:2: date: invalid date: not a date: "31.2.2020"; use YYYY-MM-DD or D.M.YYYY with a day that exists'
    ],
    [
      "future-date",
      'affected_records.csv:2: emailed_on: invalid emailed_on: in the future: "2031-01-01"; check the date and the column order'
    ],
    [
      "early-date",
      'publication_events.csv:2: occurred_at: invalid occurred_at: before 2008: "2001-05-05T10:00:00+03:0…"; implausibly early for this breach; check the date format'
    ],
    ["negative-count", 'crisis_contacts.csv:2: contacts: invalid contacts: negative: "-3"'],
    [
      "duplicate-event-id",
      "publication_events.csv:4: event_id: duplicate event_id: an earlier line has the same one; ids must be unique"
    ],
    [
      "duplicate-crisis-row",
      "crisis_contacts.csv:4: date, hospital_district, service: duplicate row: an earlier line has the same date, hospital_district, service; districts are compared after normalising (06 and Pirkanmaa are the same); merge the rows"
    ],
    [
      "missing-table",
      "publication_events.csv: missing table publication_events; add publication_events as one of publication_events.csv, publication_events.csv.gz, publication_events.tsv, publication_events.ndjson, publication_events.jsonl, publication_events.parquet, publication_events.xlsx, publication_events.txt"
    ],
    ["empty-file", "crisis_contacts.csv: empty file; export the table again: it needs a header line and rows"],
    ["header-only", "crisis_contacts.csv: header only: no rows; export the table again with its rows"],
    [
      "truncated-last-line",
      "crisis_contacts.csv:3: too few fields: expected 5; check for a missing delimiter or a line cut short"
    ],
    [
      "unterminated-quote",
      "publication_events.csv:3: unterminated quote: a quoted field opens here and never closes; the file may be cut short; export it again"
    ],
    // The row after a quoted field with two line breaks starts on physical line 5.
    ["quoted-newlines", 'publication_events.csv:5: records: invalid records: negative: "-1"'],
    // \r\n and \n in one file: still one line each.
    ["mixed-line-endings", 'crisis_contacts.csv:4: contacts: invalid contacts: not a whole number: "x"']
  ])("%s", async (name, expected) => {
    const {summary, dataDir, text} = await load(name);
    expect(summary.exitCode).toBe(1);
    expect(summary.ok).toBe(false);
    expect(text).toBe(expected);
    await expect(readlink(join(dataDir, "current"))).rejects.toThrow();
  });

  test("many lines with one problem print five examples and a count", async () => {
    const folder = await exportFor("valid");
    const rows = Array.from({length: 4517}, (_, i) => `2020-10-21,06,chat,-${i + 1},`);
    await writeFile(
      join(folder, "crisis_contacts.csv"),
      ["date,hospital_district,service,contacts,breach_related", ...rows].join("\n")
    );
    const summary = await loadExport(folder, {dataDir: await tempDataDir(), now: TEST_NOW});
    expect(formatProblems(summary.problems).split("\n")).toEqual([
      ...[2, 3, 4, 5, 6].map(
        (line) => `crisis_contacts.csv:${line}: contacts: invalid contacts: negative: "-${line - 1}"`
      ),
      "  … and 4,512 more lines with the same problem"
    ]);
  });
});

test("line numbers stay right in a file DuckDB reads in parallel, after a quoted newline", async () => {
  const folder = await exportFor("valid");
  const rows = Array.from(
    {length: 300_000},
    (_, i) => `e${i},2020-10-21,tor_site,${i === 150_000 || i === 299_998 ? "-1" : "1"},`
  );
  rows[10] = 'e10,2020-10-21,tor_site,1,"two\nlines"';
  await writeFile(
    join(folder, "publication_events.csv"),
    ["event_id,occurred_at,channel,records,description", ...rows].join("\n") + "\n"
  );
  const summary = await loadExport(folder, {dataDir: await tempDataDir(), now: TEST_NOW});
  // Row i is on line i + 2, and one line later after row 10's quoted newline.
  expect(formatProblems(summary.problems)).toBe(
    'publication_events.csv:150003: records: invalid records: negative: "-1"\npublication_events.csv:300001: records: invalid records: negative: "-1"'
  );
});

describe("--skip-invalid", () => {
  test("keeps valid rows, drops later duplicates and writes a rejects report without cell values", async () => {
    const {summary, dataDir} = await load("wrong-types", {skipInvalid: true});
    expect(summary.exitCode).toBe(0);
    expect(summary.tables.crisis_contacts).toMatchObject({rows: 2, accepted: 0, rejected: 2});
    const rejects = await readFile(join(dataDir, "current", "rejects.csv"), "utf-8");
    expect(rejects).toBe(
      "file,line,column,reason\ncrisis_contacts.csv,2,contacts,invalid contacts: not a whole number\n" +
        "crisis_contacts.csv,3,breach_related,unknown breach_related\ncrisis_contacts.csv,3,contacts,invalid contacts: not a whole number\n"
    );
    const dups = await load("duplicate-crisis-row", {skipInvalid: true});
    expect(dups.summary.tables.crisis_contacts).toMatchObject({rows: 3, accepted: 2, duplicates: 1});
    expect((await parquetRows(dups.dataDir, "crisis_contacts")).rows.map((r) => r.contacts)).toEqual([3, 12]);
  });

  test("numbers rejects by physical line after quoted line breaks and malformed rows", async () => {
    for (const [name, expected] of [
      ["quoted-newlines", "publication_events.csv,5,records,invalid records: negative\n"],
      ["truncated-last-line", "crisis_contacts.csv,3,,too few fields: expected 5\n"]
    ]) {
      const {summary, dataDir} = await load(name!, {skipInvalid: true});
      expect(summary.exitCode).toBe(0);
      expect(await readFile(join(dataDir, "current", "rejects.csv"), "utf-8")).toBe(
        `file,line,column,reason\n${expected}`
      );
    }
  });

  test("cannot skip a problem with a whole file", async () => {
    expect((await load("missing-column", {skipInvalid: true})).summary.exitCode).toBe(1);
  });
});

describe("identifiers: the export is refused and no value is shown", () => {
  test.each([
    ["identifier-email", "publication_events.csv:2: description: identifier: e-mail address", "matti.meikalainen"],
    ["identifier-hetu", "affected_records.csv:3: person_key: identifier: Finnish personal identity code", "131052"],
    ["identifier-column", "crisis_contacts.csv:1: column 6: column name suggests an identifier", null],
    // An identifier takes precedence over every other problem in the export.
    ["identifier-and-invalid", "crisis_contacts.csv:3: contacts: identifier: Finnish phone number", "1234567"]
  ])("%s", async (name, expected, secret) => {
    const {summary, text, dataDir} = await load(name);
    expect(summary.exitCode).toBe(2);
    expect(text.split("\n")).toHaveLength(1);
    expect(text.startsWith(expected)).toBe(true);
    if (secret) expect(text).not.toContain(secret);
    await expect(readlink(join(dataDir, "current"))).rejects.toThrow();
  });
});
