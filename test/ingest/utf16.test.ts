// Issue 13: UTF-16 table files with a byte order mark (Excel's "Unicode text" is UTF-16LE, tab-separated,
// with \r\n) are read as such, not misread as Windows-1252; identifiers in them are found, and line
// numbers are those of the file.
import {readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {expect, test, vi} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {loadExport} from "../../src/node/ingest/load.js";
import {formatProblems} from "../../src/node/ingest/report.js";
import {exportFor, filesContaining, fixtures, runLoadCli, tempDataDir, TEST_NOW} from "./exports.js";

vi.setConfig({testTimeout: 300_000});

/** *text* in UTF-16 with its byte order mark. */
function utf16(text: string, order: "le" | "be"): Buffer {
  const le = Buffer.from("\uFEFF" + text, "utf16le");
  return order === "le" ? le : le.swap16();
}

const valid = (name: string) => readFile(join(fixtures, "valid", name), "utf-8");
/** Excel's "Unicode text": tabs and \r\n. */
const unicodeText = (csv: string) => csv.replaceAll(",", "\t").replaceAll("\n", "\r\n");

async function utf16Export(files: Record<string, Buffer>, remove: string[]) {
  const folder = await exportFor("valid");
  for (const name of remove) await rm(join(folder, name));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(folder, name), bytes);
  return folder;
}

async function load(folder: string) {
  const dataDir = await tempDataDir();
  const summary = await loadExport(folder, {dataDir, now: TEST_NOW});
  return {summary, dataDir, text: formatProblems(summary.problems)};
}

async function rowsOf(dataDir: string, table: string) {
  const db = await openNodeDatabase();
  const rows = await db.query({
    sql: "SELECT * FROM read_parquet(?) ORDER BY ALL",
    params: [join(dataDir, "current", `${table}.parquet`)]
  });
  db.close();
  return rows;
}

test("UTF-16LE tab-separated (.txt as Excel names it, .csv.gz) and UTF-16BE (.csv) tables load to the same rows as UTF-8", async () => {
  const csv = await load(await exportFor("valid"));
  const {summary, text, dataDir} = await load(
    await utf16Export(
      {
        "crisis_contacts.txt": utf16(unicodeText(await valid("crisis_contacts.csv")), "le"),
        "affected_records.csv": utf16(await valid("affected_records.csv"), "be"),
        "publication_events.csv.gz": gzipSync(utf16(await valid("publication_events.csv"), "le"))
      },
      ["crisis_contacts.csv", "publication_events.csv"]
    )
  );
  expect(text).toBe("");
  expect(summary.exitCode).toBe(0);
  for (const table of ["crisis_contacts", "affected_records", "publication_events"])
    expect(await rowsOf(dataDir, table)).toEqual(await rowsOf(csv.dataDir, table));
  // "Åland" (code 00) was read as text, not as Windows-1252 bytes with NULs between them.
  expect((await rowsOf(dataDir, "crisis_contacts")).map((r) => r.hospital_district)).toContain("00");
  const manifest = JSON.parse(await readFile(join(dataDir, "current", "manifest.json"), "utf-8"));
  const encodings = Object.fromEntries(
    manifest.files.map((f: {name: string; encoding: string}) => [f.name, f.encoding])
  );
  expect(encodings).toEqual({
    "affected_records.csv": "utf-16be",
    "crisis_contacts.txt": "utf-16le",
    "publication_events.csv.gz": "utf-16le"
  });
});

test("a problem in a UTF-16 file is reported at its line, with its value", async () => {
  const rows = unicodeText(await valid("crisis_contacts.csv")).replace("\tvictim_support\t", "\tvictim_süpport\t");
  const {summary, text} = await load(
    await utf16Export({"crisis_contacts.tsv": utf16(rows, "le")}, ["crisis_contacts.csv"])
  );
  expect(summary.exitCode).toBe(1);
  expect(text).toContain('crisis_contacts.tsv:3: service: unknown service: "victim_süpport"');
});

test.each([
  ["a cell", (csv: string) => csv.replace("contact|therapy_notes", "p131052-308T")],
  ["a row with too many fields", (csv: string) => csv.replace("2020-10-26", "2020-10-26\t131052-308T")]
])("an identifier in %s of a UTF-16 file refuses the export and appears nowhere", async (_, plant) => {
  const rows = plant(unicodeText(await valid("affected_records.csv")));
  const folder = await utf16Export({"affected_records.tsv": utf16(rows, "le")}, ["affected_records.csv"]);
  const dataDir = await tempDataDir();
  const {code, stdout, stderr} = runLoadCli([folder], dataDir);
  expect(code).toBe(2);
  expect(stderr).toMatch(
    /affected_records\.tsv:2: .*identifier: Finnish personal identity code; the export is refused/
  );
  expect(stdout + stderr).not.toContain("131052");
  expect(await filesContaining(dataDir, "131052-308T")).toEqual([]);
});
