// Issue 13: rows that do not fit. Too many fields is an error at its line; lines of at least 16 MB load;
// a longer one is reported with its line number; every byte of every file is scanned for identifiers,
// rows too long or too wide to load included; headerless and CR-only files are recognised, never printed.
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {expect, test} from "vitest";
import {loadExport} from "../../src/node/ingest/load.js";
import {formatProblems} from "../../src/node/ingest/report.js";
import {exportFor, filesContaining, fixtures, tempDataDir, TEST_NOW} from "./exports.js";

async function load(folder: string, skipInvalid = false) {
  const dataDir = await tempDataDir();
  const summary = await loadExport(folder, {dataDir, now: TEST_NOW, skipInvalid});
  return {summary, dataDir, text: formatProblems(summary.problems)};
}

test("a row with too many fields is an error at its line", async () => {
  const {summary, text} = await load(await exportFor("too-many-fields"));
  expect(summary.exitCode).toBe(1);
  expect(text).toContain("crisis_contacts.csv:3: too many fields: expected 5");
  expect(text).not.toContain("surplus");
});

test("an identifier in a field beyond the header's is found: exit 2, even with --skip-invalid", async () => {
  for (const skip of [false, true]) {
    const {summary, text, dataDir} = await load(await exportFor("too-many-fields-identifier"), skip);
    expect(summary.exitCode).toBe(2);
    expect(text).toContain("crisis_contacts.csv:3: identifier: e-mail address");
    expect(text).not.toContain("matti");
    expect(await filesContaining(dataDir, "matti")).toEqual([]);
  }
});

async function withLongDescription(bytes: number, tail = ""): Promise<string> {
  const folder = await exportFor("valid");
  const csv = await readFile(join(fixtures, "valid", "publication_events.csv"), "utf-8");
  await writeFile(
    join(folder, "publication_events.csv"),
    csv + `e9,2020-10-25,tor_site,7,${"x".repeat(bytes)}${tail}\n`
  );
  return folder;
}

test("a line of 17 MB loads", async () => {
  const {summary} = await load(await withLongDescription(17 * 1024 * 1024));
  expect(summary.problems).toEqual([]);
  expect(summary.tables.publication_events?.rows).toBe(4);
});

test(
  "a line over 32 MiB is reported with its line number; an identifier in it refuses the export",
  {timeout: 240_000},
  async () => {
    const long = await load(await withLongDescription(33 * 1024 * 1024));
    expect(long.summary.exitCode).toBe(1);
    expect(long.text).toContain("publication_events.csv:6: line too long: over 32 MiB");
    const hidden = await load(await withLongDescription(33 * 1024 * 1024, " puh. 040 123 4567"));
    expect(hidden.summary.exitCode).toBe(2);
    expect(hidden.text).toBe(
      "publication_events.csv:6: identifier: Finnish phone number; the export is refused; remove identifiers from the export and pseudonymise it before loading"
    );
  }
);

test("a headerless file is described, its first row not printed", async () => {
  const {summary, text} = await load(await exportFor("headerless"));
  expect(summary.exitCode).toBe(1);
  expect(text).toContain("crisis_contacts.csv:1: no header line: the first line names no column of format v1");
  expect(text).not.toContain("crisis_helpline");
  expect(text).not.toContain("2020-10-21");
});

test("a file with CR-only line endings loads, with a warning", async () => {
  const {summary} = await load(await exportFor("cr-only"));
  expect(summary.problems).toEqual([]);
  expect(summary.tables.crisis_contacts?.rows).toBe(3);
  expect(summary.warnings).toEqual([
    "crisis_contacts.csv: lines end in a carriage return only (classic Mac); read as line breaks"
  ]);
});
