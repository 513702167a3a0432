// Nothing under dist/ may hold row-level data: no person_key, no event_id, no free text from the
// export, no per-record rows. This scans every built file (Parquet decoded cell by cell; everything
// else as text) against the private dataset the site was built from.
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {beforeAll, expect, test} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {readParquetColumns} from "../../src/lib/parquetColumns.js";
import {config} from "../../src/node/config.js";
import {currentDir, publishedDir} from "../../src/node/publishedFiles.js";
import {publishedTables} from "../../src/lib/publishedTables.js";

const dist = process.env.VUOTO_DIST ?? "dist";
const current = currentDir();

let secrets: Set<string>;
let freeTexts: string[];
let files: string[];

beforeAll(async () => {
  const db = await openNodeDatabase();
  const keys = await db.query<{value: string}>(`
    SELECT DISTINCT person_key AS value FROM '${current}/affected_records.parquet'
    UNION SELECT DISTINCT event_id FROM '${current}/publication_events.parquet'`);
  const texts = await db.query<{value: string}>(`
    SELECT DISTINCT description AS value FROM '${current}/publication_events.parquet'
    WHERE length(description) >= 12`);
  db.close();
  secrets = new Set(keys.map((row) => row.value));
  freeTexts = texts.map((row) => row.value);
  const entries = await readdir(dist, {recursive: true, withFileTypes: true});
  files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
});

test("the private dataset has keys to look for (so the scan below can fail)", () => {
  expect(secrets.size).toBeGreaterThan(1000);
  expect(files.length).toBeGreaterThan(10);
});

test("no built file contains a person_key or event_id as a token, nor any free-text description", async () => {
  const leaks: string[] = [];
  // Compressed copies are checked below to be exactly their originals, which this scan reads.
  for (const file of files.filter((name) => !isCompressedCopy(name))) {
    const text = (await readFile(file)).toString("latin1");
    // Keys are compared whole, token by token, so a key that is a substring of code is no false alarm.
    for (const token of text.split(/[^A-Za-z0-9_\-.:]+/)) {
      if (token.length >= 4 && secrets.has(token)) {
        leaks.push(`${file}: a private key`);
        break;
      }
    }
    if (freeTexts.some((description) => text.includes(description))) leaks.push(`${file}: free text from the export`);
  }
  expect(leaks).toEqual([]);
});

const isCompressedCopy = (file: string) => file.endsWith(".br") || file.endsWith(".gz");

test("every .br and .gz file is exactly the file beside it, compressed, so the scan above covers it", async () => {
  const copies = files.filter(isCompressedCopy);
  expect(copies.length).toBeGreaterThan(10);
  const different: string[] = [];
  for (const copy of copies) {
    const original = copy.slice(0, -3);
    const bytes = await readFile(copy);
    const unpacked = copy.endsWith(".br") ? brotliDecompressSync(bytes) : gunzipSync(bytes);
    if (!files.includes(original) || !unpacked.equals(await readFile(original))) different.push(copy);
  }
  expect(different).toEqual([]);
});

test("every published Parquet file is one of the contract's aggregate tables, with its exact columns", async () => {
  const parquetFiles = files.filter((file) => file.endsWith(".parquet"));
  expect(parquetFiles.length).toBe(publishedTables.length);
  for (const file of parquetFiles) {
    const bytes = await readFile(file);
    const columns = await readParquetColumns(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    const names = columns.map((column) => column.name);
    const spec = publishedTables.find((table) => names.join() === Object.keys(table.columns).join());
    expect(spec, `${file} has columns ${names.join(", ")}`).toBeDefined();
    for (const column of columns) {
      for (const value of column.values) {
        if (typeof value === "string") expect(secrets.has(value), `${file}: ${column.name}`).toBe(false);
      }
    }
  }
});

test("no file of the release ledger reaches dist/: no ledger path, and no earlier release's file", async () => {
  const ledger = config().ledgerDir;
  const entries = await readdir(ledger, {recursive: true, withFileTypes: true}).catch(() => []);
  const ledgerFiles = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  // A ledger file that is byte for byte the current release's own file is served as that file.
  const current = new Map<string, Buffer>();
  for (const name of await readdir(publishedDir())) current.set(name, await readFile(join(publishedDir(), name)));
  const earlier: Buffer[] = [];
  for (const file of ledgerFiles) {
    const bytes = await readFile(file);
    if (!current.get(file.split("/").at(-1)!)?.equals(bytes)) earlier.push(bytes);
  }
  const leaks: string[] = files.filter((file) => /(^|\/)ledger(\/|$)/.test(file.slice(dist.length)));
  for (const file of files.filter((name) => !isCompressedCopy(name))) {
    const bytes = await readFile(file);
    if (earlier.some((other) => other.length === bytes.length && other.equals(bytes))) leaks.push(file);
  }
  expect(leaks).toEqual([]);
});
