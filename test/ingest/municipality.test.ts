// Export format 1.1: an optional municipality column (code, Finnish or Swedish name, any case). The
// hospital district is derived from it, and a district given beside it must agree, or it is an error at
// its line and column.
import {join} from "node:path";
import {expect, test} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {loadExport} from "../../src/node/ingest/load.js";
import {formatProblems} from "../../src/node/ingest/report.js";
import {exportFor, tempDataDir, TEST_NOW} from "./exports.js";

async function load(name: string, options: {skipInvalid?: boolean} = {}) {
  const dataDir = await tempDataDir();
  const summary = await loadExport(await exportFor(name), {dataDir, now: TEST_NOW, ...options});
  return {summary, dataDir, text: formatProblems(summary.problems)};
}

async function people(dataDir: string) {
  const db = await openNodeDatabase();
  const rows = await db.query<{person_key: string; hospital_district: string; municipality: string | null}>({
    sql: `SELECT person_key, hospital_district, municipality FROM read_parquet(?) ORDER BY person_key, municipality`,
    params: [join(dataDir, "current", "affected_records.parquet")]
  });
  db.close();
  return rows.map((r) => `${r.person_key} ${r.hospital_district} ${r.municipality ?? "-"}`);
}

test("a municipality by code, code without zeros, Finnish or Swedish name in any case gives the district", async () => {
  const {summary, dataDir, text} = await load("municipality");
  expect(text).toBe("");
  expect(summary.ok).toBe(true);
  expect(await people(dataDir)).toEqual([
    "p001 06 837", // Tampere, and the district given agrees
    "p002 25 049", // Espoo written as Excel writes 049; `unknown` gives way to the municipality's district
    "p002 25 091", // Helsingfors: the Swedish name, no district given
    "p003 06 182", // JÄMSÄ in capitals: Pirkanmaa district (though in Keski-Suomi county)
    "p004 07 -", // no municipality: the district as given
    "p005 18 564", // uleaborg: Uleåborg without its ring
    "p006 unknown -"
  ]);
});

test("an unknown municipality is an error at its line and column, and its value is shown", async () => {
  const {summary, text} = await load("municipality-unknown");
  expect(summary.exitCode).toBe(1);
  expect(text).toBe(
    "affected_records.csv:3: municipality: unknown municipality: \"Atlantis\"; use Statistics Finland's 3-digit municipality code (e.g. 091), the municipality's Finnish or Swedish name, or leave it empty\n" +
      "affected_records.csv:4: municipality: unknown municipality: \"999\"; use Statistics Finland's 3-digit municipality code (e.g. 091), the municipality's Finnish or Swedish name, or leave it empty"
  );
});

test("a district that disagrees with its municipality is an error at its line; both empty is a missing district", async () => {
  const {summary, text} = await load("municipality-disagrees");
  expect(summary.exitCode).toBe(1);
  expect(text).toBe(
    'affected_records.csv:3: hospital_district: hospital_district disagrees with municipality: the municipality is in another hospital district: "Pirkanmaa"; correct one of them, or leave hospital_district empty to take the municipality\'s\n' +
      "affected_records.csv:4: hospital_district: missing hospital_district; every row needs a value here"
  );
});

test("with --skip-invalid, the disagreeing row is rejected and the others load", async () => {
  const {summary, dataDir} = await load("municipality-disagrees", {skipInvalid: true});
  expect(summary.ok).toBe(true);
  expect(await people(dataDir)).toEqual(["p001 06 837"]);
});

test("a file with a municipality column and no district column loads; an empty municipality is an unknown district", async () => {
  const {summary, dataDir, text} = await load("municipality-only");
  expect(text).toBe("");
  expect(summary.ok).toBe(true);
  expect(await people(dataDir)).toEqual(["p001 06 837", "p002 16 905", "p003 unknown -"]);
});

test("a format 1 file without a municipality column still loads, its municipality empty", async () => {
  const {summary, dataDir} = await load("valid");
  expect(summary.ok).toBe(true);
  expect((await people(dataDir)).every((row) => row.endsWith(" -"))).toBe(true);
});

test("a 2020 export may give Iitti, Kuhmoinen and Heinävesi their 2020 district or their new one; both count in the key's", async () => {
  const {summary, dataDir, text} = await load("municipality-2020-districts");
  expect(text).toBe("");
  expect(summary.ok).toBe(true);
  expect(await people(dataDir)).toEqual([
    "p001 07 142", // Iitti given in Kymenlaakso, its district in 2020
    "p002 07 142", // Iitti given in Päijät-Häme, its district from 2021
    "p003 06 291", // Kuhmoinen in Keski-Suomi (14) in 2020
    "p004 06 291", // Kuhmoinen in Pirkanmaa, in Swedish
    "p005 12 090", // Heinävesi in Itä-Savo in 2020, code without its zero
    "p006 12 090" // Heinävesi in Pohjois-Karjala
  ]);
});

test("only the 2020 district is forgiven: a neighbouring one still disagrees, and so does the old district of another municipality (Lahti in Iitti's Kymenlaakso)", async () => {
  const {summary, text} = await load("municipality-2020-neighbours");
  expect(summary.exitCode).toBe(1);
  const lines = text.split("\n");
  expect(lines.map((line) => line.split(": ")[0])).toEqual([
    "affected_records.csv:2",
    "affected_records.csv:3",
    "affected_records.csv:4",
    "affected_records.csv:5"
  ]);
  expect(lines.every((line) => line.includes("hospital_district disagrees with municipality"))).toBe(true);
});

async function crisisRows(dataDir: string) {
  const db = await openNodeDatabase();
  const rows = await db.query<{date: string; hospital_district: string; municipality: string | null; contacts: number}>(
    {
      sql: `SELECT strftime(date, '%Y-%m-%d') AS date, hospital_district, municipality, service, contacts
      FROM read_parquet(?) ORDER BY date, hospital_district, municipality, service`,
      params: [join(dataDir, "current", "crisis_contacts.parquet")]
    }
  );
  db.close();
  return rows.map((r) => `${r.date} ${r.hospital_district} ${r.municipality ?? "-"} ${r.contacts}`);
}

test("crisis_contacts: a municipality gives the district as for affected_records; the 2020 district of Iitti agrees", async () => {
  const {summary, dataDir, text} = await load("crisis-municipality");
  expect(text).toBe("");
  expect(summary.ok).toBe(true);
  expect(await crisisRows(dataDir)).toEqual([
    "2020-10-21 06 182 3", // JÄMSÄ: Pirkanmaa district, given and agreeing
    "2020-10-21 06 837 12",
    "2020-10-21 07 142 2", // Iitti given in Kymenlaakso, its 2020 district: counted in the key's
    "2020-10-21 25 049 7", // `unknown` gives way to the municipality's district
    "2020-10-21 25 091 40", // Helsingfors, no district given
    "2020-10-21 25 - 4", // no municipality: the district as given, not a repeat of the Helsinki row
    "2020-10-23 00 - 1"
  ]);
});

test("crisis_contacts: a disagreeing district, an unknown municipality and a row with neither are errors at their line and column", async () => {
  const {summary, text} = await load("crisis-municipality-errors");
  expect(summary.exitCode).toBe(1);
  expect(text.split("\n")).toEqual([
    'crisis_contacts.csv:3: hospital_district: hospital_district disagrees with municipality: the municipality is in another hospital district: "Pirkanmaa"; correct one of them, or leave hospital_district empty to take the municipality\'s',
    'crisis_contacts.csv:6: hospital_district: hospital_district disagrees with municipality: the municipality is in another hospital district: "Kymenlaakso"; correct one of them, or leave hospital_district empty to take the municipality\'s',
    "crisis_contacts.csv:4: hospital_district: missing hospital_district; every row needs a value here",
    "crisis_contacts.csv:5: municipality: unknown municipality: \"Atlantis\"; use Statistics Finland's 3-digit municipality code (e.g. 091), the municipality's Finnish or Swedish name, or leave it empty"
  ]);
});

test("crisis_contacts: a file with municipalities and no district column loads; an empty municipality is an unknown district", async () => {
  const {summary, dataDir, text} = await load("crisis-municipality-only");
  expect(text).toBe("");
  expect(summary.ok).toBe(true);
  expect(await crisisRows(dataDir)).toEqual(["2020-10-21 06 837 12", "2020-10-21 16 905 3", "2020-10-22 unknown - 5"]);
});

test("crisis_contacts: rows repeat only with the same municipality (after normalising); a district row beside its municipalities does not", async () => {
  const {summary, text} = await load("crisis-municipality-duplicate");
  expect(summary.exitCode).toBe(1);
  expect(text).toBe(
    "crisis_contacts.csv:3: date, hospital_district, municipality, service: duplicate row: an earlier line has the same date, hospital_district, municipality, service; districts are compared after normalising (06 and Pirkanmaa are the same); merge the rows"
  );
});

test("crisis_contacts: a format 1 file without a municipality column still loads, its municipality empty", async () => {
  const {summary, dataDir} = await load("valid");
  expect(summary.ok).toBe(true);
  expect((await crisisRows(dataDir)).every((row) => row.includes(" - "))).toBe(true);
});
