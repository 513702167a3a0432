// The attacker plays against the published files, and against a naive primary-only suppression of the
// same data, which it must break (or the attack proves nothing).
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {aggregate} from "../../src/node/publish/aggregate.js";
import {publish} from "../../src/node/publish/index.js";
import {HEADLINE_COUNTS, type PublishedSystem} from "../../src/node/publish/system.js";
import {writeTables} from "../../src/node/publish/write.js";
import {attack, readPublished} from "./attacker.js";
import {many, tempFolder, writeDataset, type Dataset} from "./dataset.js";
import {trickyDataset} from "./tricky.js";

const THRESHOLD = 5;
let db: NodeDatabase;
beforeAll(async () => void (db = await openNodeDatabase()));
afterAll(() => db.close());

async function prepare(dataset: Dataset) {
  const folder = await tempFolder();
  await writeDataset(db, folder, dataset);
  const truth = await aggregate(db, folder, {threshold: THRESHOLD});
  return {folder, truth};
}

/** Hides exactly the counts from 1 to threshold − 1 and nothing else. */
async function publishPrimaryOnly(truth: PublishedSystem, out: string): Promise<void> {
  const small = (v: unknown) => (typeof v === "number" && v > 0 && v < THRESHOLD ? null : v);
  const tables = Object.fromEntries(Object.entries(truth.tables).map(([name, rows]) => [name, rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "events" ? v : small(v)]))
  )])); // prettier-ignore
  const headline = Object.fromEntries(HEADLINE_COUNTS.map((k) => [k, small(truth.headline[k])]));
  await mkdir(out, {recursive: true});
  await writeTables(db, out, {tables, headline} as PublishedSystem);
  await writeFile(join(out, "headline.json"), JSON.stringify(headline));
}

/** The true value of an attacker's cell name, to check what it claims. */
function truthOf(truth: PublishedSystem, cell: string): number {
  const headline = /^headline\.(\w+)$/.exec(cell);
  if (headline) return truth.headline[headline[1] as keyof PublishedSystem["headline"]]!;
  const [, table, key, column] = /^(\w+)\((.*)\)\.(\w+)$/.exec(cell)!;
  const dims: Record<string, string[]> = {
    people_by_district_age: ["hospital_district", "age_group"],
    people_by_district: ["hospital_district"],
    people_by_age: ["age_group"],
    people_by_sex: ["sex"],
    people_by_wave: ["breach_wave"],
    people_by_category: ["data_category"],
    daily_timeline: ["date"],
    publications_by_day_channel: ["date", "channel"],
    crisis_by_district_period: ["hospital_district", "service", "period_start"],
    crisis_national_weekly: ["week_start", "service"]
  };
  const values = key.split(",");
  const row = truth.tables[table].find((r) => dims[table].every((d, i) => String(r[d]) === values[i]))!;
  return row[column] as number;
}

describe("the attacker", () => {
  test("recovers nothing from the published files of a tricky dataset", async () => {
    const {folder} = await prepare(trickyDataset());
    const out = join(folder, "published");
    await publish({data: folder, out, threshold: THRESHOLD});
    const published = await readPublished(out);
    const suppressed = Object.values(published.tables)
      .flat()
      .filter((row) => Object.values(row).includes(null)).length;
    expect(suppressed).toBeGreaterThan(20);
    expect(attack(published)).toEqual([]);
  });

  test("recovers true values from a primary-only suppression of the same data (control)", async () => {
    const {folder, truth} = await prepare(trickyDataset());
    const out = join(folder, "naive");
    await publishPrimaryOnly(truth, out);
    const recovered = attack(await readPublished(out));
    // Among them the single small age cell of Helsinki and Uusimaa (2 people aged 15-17).
    expect(recovered).toContainEqual(
      expect.objectContaining({cell: "people_by_district_age(25,15-17).people", value: 2})
    );
    expect(new Set(recovered.map((r) => r.how))).toEqual(new Set(["substitution", "elimination", "bounds"]));
    for (const {cell, value} of recovered) expect([cell, value]).toEqual([cell, truthOf(truth, cell)]);
    expect(new Set(recovered.map((r) => r.cell)).size).toBeGreaterThan(10);
  });

  // Two suppressed cells whose sum is known to be 2 are both 1: no linear combination says so.
  const pairOfOnes: Dataset = {
    people: [
      ...many(50, {district: "25", age: "25-34", wave: "1", emailed: "2020-10-24"}),
      {district: "25", age: "25-34", sex: "female", wave: "1", emailed: "2020-10-24"},
      {district: "25", age: "25-34", sex: "male", wave: "1", emailed: "2020-10-24"}
    ]
  };

  test("pins a pair of ones by bounds alone in a primary-only suppression (control)", async () => {
    const {folder} = await prepare(pairOfOnes);
    const out = join(folder, "naive");
    await publishPrimaryOnly((await prepare(pairOfOnes)).truth, out);
    const recovered = attack(await readPublished(out));
    const female = "people_by_sex(female).people";
    expect(recovered.filter((r) => r.cell === female)).toEqual([{cell: female, value: 1, how: "bounds"}]);
  });

  test("recovers nothing once the pair of ones is published", async () => {
    const {folder} = await prepare(pairOfOnes);
    const out = join(folder, "published");
    await publish({data: folder, out, threshold: THRESHOLD});
    const published = await readPublished(out);
    expect(published.tables.people_by_sex.filter((row) => row.people === null).length).toBeGreaterThan(2);
    expect(attack(published)).toEqual([]);
  });
});
