// Issue 12, the rounding policy (VUOTO_POLICY=round5, --policy round5): counts of 7 or less redacted,
// the rest rounded to the nearest 5, totals published as sums of the rounded cells; the audit checks
// exactly those rules from the published rows, and the release says which policy built it.
import {mkdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {publish, resolvePolicy} from "../../src/node/publish/index.js";
import {auditRounded, roundCount} from "../../src/node/publish/rounding.js";
import type {PublishedSystem} from "../../src/node/publish/system.js";
import {many, tempFolder, writeDataset, type PersonSpec} from "./dataset.js";

let db: NodeDatabase;
beforeAll(async () => void (db = await openNodeDatabase()));
afterAll(() => db.close());

test.each([
  [0, null],
  [1, null],
  [7, null],
  [8, 10],
  [10, 10],
  [12, 10],
  [13, 15],
  [17, 15],
  [18, 20]
])("a count of %i is published as %s", (count, shown) => {
  expect(roundCount(count)).toBe(shown);
});

test("the policy comes from the option, else VUOTO_POLICY, else suppress; another is refused", () => {
  expect(resolvePolicy("round5")).toBe("round5");
  expect(resolvePolicy("")).toBe("suppress");
  expect(() => resolvePolicy("round10")).toThrow(
    "invalid policy: round10 (suppress or round5; set --policy or VUOTO_POLICY)"
  );
});

const person = (district: string, age: string, reported: boolean): PersonSpec => ({
  district,
  age,
  sex: "female",
  wave: "1",
  published: "2020-10-22",
  emailed: "2020-10-24",
  reported: reported ? "2020-10-26" : null
});

describe("a release built with round5", () => {
  // District 00 holds 7, 8, 12 and 13 people in four age groups (true total 40): published as
  // redacted, 10, 10 and 15, and the district's total as their sum, 35. District 03 holds 30.
  const ages: Array<[string, number]> = [
    ["0-14", 7],
    ["15-17", 8],
    ["18-24", 12],
    ["25-34", 13]
  ];
  const people = [
    ...ages.flatMap(([age, n]) => many(n, person("00", age, false))),
    ...many(30, person("03", "25-34", true))
  ];
  let out: string;
  let published: PublishedSystem;
  beforeAll(async () => {
    const work = await tempFolder();
    await mkdir(join(work, "data"));
    await writeDataset(db, join(work, "data"), {people});
    out = join(work, "published");
    ({published} = await publish({data: join(work, "data"), out, policy: "round5", ledger: join(work, "ledger")}));
  }, 120_000);

  test("rounds at the edges and publishes totals as sums of the rounded cells", () => {
    const cross = published.tables.people_by_district_age!.filter((r) => r.hospital_district === "00");
    expect(Object.fromEntries(cross.map((r) => [r.age_group, r.people]))).toMatchObject({
      "0-14": null,
      "15-17": 10,
      "18-24": 10,
      "25-34": 15
    });
    const district = published.tables.people_by_district!.find((r) => r.hospital_district === "00");
    expect(district?.people).toBe(35);
    // The national total is the sum of the rounded cells too (35 + 30), not the true 70 rounded.
    expect(published.headline.people).toBe(65);
    // Nobody in 00 reported: a 0 is 7 or less, so it is redacted like any small count.
    expect(district?.people_reported).toBeNull();
  });

  test("every published count is redacted or a multiple of 5 above 7, and the audit passes", () => {
    const counts = Object.values(published.tables).flatMap((rows) =>
      rows.flatMap((row) =>
        Object.entries(row)
          .filter(([column]) => column !== "events")
          .map(([, v]) => v)
      )
    );
    for (const count of [...counts, ...Object.values(published.headline)])
      if (typeof count === "number") expect(count % 5 === 0 && count > 7, `count ${count}`).toBe(true);
    expect(auditRounded(published).totals).toBeGreaterThan(0);
  });

  test("headline.json and audit.json say which policy built the release", async () => {
    const headline = JSON.parse(await readFile(join(out, "headline.json"), "utf8"));
    expect(headline).toMatchObject({policy: "round5", rounding: {base: 5, redact_at_most: 7}});
    const audit = JSON.parse(await readFile(join(out, "audit.json"), "utf8"));
    expect(audit.checks.map((c: {rule: string}) => c.rule)).toEqual([
      "redaction",
      "multiple",
      "sums",
      "consistent",
      "interval",
      "smallGroup"
    ]);
  });

  const spoilt = (change: (system: PublishedSystem) => void): PublishedSystem => {
    const copy = structuredClone(published);
    change(copy);
    return copy;
  };
  const row00 = (system: PublishedSystem, age: string) =>
    system.tables.people_by_district_age!.find((r) => r.hospital_district === "00" && r.age_group === age)!;

  test.each([
    ["a published 7", (s: PublishedSystem) => void (row00(s, "0-14").people = 7), "rule redaction"],
    ["a published 0", (s: PublishedSystem) => void (row00(s, "15-17").people_reported = 0), "rule redaction"],
    ["a published 12", (s: PublishedSystem) => void (row00(s, "18-24").people = 12), "rule multiple"],
    [
      "a total that is not the sum of its rounded parts",
      (s: PublishedSystem) => void (s.headline.people = 70),
      "table headline, cell people: rule sums"
    ]
  ])("the audit refuses %s", (_, change, message) => {
    expect(() => auditRounded(spoilt(change))).toThrow(message);
  });
});
