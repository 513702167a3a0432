// Issue 12: the attacker must catch the leaks the issue found, on hand-made published folders, and
// pass a folder that is safe. Its attack on real builds is in attack/releases.test.ts.
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {attack, attackReleases} from "./attacker.js";
import {
  alandRelease,
  countyRelease,
  crisisRelease,
  hiddenBlock,
  hiddenBlockLessOne,
  roundedRelease,
  writeRelease,
  type FixtureRow
} from "./attack/fixtures.js";
import {tempFolder} from "./dataset.js";

let db: NodeDatabase;
let folder: string;
beforeAll(async () => {
  db = await openNodeDatabase();
  folder = await tempFolder("vuoto-attacker-");
});
afterAll(() => db.close());
const write = (name: string, release: Parameters<typeof writeRelease>[2]) =>
  writeRelease(db, join(folder, name), release);

/** The fixture's row that *matches*, or a clear error when the fixture has none. */
function rowOf(rows: FixtureRow[], matches: (row: FixtureRow) => boolean): FixtureRow {
  const row = rows.find(matches);
  if (!row) throw new Error("the fixture has no row that the test changes");
  return row;
}

describe("the attacker on hand-made releases", () => {
  test("pins Åland's 15-17 cell to 1 through reported ≤ people, and sees the 0 beside it", async () => {
    const {findings} = await attack(await write("aland", alandRelease()));
    expect(findings).toContainEqual({
      cell: "people_by_district_age(00,15-17).people",
      kind: "hidden",
      min: 1,
      max: 1,
      rule: "recovered exactly"
    });
    expect(findings).toContainEqual(
      expect.objectContaining({
        cell: "people_by_district_age(00,15-17).people",
        kind: "group",
        measure: "people_reported",
        rule: "none of a small group has it"
      })
    );
    // The two other hidden cells hold 7 people who all reported: that is a group attribute too.
    expect(findings).toContainEqual(
      expect.objectContaining({cell: "people_by_district_age(00,18-24).people", rule: "all of a small group have it"})
    );
  });

  test("recovers a monthly district's weeks as the national week minus the weekly district", async () => {
    const release = crisisRelease([50, 60, 70, 80], {"02": 10}, [52, 63, 71, 84]);
    const {findings} = await attack(await write("monthly", release));
    const weeks = findings.filter((f) => f.kind === "latent").map((f) => [f.cell, f.min, f.max, f.rule]);
    expect(weeks).toEqual([
      ["week(2020-11-02,02,crisis_helpline).contacts", 2, 2, "recovered exactly"],
      ["week(2020-11-09,02,crisis_helpline).contacts", 3, 3, "recovered exactly"],
      ["week(2020-11-16,02,crisis_helpline).contacts", 1, 1, "recovered exactly"],
      ["week(2020-11-23,02,crisis_helpline).contacts", 4, 4, "recovered exactly"]
    ]);
  });

  test("passes two monthly districts whose weeks can be shared in many ways", async () => {
    const release = crisisRelease([50, 60, 70, 80], {"02": 20, "03": 20}, [60, 70, 80, 90]);
    expect((await attack(await write("monthly-safe", release))).findings).toEqual([]);
  });

  test("a coarsened week known exactly at T or more is a finding; a month of one week is a published cell", async () => {
    const release = crisisRelease([50, 60, 70, 80, 90], {"02": 80}, [70, 80, 90, 100, 97]);
    // crisisRelease's months are November's four weeks; add December's first week, a month of one week.
    const december = {grain: "month", period_start: "2020-11-30", period_end: "2020-12-06"};
    const rows = release.tables.crisis_by_district_period;
    rows.push({...rows[0], ...december, hospital_district: "02", contacts: 7});
    release.tables.crisis_national_weekly.push({...release.tables.crisis_national_weekly[0], week_start: "2020-11-30", contacts: 97}); // prettier-ignore
    rows.push({...rows[0], period_start: "2020-11-30", period_end: "2020-12-06", contacts: 90});
    const {findings} = await attack(await write("monthly-exact", release));
    expect(findings.map((f) => [f.cell, f.min, f.max, f.rule])).toEqual(
      ["2020-11-02", "2020-11-09", "2020-11-16", "2020-11-23"].map((w) => [
        `week(${w},02,crisis_helpline).contacts`,
        20,
        20,
        "recovered exactly"
      ])
    );
  });

  test("a week that is all of its month (the other weeks provably 0) is that published cell, no finding", async () => {
    const alone = await attack(
      await write("one-week-of-month", crisisRelease([50, 60, 70, 80], {"02": 9}, [50, 60, 70, 89]))
    );
    expect(alone.findings).toEqual([]);
    // The control: one contact in another week, and both weeks are recovered exactly.
    const split = await attack(
      await write("two-weeks-of-month", crisisRelease([50, 60, 70, 80], {"02": 9}, [50, 60, 71, 88]))
    );
    expect(split.findings.map((f) => [f.cell, f.min, f.max])).toEqual([
      ["week(2020-11-16,02,crisis_helpline).contacts", 1, 1],
      ["week(2020-11-23,02,crisis_helpline).contacts", 8, 8]
    ]);
  });

  test("a week of a monthly district over all services is a coarsened cell too", async () => {
    const release = crisisRelease([50, 60, 70, 80], {"02": 10}, [52, 63, 71, 84]);
    const rows = release.tables.crisis_by_district_period;
    for (const d of ["01", "02"])
      for (const period of rows.filter((r) => r.hospital_district === d && r.service !== "all"))
        rows.push({...period, service: "all"});
    const {findings} = await attack(await write("monthly-all", release));
    expect(findings.filter((f) => f.cell.includes(",all)")).map((f) => [f.cell, f.min, f.max])).toEqual([
      ["week(2020-11-02,02,all).contacts", 2, 2],
      ["week(2020-11-09,02,all).contacts", 3, 3],
      ["week(2020-11-16,02,all).contacts", 1, 1],
      ["week(2020-11-23,02,all).contacts", 4, 4]
    ]);
  });

  test("all of a small group: exempt only when the national totals publish that everyone has it", async () => {
    // Everyone in Åland reported (21 of 21), so each hidden cell's reports equal its people.
    const everyone = alandRelease();
    for (const row of everyone.tables.people_by_district_age) row.people_reported = row.people ?? null;
    rowOf(everyone.tables.people_by_district, (row) => row.hospital_district === "00").people_reported = 21;
    const groups = async (name: string, headline: Record<string, unknown>) => {
      const {findings} = await attack(await write(name, {...everyone, headline}));
      return findings.filter((f) => f.kind === "group").map((f) => f.cell);
    };
    const hidden = ["15-17", "18-24", "65+"].map((age) => `people_by_district_age(00,${age}).people`);
    expect(await groups("everyone", {people: 21, people_reported: 21})).toEqual([]);
    // With no headline, the district breakdown, every cell published, is the national total: exempt.
    expect(await groups("breakdown", {})).toEqual([]);
    // A second district whose reports are hidden: the national count of reports is not published.
    const districts = everyone.tables.people_by_district;
    const cross = everyone.tables.people_by_district_age;
    districts.push({hospital_district: "01", people: 10, people_reported: null});
    cross.push({hospital_district: "01", age_group: "25-34", people: 10, people_reported: null});
    expect((await groups("headline-hidden", {people: 31, people_reported: null})).sort()).toEqual(hidden);
    // Nationally not everyone reported: that all of Åland did (its published row) does not exempt.
    districts[1]!.people_reported = 5;
    cross.at(-1)!.people_reported = 5;
    expect((await groups("not-everyone", {people: 31, people_reported: 26})).sort()).toEqual(hidden);
  });

  test("passes a hidden block whose cells lie anywhere in 1..19", async () => {
    const result = await attack(await write("block", hiddenBlock()));
    expect(result.findings).toEqual([]);
    expect(result.stats.targets).toBe(4);
  });

  test("fails a range exactly T − 1 wide and passes one exactly T wide", async () => {
    const narrow = await attack(await write("block-6", hiddenBlock(6)));
    expect(narrow.findings.map((f) => [f.min, f.max, f.rule])).toEqual(Array(4).fill([1, 5, "narrower than T"]));
    expect((await attack(await write("block-7", hiddenBlock(7)))).findings).toEqual([]);
  });

  test("a threshold one higher fails what passed", async () => {
    const release = await write("block-7-t6", hiddenBlock(7));
    expect((await attack(release, {threshold: 6})).findings).toHaveLength(4);
  });

  test("pins a cell across two releases that are each safe alone", async () => {
    const first = await write("release-1", hiddenBlock());
    const second = await write("release-2", hiddenBlockLessOne());
    expect((await attack(second)).findings).toEqual([]);
    const {findings} = await attackReleases(first, second);
    expect(findings).toContainEqual({
      cell: "1:people_by_district_age(01,25-34).people",
      kind: "hidden",
      min: 15,
      max: 16,
      rule: "narrower than T"
    });
    // Without the knowledge that people were only removed, the two releases say nothing together.
    expect((await attackReleases(first, second, {people: "any"})).findings).toEqual([]);
  });

  test("refuses a release whose figures contradict each other", async () => {
    const release = alandRelease();
    rowOf(release.tables.people_by_district, (row) => row.hospital_district === "00").people = 22;
    rowOf(release.tables.people_by_district_age, (row) => row.age_group === "15-17").people = 9;
    await expect(attack(await write("contradiction", release))).rejects.toThrow(/contradict/);
  });
});

describe("issue 16: the attacker on districts beside counties", () => {
  // Varsinais-Suomi county (05) holds only district 03, so district 03 minus it is Punkalaidun (03 ∩ 08)
  // plus its people of unknown municipality (none: the unknown county publishes 0).
  const exposed = () => countyRelease({"03": 60, "06": 100, "14": 40}, {"05": 57, "08": 97, "15": 46, unknown: 0});

  test("finds the sliver Punkalaidun = district 03 minus county 05, and Jämsä = county 15 minus district 14", async () => {
    const {findings} = await attack(await write("county-exposed", exposed()));
    const slivers = findings.filter((f) => f.cell.startsWith("piece(")).map((f) => [f.cell, f.min, f.max, f.rule]);
    expect(slivers).toContainEqual(["piece(03|08).people", 3, 3, "recovered exactly"]);
    expect(slivers).toContainEqual(["piece(06|15).people", 6, 6, "recovered exactly"]);
    expect(slivers).toContainEqual(["piece(06|08).people", 94, 94, "recovered exactly"]);
    // Without the county model the same folder gives nothing away: the finding is the model's.
    expect((await attack(await write("county-exposed-off", exposed()), {counties: false})).findings).toEqual([]);
  });

  test("a sliver of two pieces: district 03 minus the county wholly inside it", async () => {
    // The unknown county hidden: Punkalaidun is no longer exact, but 03 minus county 05 is 1..4 wide.
    const release = countyRelease({"03": 60, "06": 100, "14": 40}, {"05": 57, "08": 97, "15": null, unknown: null});
    const {findings} = await attack(await write("county-sliver-small", release));
    expect(findings.map((f) => [f.cell, f.min, f.max, f.rule])).toContainEqual([
      "piece(03|08+03|unknown).people",
      3,
      3,
      "recovered exactly"
    ]);
    expect((await attack(await write("county-sliver-small-off", release), {counties: false})).findings).toEqual([]);
  });

  test("passes districts and counties whose slivers can each be anything from 0 to at least T", async () => {
    const release = () => countyRelease({"03": 60, "06": 100, "14": 40}, {"05": null, "08": 100, "15": null, unknown: null}); // prettier-ignore
    const on = await attack(await write("county-protected", release()));
    expect(on.findings).toEqual([]);
    // The slivers were attacked (each split district's pieces, and its part outside the counties inside it).
    const off = await attack(await write("county-protected-off", release()), {counties: false});
    expect(on.stats.targets - off.stats.targets).toBeGreaterThan(20);
  });

  test("a county hidden because it is small: its 0 of reports beside it is a group attribute", async () => {
    const release = countyRelease({"03": 60, "06": 100, "14": 40}, {"05": null, "08": 100, "15": null, unknown: null}); // prettier-ignore
    const reported = {"05": 0, "08": 50, "15": null, unknown: null} as Record<string, number | null>;
    for (const row of release.tables.people_by_county) row.people_reported = reported[String(row.wellbeing_services_county)] ?? null; // prettier-ignore
    for (const row of release.tables.people_by_district) row.people_reported = null;
    const {findings} = await attack(await write("county-group", release));
    const group = {cell: "people_by_county(05).people", measure: "people_reported", rule: "none of a small group has it"}; // prettier-ignore
    expect(findings).toContainEqual(expect.objectContaining(group));
    const off = await attack(await write("county-group-off", release), {counties: false});
    expect(off.findings).not.toContainEqual(expect.objectContaining(group));
  });
});

describe("issue 12: the attacker on rounded releases (round5)", () => {
  const ranges = async (name: string, counts: number[], options?: {bySex?: boolean}) => {
    const result = await attack(await write(name, roundedRelease(counts, options)));
    return result.findings.map((f) => [f.cell, f.min, f.max, f.rule]);
  };
  // The findings about the age cells (their totals are narrowed with them).
  const ageCells = async (...args: Parameters<typeof ranges>) =>
    (await ranges(...args)).filter(([name]) => String(name).startsWith("people_by_district_age"));
  const cell = (age: string) => `people_by_district_age(00,${age}).people`;

  test("two cells of 8 (published 10): the sex table's 15 (13..17) narrows each to 8..9", async () => {
    expect(await ageCells("round5-8", [8, 8])).toEqual([
      [cell("0-14"), 8, 9, "narrower than its rounding"],
      [cell("15-17"), 8, 9, "narrower than its rounding"]
    ]);
  });

  test("two cells of 12 (published 10): the sex table's 25 (23..27) narrows each to 11..12", async () => {
    expect(await ageCells("round5-12", [12, 12])).toEqual([
      [cell("0-14"), 11, 12, "narrower than its rounding"],
      [cell("15-17"), 11, 12, "narrower than its rounding"]
    ]);
  });

  test("two cells of 13 (published 15): the sex table's 25 (23..27) narrows each to 13..14", async () => {
    const found = await ranges("round5-13", [13, 13]);
    expect(found).toContainEqual([cell("0-14"), 13, 14, "narrower than its rounding"]);
    expect(found).toContainEqual([cell("15-17"), 13, 14, "narrower than its rounding"]);
  });

  test("two cells of 7 (redacted): the sex table's 15 says each is 6 or 7, a small group shown to exist", async () => {
    const found = await ranges("round5-7", [7, 7]);
    expect(found).toContainEqual([cell("0-14"), 6, 7, "inside 1..redaction"]);
    expect(found).toContainEqual([cell("15-17"), 6, 7, "inside 1..redaction"]);
  });

  test("the same cells without a table that bounds their total: nothing is narrowed", async () => {
    for (const count of [7, 8, 12, 13]) expect(await ranges(`round5-${count}-alone`, [count, count], {bySex: false})).toEqual([]); // prettier-ignore
  });

  test("two cells of 10: the sex table's 20 leaves each anywhere in 8..12", async () => {
    expect(await ranges("round5-10", [10, 10])).toEqual([]);
  });

  test("a total is the sum of the rounded parts, not within ± 2: four 8s publish 40 beside a sex table's 30", async () => {
    // Read as 38..42 the total would contradict the sex table; read as the sum of 8..12 four times, it
    // meets 28..32 at 32 only: every cell is 8, exactly.
    const found = await ranges("round5-sum", [8, 8, 8, 8]);
    expect(found.filter(([name]) => String(name).startsWith("people_by_district_age"))).toEqual(
      ["0-14", "15-17", "18-24", "25-34"].map((age) => [cell(age), 8, 8, "recovered exactly"])
    );
    expect(found).toContainEqual(["headline.people", 32, 32, "recovered exactly"]);
  });
});
