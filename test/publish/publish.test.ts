// Publishing end to end on the tricky dataset: files, contract, threshold, counting people once,
// coarsening, headline and audit files.
import {spawnSync} from "node:child_process";
import {readdir, readFile, writeFile, mkdir} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {readParquetColumns} from "../../src/lib/parquetColumns.js";
import {projectRoot} from "../../src/node/paths.js";
import {aggregate} from "../../src/node/publish/aggregate.js";
import {addDays, weekMonth} from "../../src/node/publish/calendar.js";
import {publish, resolveThreshold} from "../../src/node/publish/index.js";
import {publishedTables} from "../../src/lib/publishedTables.js";
import {attack, readPublished} from "./attack/elimination.js";
import {tempFolder, writeDataset} from "./dataset.js";
import {trickyDataset} from "./tricky.js";

let db: NodeDatabase;
let data: string;
let out: string;
beforeAll(async () => {
  db = await openNodeDatabase();
  data = await tempFolder();
  await writeDataset(db, data, trickyDataset());
  out = join(data, "published");
  await mkdir(out);
  await writeFile(join(out, "stale.parquet"), "left from an earlier run");
  await publish({data, out, threshold: 5});
});
afterAll(() => db.close());

const toBuffer = (bytes: Buffer) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const hyparquetType = {VARCHAR: "string", INTEGER: "int", DATE: "date", DOUBLE: "double", BOOLEAN: "boolean"};

describe("publish", () => {
  test("writes exactly the contract's tables, with the contract's columns and types, plus two JSON files", async () => {
    const files = (await readdir(out)).sort();
    expect(files).toEqual([...publishedTables.map((t) => `${t.name}.parquet`), "audit.json", "headline.json"].sort());
    for (const spec of publishedTables) {
      const columns = await readParquetColumns(toBuffer(await readFile(join(out, `${spec.name}.parquet`))));
      expect([spec.name, columns.map((c) => [c.name, c.type])]).toEqual([
        spec.name,
        Object.entries(spec.columns).map(([name, type]) => [name, hyparquetType[type]])
      ]);
    }
  });

  test("publishes every count as NULL, 0 or at least the threshold, and zeros as 0", async () => {
    const {tables, headline} = await readPublished(out);
    for (const spec of publishedTables) {
      for (const row of tables[spec.name]!) {
        for (const column of spec.counts) {
          const value = row[column] as number | null;
          expect(value === null || value === 0 || value >= 5, `${spec.name}.${column}`).toBe(true);
        }
      }
    }
    const empty = tables.people_by_district!.find((row) => row.hospital_district === "05")!;
    expect(empty).toEqual({
      hospital_district: "05",
      people: 0,
      people_published: 0,
      people_emailed: 0,
      people_reported: 0
    });
    expect(tables.people_by_district_age!.length).toBe(22 * 9);
    expect(headline.people).toBe(274);
    // Helsinki and Uusimaa's single small age cell is hidden, and so is something beside it.
    const helsinki = tables.people_by_district_age!.filter((row) => row.hospital_district === "25");
    expect(helsinki.find((row) => row.age_group === "15-17")!.people).toBeNull();
    expect(helsinki.filter((row) => row.people === null).length).toBeGreaterThan(1);
    // Satakunta's total is exactly the threshold, but its only parts (3 and 2, the other ages 0) are
    // hidden: published, it would prove each of them to lie in 1..4 (issue 12), so it is hidden too.
    const satakunta = tables.people_by_district!.find((row) => row.hospital_district === "04")!;
    expect(satakunta.people).toBeNull();
  });

  test("counts a person with disagreeing records once: lowest district code, youngest age group", async () => {
    const truth = await aggregate(db, data, {threshold: 5});
    const cell = (d: string, a: string) =>
      truth.tables.people_by_district_age!.find((r) => r.hospital_district === d && r.age_group === a)!.people;
    expect(cell("06", "18-24")).toBe(21);
    expect(cell("25", "35-44")).toBe(50);
    expect(truth.headline.people).toBe(274);
    expect(truth.headline.records).toBe(275);
  });

  test("publishes small crisis districts by month, a month being the ISO weeks whose Thursday falls in it", async () => {
    const {tables} = await readPublished(out);
    const periods = tables.crisis_by_district_period!;
    const grain = (d: string) => new Set(periods.filter((r) => r.hospital_district === d).map((r) => r.grain));
    expect([grain("25"), grain("18"), grain("11"), grain("00")]).toEqual([
      new Set(["week"]),
      new Set(["week"]),
      new Set(["month"]),
      new Set(["month"])
    ]);
    const months = periods.filter((r) => r.hospital_district === "11" && r.service === "parish");
    expect(months.map((r) => [r.period_start, r.period_end])).toEqual([
      ["2020-10-05", "2020-11-01"],
      ["2020-11-02", "2020-11-29"],
      ["2020-11-30", "2020-12-27"]
    ]);
    for (const r of months)
      expect(weekMonth(r.period_start as string)).toBe(weekMonth(addDays(r.period_end as string, -6)));
    // The weekly district's small parish weeks are hidden, and so is more than that.
    const parish = periods.filter((r) => r.hospital_district === "18" && r.service === "parish");
    expect(parish.filter((r) => r.contacts === null).length).toBeGreaterThan(3);
  });

  test("writes headline.json from the manifest, and audit.json without any suppressed value", async () => {
    const headline = JSON.parse(await readFile(join(out, "headline.json"), "utf8"));
    expect(Object.keys(headline)).toEqual([
      "people",
      "records",
      "records_published",
      "people_emailed",
      "people_reported",
      "crisis_contacts",
      "threshold",
      "policy",
      "synthetic",
      "export"
    ]);
    expect(headline.policy).toBe("suppress");
    expect(headline.synthetic).toBe(true);
    // Issue 12/13: the private manifest's file sizes and hashes never reach the public headline.
    expect(headline.export).not.toHaveProperty("files");
    expect(JSON.stringify(headline)).not.toContain("0".repeat(64));
    expect(headline.export).not.toHaveProperty("notes");
    const auditJson = JSON.parse(await readFile(join(out, "audit.json"), "utf8"));
    expect(Object.keys(auditJson)).toEqual(["threshold", "tables", "headline", "checks", "ranges", "source"]);
    expect(Object.keys(auditJson.ranges)).toEqual(["threshold", "hidden", "implicit", "solves"]);
    expect(auditJson.source).toEqual({export_id: "test-export", content_hash: "f".repeat(64)});
    for (const table of auditJson.tables) expect(Object.keys(table)).toEqual(["name", "rows", "cells", "suppressed"]);
    expect(auditJson.checks.map((c: {rule: string}) => c.rule)).toEqual([
      "contract",
      "threshold",
      "marginals",
      "groupAttributes",
      "consistent",
      "protection"
    ]);
    expect(JSON.stringify(auditJson)).not.toMatch(/primary|complementary/);
  });

  test("takes the threshold from the option, else VUOTO_THRESHOLD, else 5", async () => {
    expect(resolveThreshold(undefined)).toBe(process.env.VUOTO_THRESHOLD ? Number(process.env.VUOTO_THRESHOLD) : 5);
    expect(resolveThreshold("10")).toBe(10);
    expect(() => resolveThreshold("1")).toThrow("invalid threshold: 1");
    const ten = join(data, "published-10");
    const result = await publish({data, out: ten, threshold: 10});
    const {tables} = await readPublished(ten);
    const counts = publishedTables.flatMap((spec) =>
      tables[spec.name]!.flatMap((row) => spec.counts.map((c) => row[c] as number | null))
    );
    expect(counts.filter((v) => v !== null && v > 0 && v < 10)).toEqual([]);
    expect(result.report.threshold).toBe(10);
  });
});

describe("the publish command", () => {
  const tsx = join(projectRoot, "node_modules/.bin/tsx");
  const cli = join(projectRoot, "src/cli/publish.ts");

  test("publishes, keeps stdout empty and reports on stderr", () => {
    const target = join(data, "cli-out");
    const run = spawnSync(tsx, [cli, "--data", data, "--out", target, "--ledger", join(data, "ledger")], {
      encoding: "utf8",
      env: {...process.env, VUOTO_THRESHOLD: "6"}
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^publish: threshold 6; \d+ of \d+ cells suppressed/);
  });

  test("exits 1 with a message on a bad threshold or a missing dataset", () => {
    const bad = spawnSync(tsx, [cli, "--data", data, "--out", join(data, "x"), "--threshold", "zero"], {
      encoding: "utf8"
    });
    expect([bad.status, bad.stderr.trim()]).toEqual([
      1,
      "invalid threshold: zero (a whole number of at least 2; set --threshold or VUOTO_THRESHOLD)"
    ]);
    const missing = spawnSync(tsx, [cli, "--data", join(data, "nowhere"), "--out", join(data, "x")], {
      encoding: "utf8"
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^missing .*nowhere\/manifest\.json: run npm run load first/);
  });
});

describe("publish on edge cases", () => {
  test.each([
    ["an empty export", {people: []}],
    [
      "a single person",
      {people: [{district: "19", age: "15-17", sex: "other", emailed: "2020-10-24", reported: "2020-10-25"}]}
    ],
    ["one crisis contact", {people: [], crisis: [{date: "2020-10-25", district: "00", service: "parish", contacts: 1}]}]
  ])("%s: publishes nothing but zeros and hidden cells where needed", async (_, dataset) => {
    const db = await openNodeDatabase();
    const folder = await tempFolder();
    await writeDataset(db, folder, dataset);
    db.close();
    const target = join(folder, "published");
    await publish({data: folder, out: target, threshold: 5});
    const published = await readPublished(target);
    for (const spec of publishedTables) {
      for (const row of published.tables[spec.name]!) for (const c of spec.counts) expect([null, 0]).toContain(row[c]);
    }
    expect(attack(published)).toEqual([]);
  });
});
