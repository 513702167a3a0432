// The generator end to end: files written by generateExport, read back as a loader would, checked
// against the format (schema.ts), the calibration anchors (src/node/generate/model.ts) and the committed sample.
import {createHash} from "node:crypto";
import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3";
import {FinnishSSN} from "finnish-ssn";
import {findPhoneNumbersInText} from "libphonenumber-js/max";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {generateExport} from "../../src/node/generate/index.js";
import {projectRoot} from "../../src/node/paths.js";
import {hospitalDistrictsSelect, municipalitiesSelect} from "../../src/node/reference.js";
import {exportTables, MANIFEST_FIELDS, UNKNOWN_DISTRICT, type FieldSpec, type TableName} from "../../src/lib/schema.js";

const FILES = ["affected_records.csv", "publication_events.csv", "crisis_contacts.csv", "manifest.json"];
let folder: string;
let db: NodeDatabase;
const out = (...parts: string[]) => join(folder, ...parts);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "vuoto-generate-"));
  await generateExport({out: out("s2020"), seed: 2020, scale: 1});
  await generateExport({out: out("small-a"), seed: 11, scale: 0.05});
  await generateExport({out: out("small-b"), seed: 11, scale: 0.05});
  await generateExport({out: out("small-c"), seed: 12, scale: 0.05});
  db = await openNodeDatabase();
  for (const table of ["affected_records", "crisis_contacts"]) {
    await db.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${out("s2020", `${table}.csv`)}', header = true, all_varchar = true)`
    );
  }
  // People with their earliest dates, as the published tables count them (Finnish D.M.YYYY dates included).
  await db.run(`CREATE TABLE people AS
    SELECT person_key, min(published_on::DATE) AS published_on, min(emailed_on::DATE) AS emailed_on,
      min(CASE WHEN reported_on LIKE '%.%' THEN strptime(reported_on, '%d.%m.%Y')::DATE ELSE reported_on::DATE END) AS reported_on
    FROM affected_records GROUP BY person_key`);
});
afterAll(async () => {
  db?.close();
  await rm(folder, {recursive: true, force: true});
});

async function sha256(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

async function scalar(sql: string): Promise<number> {
  const [row] = await db.query<{value: number}>(sql);
  return Number(row!.value);
}

function expectNear(actual: number, expected: number, tolerance: number) {
  expect(actual).toBeGreaterThanOrEqual(expected * (1 - tolerance));
  expect(actual).toBeLessThanOrEqual(expected * (1 + tolerance));
}

describe("determinism", () => {
  test("the same seed writes byte-identical files", async () => {
    for (const file of FILES) expect(await sha256(out("small-b", file)), file).toBe(await sha256(out("small-a", file)));
  });

  test("another seed writes different tables", async () => {
    for (const file of FILES.filter((name) => name.endsWith(".csv"))) {
      expect(await sha256(out("small-c", file)), file).not.toBe(await sha256(out("small-a", file)));
    }
  });

  test("data/sample is what the generator writes for seed 2020, scale 1 (regenerate it after changing the model)", async () => {
    const sample = join(projectRoot, "data/sample");
    expect((await readdir(sample)).filter((name) => name !== "README.md").sort()).toEqual([...FILES].sort());
    for (const file of FILES) expect(await sha256(join(sample, file)), file).toBe(await sha256(out("s2020", file)));
  });
});

describe("calibration (seed 2020, scale 1)", () => {
  test("about 33,000 people (±3%), some with several records", async () => {
    expectNear(await scalar(`SELECT count(*) AS value FROM people`), 33_000, 0.03);
    const records = await scalar(`SELECT count(*) AS value FROM affected_records`);
    expect(records).toBeGreaterThan(33_000);
    expect(records).toBeLessThan(33_000 * 1.1);
  });

  test("about 30,900 people e-mailed (±5%), from Sat 24 Oct 2020, most by Mon 26 Oct", async () => {
    expectNear(await scalar(`SELECT count(emailed_on) AS value FROM people`), 30_900, 0.05);
    expect(await scalar(`SELECT min(emailed_on) - DATE '2020-10-24' AS value FROM people`)).toBe(0);
    const byMonday = await scalar(
      `SELECT count_if(emailed_on <= DATE '2020-10-26') / count(emailed_on) AS value FROM people`
    );
    expect(byMonday).toBeGreaterThan(0.8);
  });

  test("police reports: about 15,000 by 28 Oct and 25,000 by 9 Nov 2020 (±10%), over 200 by 24 Oct", async () => {
    expectNear(await scalar(`SELECT count_if(reported_on <= DATE '2020-10-28') AS value FROM people`), 15_000, 0.1);
    expectNear(await scalar(`SELECT count_if(reported_on <= DATE '2020-11-09') AS value FROM people`), 25_000, 0.1);
    expect(await scalar(`SELECT count_if(reported_on <= DATE '2020-10-24') AS value FROM people`)).toBeGreaterThan(200);
  });

  test("about 100 records published on 21 Oct, about 300 by 23 Oct, essentially all by the January 2021 leak", async () => {
    expectNear(await scalar(`SELECT count_if(published_on = '2020-10-21') AS value FROM affected_records`), 100, 0.15);
    expectNear(await scalar(`SELECT count_if(published_on <= '2020-10-23') AS value FROM affected_records`), 300, 0.15);
    expect(await scalar(`SELECT count_if(published_on IS NULL) AS value FROM affected_records`)).toBe(0);
  });

  test("minors are present (about 6%), and most records are from the first breach wave", async () => {
    const minors = await scalar(
      `SELECT count_if(age_group IN ('0-14', '15-17')) / count(*) AS value FROM affected_records`
    );
    expectNear(minors, 0.06, 0.2);
    const wave1 = await scalar(`SELECT count_if(breach_wave = '1') / count(*) AS value FROM affected_records`);
    expect(wave1).toBeGreaterThan(0.85);
  });

  test("Vastaamo's urban footprint: HUS and Pirkanmaa over-represented, Åland under", async () => {
    const share = async (code: string) =>
      scalar(
        `SELECT count_if(lower(strip_accents(hospital_district)) IN (SELECT lower(strip_accents(unnest([code, name_fi, name_sv, short_fi, replace(name_fi, 'sairaanhoitopiiri', 'shp')]))) FROM (${hospitalDistrictsSelect()}) WHERE code = '${code}')) / count(*) AS value FROM affected_records`
      );
    expect(await share("25")).toBeGreaterThan(0.35); // 31% of the population
    expect(await share("06")).toBeGreaterThan(0.12); // 10% of the population
    expect(await share("00")).toBeLessThan(0.003); // 0.5% of the population
  });

  test("municipalities (format 1.1): each in its record's district, Tampere and Helsinki heavier than their population", async () => {
    const municipalities = `(${municipalitiesSelect()})`;
    const districtOf = `(SELECT code FROM (${hospitalDistrictsSelect()}) AS d WHERE lower(strip_accents(a.hospital_district)) IN (SELECT lower(strip_accents(unnest([d.code, d.name_fi, d.name_sv, d.short_fi, replace(d.name_fi, 'sairaanhoitopiiri', 'shp')])))))`;
    // Every municipality is known and in the district the row names; rows of an unknown district have none.
    expect(
      await scalar(
        `SELECT count(*) AS value FROM affected_records a LEFT JOIN ${municipalities} m ON m.code = a.municipality
        WHERE CASE WHEN a.hospital_district = 'unknown' THEN a.municipality IS NOT NULL
          ELSE m.code IS NULL OR m.hospital_district IS DISTINCT FROM ${districtOf} END`
      )
    ).toBe(0);
    const shareInDistrict = (code: string) =>
      scalar(
        `SELECT count_if(municipality = '${code}') / count_if(m.hospital_district = (SELECT hospital_district FROM ${municipalities} WHERE code = '${code}')) AS value
        FROM affected_records a JOIN ${municipalities} m ON m.code = a.municipality`
      );
    const populationShare = (code: string) =>
      scalar(
        `SELECT (SELECT population_2019 FROM ${municipalities} WHERE code = '${code}') / sum(population_2019) AS value
        FROM ${municipalities} WHERE hospital_district = (SELECT hospital_district FROM ${municipalities} WHERE code = '${code}')`
      );
    expect(await shareInDistrict("837")).toBeGreaterThan(1.2 * (await populationShare("837"))); // Tampere
    expect(await shareInDistrict("091")).toBeGreaterThan(1.1 * (await populationShare("091"))); // Helsinki
    // Spread over the district, not only its office towns: Pirkanmaa has 23 municipalities.
    expect(
      await scalar(
        `SELECT count(DISTINCT municipality) AS value FROM affected_records a JOIN ${municipalities} m ON m.code = a.municipality WHERE m.hospital_district = '06'`
      )
    ).toBeGreaterThan(15);
  });

  const daily = (service: string, where: string) =>
    scalar(
      `SELECT sum(contacts::INTEGER) / count(DISTINCT date) AS value FROM crisis_contacts WHERE service = '${service}' AND ${where}`
    );
  const august = "date BETWEEN '2020-08-01' AND '2020-08-31'";

  test("crisis surge on 23–26 Oct 2020: more than 3× the August baseline at victim support, about 8× on 23 Oct", async () => {
    const baseline = await daily("victim_support", august);
    expect(await daily("victim_support", "date BETWEEN '2020-10-23' AND '2020-10-26'")).toBeGreaterThan(3 * baseline);
    const friday = (await daily("victim_support", "date = '2020-10-23'")) / baseline;
    expect(friday).toBeGreaterThan(5);
    expect(friday).toBeLessThan(12);
  });

  test("crisis line: about 1,300 contacts on Sun 25 Oct 2020 (±10%), about double the usual", async () => {
    expectNear(await daily("crisis_helpline", "date = '2020-10-25'"), 1_300, 0.1);
    expectNear(
      (await daily("crisis_helpline", "date = '2020-10-25'")) / (await daily("crisis_helpline", august)),
      2,
      0.25
    );
  });

  test("the Red Cross helpline has rows only from 25 Oct 2020; before 21 Oct nothing is breach-related", async () => {
    expect(
      await scalar(
        `SELECT min(date) AS value FROM (SELECT date::DATE - DATE '2020-10-25' AS date FROM crisis_contacts WHERE service = 'red_cross_helpline')`
      )
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count_if(breach_related IS DISTINCT FROM 'no') AS value FROM crisis_contacts WHERE date < '2020-10-21'`
      )
    ).toBe(0);
    expect(
      await scalar(
        `SELECT count_if(breach_related = 'yes') AS value FROM crisis_contacts WHERE date BETWEEN '2020-10-23' AND '2020-10-26'`
      )
    ).toBeGreaterThan(50);
  });
});

describe("the format", () => {
  type ReferenceDistrict = Record<"code" | "name_fi" | "name_sv" | "short_fi", string>;
  let reference: ReferenceDistrict[];
  beforeAll(async () => {
    reference = await db.query<ReferenceDistrict>(hospitalDistrictsSelect());
  });
  const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

  function conforms(field: FieldSpec, value: string, districts: Set<string>): boolean {
    if (value === "") return field.nullable;
    switch (field.kind) {
      case "key":
        return value.trim() !== "";
      case "district":
        return districts.has(fold(value));
      case "municipality":
        return /^\d{3}$/.test(value);
      case "enum":
        return field.values!.includes(value);
      case "enumList":
        return value.split("|").every((part) => field.values!.includes(part));
      case "date":
        return /^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(value);
      case "dateOrTimestamp":
        return (
          /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2})?$/.test(value) && !Number.isNaN(Date.parse(value))
        );
      case "integer":
        return /^\d+$/.test(value) && Number(value) >= (field.min ?? -Infinity);
      case "text":
        return true;
    }
  }

  test.each(exportTables.map((table) => [table.name, table] as const))(
    "%s: every column and cell conforms to schema.ts",
    async (name, table) => {
      const rows = csvParse(await readFile(out("s2020", `${name}.csv`), "utf8"));
      expect(rows.columns).toEqual(table.fields.map((field) => field.name));
      const districts = new Set([
        UNKNOWN_DISTRICT,
        ...reference
          .flatMap((d) => [d.code, d.name_fi, d.name_sv, d.short_fi, d.name_fi.replace(/sairaanhoitopiiri$/, "shp")])
          .map(fold)
      ]);
      for (const field of table.fields) {
        const bad = rows.findIndex((row) => !conforms(field, row[field.name] ?? "", districts));
        expect(bad, `${name}.csv:${bad + 2}: column ${field.name}`).toBe(-1);
      }
    }
  );

  test("the district column mixes spellings, mostly codes", async () => {
    const shares = await db.query<{form: string; share: number}>(
      `SELECT CASE WHEN regexp_matches(hospital_district, '^\\d\\d$') THEN 'code' ELSE 'name' END AS form, count(*) / sum(count(*)) OVER () AS share FROM affected_records GROUP BY form ORDER BY form`
    );
    expect(shares.map((row) => row.form)).toEqual(["code", "name"]);
    expect(shares[0]!.share).toBeGreaterThan(0.5);
    expect(await scalar(`SELECT count(DISTINCT hospital_district) AS value FROM affected_records`)).toBeGreaterThan(
      100
    );
  });

  test.each(exportTables.filter((table) => table.unique).map((table) => [table.name, table.unique!] as const))(
    "%s: rows are unique by %j",
    async (name, key) => {
      const rows = csvParse(await readFile(out("s2020", `${name}.csv`), "utf8"));
      const codeOf = new Map(
        reference.flatMap((d) =>
          [d.code, d.name_fi, d.name_sv, d.short_fi, d.name_fi.replace(/sairaanhoitopiiri$/, "shp")].map((spelling) => [
            fold(spelling),
            d.code
          ])
        )
      );
      const keys = rows.map((row) =>
        key
          .map((column) =>
            column === "hospital_district" ? (codeOf.get(fold(row[column]!)) ?? row[column]) : row[column]
          )
          .join("\u0000")
      );
      expect(new Set(keys).size).toBe(rows.length);
    }
  );

  test("manifest.json has every manifest field, schema version 1.1, and says the data is synthetic", async () => {
    const manifest = JSON.parse(await readFile(out("s2020", "manifest.json"), "utf8"));
    expect(Object.keys(manifest)).toEqual([...MANIFEST_FIELDS]);
    expect(manifest.schema_version).toBe("1.1");
    expect(manifest.notes).toMatch(/SYNTHETIC/);
    expect(manifest.period_start <= "2020-08-01" && manifest.period_end >= "2021-03-31").toBe(true);
  });

  test("no cell looks like an e-mail address, a phone number or a Finnish identity code", async () => {
    for (const name of ["affected_records", "publication_events", "crisis_contacts"] as TableName[]) {
      const rows = csvParse(await readFile(out("s2020", `${name}.csv`), "utf8"));
      // person_key is checked by its shape below (33,000 cells would take seconds through libphonenumber).
      const textColumns = exportTables
        .find((table) => table.name === name)!
        .fields.filter(
          (field) => ["key", "text", "district", "enumList"].includes(field.kind) && field.name !== "person_key"
        );
      const distinct = new Set(rows.flatMap((row) => textColumns.map((field) => row[field.name] ?? "")));
      for (const cell of distinct) {
        expect(cell, `${name}: a cell looks like an e-mail address`).not.toMatch(/@/);
        for (const token of cell.match(/\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/g) ?? [])
          expect(FinnishSSN.validate(token), `${name}: identity code`).toBe(false);
        expect(findPhoneNumbersInText(cell, "FI"), `${name}: a cell looks like a phone number`).toEqual([]);
      }
    }
    const keys = csvParse(await readFile(out("s2020", "affected_records.csv"), "utf8")).map((row) => row.person_key!);
    expect(keys.every((key) => /^p\d{8}$/.test(key))).toBe(true);
  });
});
