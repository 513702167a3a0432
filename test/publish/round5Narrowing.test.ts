// Issue 12, the rounding policy must never narrow a count: the audit relates every published table with
// the solver (roundedRanges.ts) and fails the releases the attacker breaks (attacker.test.ts, "the
// attacker on rounded releases"); the publisher withholds the breakdowns that would narrow a count, so
// that the attacker finds nothing in what it writes.
import {mkdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {publish} from "../../src/node/publish/index.js";
import {buildModel} from "../../src/node/publish/model.js";
import {roundedRanges, roundedRule} from "../../src/node/publish/roundedRanges.js";
import {auditRounded, designatedTotals} from "../../src/node/publish/rounding.js";
import {HEADLINE_COUNTS, type Headline, type PublishedSystem} from "../../src/node/publish/system.js";
import {attack} from "./attacker.js";
import {loadedDataset} from "./attack/exports.js";
import {roundedRelease, type FixtureRelease} from "./attack/fixtures.js";
import {many, tempFolder, writeDataset, type PersonSpec} from "./dataset.js";

let db: NodeDatabase;
beforeAll(async () => void (db = await openNodeDatabase()));
afterAll(() => db.close());

/**
 * A fixture release as the publisher's system. The fixture leaves out the counts it is not about: they
 * are redacted here, except the records, which every person has at least one of (a redacted national
 * records count beside 32 people would contradict itself), so they are published as a large count.
 */
function systemOf(release: FixtureRelease): PublishedSystem {
  const headline = Object.fromEntries(HEADLINE_COUNTS.map((name) => [name, release.headline?.[name] ?? null]));
  return {tables: release.tables, headline: {...headline, records: 1000} as Headline};
}

/** Every failure of the solver's rules, by cell column, range and rule. */
function failures(release: FixtureRelease): Array<[string, number, number, string]> {
  const model = buildModel(systemOf(release));
  const designated = new Map(designatedTotals(model).map(({whole, parts}) => [whole, parts]));
  return roundedRanges(model, designated).failures.map(({where, range, rule}) => [where, range.min, range.max, rule]);
}

const ageCell = (age: string) =>
  `table people_by_district_age, cell (hospital_district=00, age_group=${age}), column people`;

describe("the audit fails the attacker's rounded releases", () => {
  test("four cells of 8 (published 10, total 40) beside a sex table's 30: each is exactly 8", () => {
    const found = failures(roundedRelease([8, 8, 8, 8]));
    for (const age of ["0-14", "15-17", "18-24", "25-34"])
      expect(found).toContainEqual([ageCell(age), 8, 8, "interval"]);
    expect(() => auditRounded(systemOf(roundedRelease([8, 8, 8, 8])))).toThrow(/rule interval .*lies in 8\.\.8/);
  });

  test("two cells of 8 beside a sex table's 15: each narrowed to 8..9", () => {
    const found = failures(roundedRelease([8, 8]));
    expect(found).toContainEqual([ageCell("0-14"), 8, 9, "interval"]);
    expect(found).toContainEqual([ageCell("15-17"), 8, 9, "interval"]);
  });

  test("two redacted 7s beside a sex table's 15: each shown to be 6 or 7, a small group", () => {
    const found = failures(roundedRelease([7, 7]));
    expect(found).toContainEqual([ageCell("0-14"), 6, 7, "smallGroup"]);
    expect(() => auditRounded(systemOf(roundedRelease([7, 7])))).toThrow(
      /people_by_district_age, cell \(hospital_district=00, age_group=(0-14|15-17)\), column people: rule smallGroup .*lies in 6\.\.7/
    );
  });

  test("the same cells without the sex table, and two 10s beside it, pass", () => {
    for (const counts of [
      [7, 7],
      [8, 8],
      [8, 8, 8, 8]
    ])
      expect(failures(roundedRelease(counts, {bySex: false}))).toEqual([]);
    expect(failures(roundedRelease([10, 10]))).toEqual([]);
    expect(() => auditRounded(systemOf(roundedRelease([10, 10])))).not.toThrow();
  });

  test("the rules at their edges: five values pass, four fail; 1..7 fails, 0..7 and 8.. pass", () => {
    expect(roundedRule({min: 8, max: 12})).toBeNull();
    expect(roundedRule({min: 8, max: 11})).toBe("interval");
    expect(roundedRule({min: 0, max: 4})).toBeNull();
    expect(roundedRule({min: 0, max: 3})).toBe("interval");
    expect(roundedRule({min: 1, max: 7})).toBe("smallGroup");
    expect(roundedRule({min: 0, max: 7})).toBeNull();
    expect(roundedRule({min: 3, max: 8})).toBeNull();
    expect(roundedRule({min: 0, max: 0})).toBeNull();
  });
});

describe("an export that rounds to the four-8s pattern is published safely", () => {
  // District 00 holds four age groups of 8 people (32 people, 32 records), all women of wave 1 e-mailed
  // on one day: the age cells round to 10 (total 40) while the 32 people's records round to 30.
  const person = (age: string): PersonSpec => ({
    district: "00",
    age,
    sex: "female",
    wave: "1",
    published: "2020-10-22",
    emailed: "2020-10-24",
    reported: null
  });
  let out: string;
  let withheld: string[] | undefined;
  beforeAll(async () => {
    const work = await tempFolder();
    await mkdir(join(work, "data"));
    const people = ["0-14", "15-17", "18-24", "25-34"].flatMap((age) => many(8, person(age)));
    await writeDataset(db, join(work, "data"), {people});
    out = join(work, "published");
    ({
      report: {withheld}
    } = await publish({data: join(work, "data"), out, policy: "round5"}));
  }, 300_000);

  test("the national records, rounded on their own (30: 28..32), are withheld: people ≤ records would pin each cell to 8", async () => {
    // The sex and wave tables have rows for the other sexes and waves too (redacted: 0..7), so they leave
    // the cells room and stay; e-mailed by day does the same. Only the records figure must go.
    expect(withheld).toEqual(["headline.records"]);
    const audit = JSON.parse(await readFile(join(out, "audit.json"), "utf8"));
    expect(audit.withheld).toEqual(["headline.records"]);
    expect(audit.checks.map((c: {rule: string}) => c.rule)).toEqual(expect.arrayContaining(["interval", "smallGroup"]));
    const headline = JSON.parse(await readFile(join(out, "headline.json"), "utf8"));
    expect(headline).not.toHaveProperty("records");
    expect(headline.people).toBe(40);
    const rows = await db.query(
      `SELECT count(*)::INTEGER AS n FROM read_parquet('${join(out, "people_by_sex.parquet")}')`
    );
    expect(rows).not.toEqual([{n: 0}]);
  });

  test("the attacker finds nothing in the published folder", async () => {
    const result = await attack(out);
    expect(result.stats.targets).toBeGreaterThan(0);
    expect(result.findings).toEqual([]);
  }, 300_000);
});

describe("the embedded sample under round5", () => {
  test("still publishes, as rounded, with nothing withheld and the solver's rules checked", async () => {
    const data = await loadedDataset("sample");
    const out = join(await tempFolder(), "published");
    const {report, published} = await publish({data, out, policy: "round5"});
    expect(report.withheld).toEqual([]);
    expect(report.ranges.implicit).toBeGreaterThan(0);
    expect(report.ranges.solves).toBeGreaterThan(0);
    expect(published.headline.records).not.toBeUndefined();
  }, 600_000);
});
