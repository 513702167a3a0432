// Issue 12, successive releases under the rounding policy: a rounded release is checked together with the
// ledger's newest release (roundedPair.ts). Rounding alone does not keep differencing from narrowing a
// count: a cell published exactly as 10, then (one person removed, as the export says) rounded to 10, is
// 8 to 10, three values where round5 promises five. Such a pair was published before this check. The same
// two exports both rounded pass it: the earlier 10 says 8 to 12, which bounds the new 10 (8 to 12) not at all.
import {existsSync} from "node:fs";
import {mkdir, readdir} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {publish} from "../../src/node/publish/index.js";
import {newestRelease} from "../../src/node/publish/ledger.js";
import {auditRoundedPair} from "../../src/node/publish/roundedPair.js";
import {attackReleases, describe as describeFindings} from "./attacker.js";
import {many, tempFolder, writeDataset, type PersonSpec} from "./dataset.js";

const T = 5;
let db: NodeDatabase;
beforeAll(async () => void (db = await openNodeDatabase()));
afterAll(() => db.close());

// Half of each group published, e-mailed and reported, half not: no part is 0 or all of them anywhere.
const person = (district: string, age: string, flagged: boolean): PersonSpec => ({
  district,
  age,
  sex: "female",
  wave: "1",
  published: flagged ? "2020-10-22" : null,
  emailed: flagged ? "2020-10-24" : null,
  reported: flagged ? "2020-10-26" : null
});
const mixed = (district: string, age: string, flagged: number, not: number) => [
  ...many(flagged, person(district, age, true)),
  ...many(not, person(district, age, false))
];

/** Two exports: district 00 has 10 people aged 18-24 in the first, 9 in the second, which says so. */
async function twoExports(): Promise<{work: string; first: string; second: string}> {
  const others = [...mixed("00", "25-34", 10, 10), ...mixed("03", "18-24", 10, 10), ...mixed("03", "25-34", 10, 10)];
  const work = await tempFolder();
  const [first, second] = [join(work, "export-1"), join(work, "export-2")];
  await mkdir(first);
  await mkdir(second);
  await writeDataset(db, first, {people: [...mixed("00", "18-24", 5, 5), ...others]});
  await writeDataset(db, second, {
    people: [...mixed("00", "18-24", 5, 4), ...others],
    manifest: {people_change: "removed", content_hash: "e".repeat(64)}
  });
  return {work, first, second};
}

describe("a rounded release beside the ledger's newest release", () => {
  test("an exact release, then a rounded one with a person removed: refused, as the attacker shows it must be", async () => {
    const {work, first, second} = await twoExports();
    const ledger = join(work, "ledger");
    const one = join(ledger, "release-1");
    await publish({data: first, out: one, threshold: T});
    // Published without the ledger (as every rounded release was before this check): each is safe alone,
    // but the attacker holding both narrows the 18-24 cell of district 00 to 8..10.
    const alone = join(work, "alone");
    const {published} = await publish({data: second, out: alone, policy: "round5"});
    const control = await attackReleases(one, alone, {threshold: T, people: "removed"});
    expect(describeFindings(control.findings)).toMatch(/^2:people_by_district_age\(00,18-24\)\.people: 8\.\.10, narrower than its rounding$/m); // prettier-ignore
    // The pair's check refuses that release, naming release, table, cell, range and rule.
    const earlier = (await newestRelease(db, ledger))!;
    expect(() => auditRoundedPair(published, earlier, {change: "removed", periodEnd: null})).toThrow(
      /^audit failed: this release, table people_by_district_age, cell \(hospital_district=00, age_group=18-24\), column people, differenced with ledger release release-1: rule interval \(.*\): from both releases together a reader can prove it lies in 8\.\.10/
    );
    // Under "people changed anyhow" the two are not tied, and the same release passes.
    expect(auditRoundedPair(published, earlier, {change: "any", periodEnd: null}).release).toBe("release-1");
    // With the ledger the publisher refuses it (withholding breakdowns cannot help: the cell is in the main
    // table), says what to do, and writes nothing.
    const out = join(work, "published");
    await expect(publish({data: second, out, policy: "round5", ledger})).rejects.toThrow(
      /differenced with ledger release release-1: rule interval .*8\.\.10.*publish this export with --policy suppress/
    );
    expect(existsSync(out)).toBe(false);
    expect(await readdir(ledger)).toEqual(["release-1"]);
  }, 300_000);

  // The attacker's verdict on two rounded releases takes minutes even for this small pair (every count of
  // both is a target: 240 CPU-s, 480 s at a load of 8): it runs in attack/releases.test.ts.
  test("two rounded releases with a person removed: checked together, and published", async () => {
    const {work, first, second} = await twoExports();
    const ledger = join(work, "ledger");
    await publish({data: first, out: join(ledger, "release-1"), policy: "round5"});
    const result = await publish({data: second, out: join(work, "published"), policy: "round5", ledger});
    expect(result.ledger?.checkedWith).toBe("release-1");
    // Every count of the earlier rounded release was checked, not only its redacted ones.
    expect(result.report.ranges.ledger).toEqual({release: "release-1", cells: expect.any(Number)});
    expect(result.report.ranges.ledger!.cells).toBeGreaterThan(result.report.ranges.hidden);
    expect(result.report.withheld).toEqual([]);
  }, 300_000);
});

// The other way round (issue 12, rounded12): a rounded release, then one under the default suppress policy.
// The rounded 10 of release 1 says 8 to 12; release 2 publishes that cell exactly as 9 and says people were
// only removed since, so release 1's count is 9 to 12: four values, where round5 promised five. Published
// before this check (the two releases were never linked).
describe("a suppressed release beside a rounded ledger release", () => {
  test("a rounded release, then an exact one with a person removed: refused, as the attacker shows it must be", async () => {
    const {work, first, second} = await twoExports();
    const ledger = join(work, "ledger");
    const one = join(ledger, "release-1");
    await publish({data: first, out: one, policy: "round5"});
    const alone = join(work, "alone");
    const {published} = await publish({data: second, out: alone, threshold: T});
    const control = await attackReleases(one, alone, {threshold: T, people: "removed"});
    expect(describeFindings(control.findings)).toMatch(/^1:people_by_district_age\(00,18-24\)\.people: 9\.\.12, narrower than its rounding$/m); // prettier-ignore
    // The pair's check, with this release exact, names release, table, cell, range and rule of the first
    // count it finds narrowed, and the attacker (written apart from it) finds that count narrowed alike.
    const earlier = (await newestRelease(db, ledger))!;
    const exact = {policy: "suppress", threshold: T} as const;
    const refusal = (() => {
      try {
        auditRoundedPair(published, earlier, {change: "removed", periodEnd: null}, exact);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    const named =
      /^audit failed: ledger release release-1, table (\w+), cell \(([^)]*)\), column (\w+), differenced with this release: rule (?:interval|smallGroup) \(.*\): from both releases together a reader can prove it lies in (\d+)\.\.(\d+); publish this export with --policy round5/.exec(
        refusal
      );
    expect(named, refusal).not.toBeNull();
    const [, table, cell, column, min, max] = named!;
    const values = cell!.split(", ").map((pair) => pair.split("=")[1]);
    expect(describeFindings(control.findings, Infinity)).toContain(
      `1:${table}(${values.join(",")}).${column}: ${min}..${max}, `
    );
    // Under "people changed anyhow" the two are not tied, and the same release passes.
    expect(auditRoundedPair(published, earlier, {change: "any", periodEnd: null}, exact).release).toBe("release-1");
    // With the ledger the publisher refuses it, says what to do, and writes nothing.
    const out = join(work, "published");
    await expect(publish({data: second, out, threshold: T, ledger})).rejects.toThrow(
      /^audit failed: ledger release release-1, .*: rule (interval|smallGroup) .*--policy round5/
    );
    expect(existsSync(out)).toBe(false);
    expect(await readdir(ledger)).toEqual(["release-1"]);
    // Under --policy round5 the same export is checked against the rounded release, and published.
    const rounded = await publish({data: second, out, policy: "round5", ledger});
    expect(rounded.ledger?.checkedWith).toBe("release-1");
  }, 300_000);

  test("a rounded release, then an exact one that changes nothing it narrows: checked together, and published", async () => {
    const {work, first} = await twoExports();
    const ledger = join(work, "ledger");
    await publish({data: first, out: join(ledger, "release-1"), policy: "round5"});
    // The same export again, which does not say how its people changed since (no people_change): nothing
    // ties the two releases, so nothing narrows; the pair is still checked, and the report says with what.
    const result = await publish({data: first, out: join(work, "published"), threshold: T, ledger});
    expect(result.ledger?.checkedWith).toBe("release-1");
    expect(result.report.ranges.ledger).toEqual({release: "release-1", cells: expect.any(Number)});
  }, 300_000);
});
