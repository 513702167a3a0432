// The audit refuses a published system that breaks any rule, naming table, cell and rule.
import {beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {aggregate} from "../../src/node/publish/aggregate.js";
import {AuditError, audit} from "../../src/node/publish/audit.js";
import {protect} from "../../src/node/publish/protect.js";
import type {PublishedSystem} from "../../src/node/publish/system.js";
import {many, tempFolder, writeDataset} from "./dataset.js";
import {trickyDataset} from "./tricky.js";

let truth: PublishedSystem;
let published: PublishedSystem;
beforeAll(async () => {
  const db = await openNodeDatabase();
  const folder = await tempFolder();
  await writeDataset(db, folder, trickyDataset());
  truth = await aggregate(db, folder, {threshold: 5});
  db.close();
  published = protect(truth, 5).published;
});

const copy = (system: PublishedSystem): PublishedSystem => structuredClone(system);

function auditError(system: PublishedSystem): AuditError {
  try {
    audit(system, 5);
  } catch (error) {
    if (error instanceof AuditError) return error;
    throw error;
  }
  throw new Error("the audit passed");
}

describe("audit", () => {
  test("passes the suppressed system and counts cells and suppressed cells per table", () => {
    const report = audit(published, 5);
    const byName = Object.fromEntries(report.tables.map((t) => [t.name, t]));
    expect(byName.people_by_district_age).toMatchObject({rows: 198, cells: 792});
    expect(byName.people_by_district_age!.suppressed).toBeGreaterThan(10);
    expect(report.headline).toEqual({cells: 6, suppressed: 0});
  });

  test("refuses the unsuppressed figures: rule threshold, naming the first small cell", () => {
    const error = auditError(truth);
    expect(error.rule).toBe("threshold");
    expect(error.message).toMatch(
      /^audit failed: table people_by_district_age, cell \(hospital_district=03, age_group=18-24\), column people: rule threshold/
    );
  });

  test("refuses a complementary cell put back: the hidden small cell becomes recoverable", () => {
    const system = copy(published);
    const row = system.tables.people_by_district_age!.findIndex(
      (r) => r.hospital_district === "25" && r.age_group === "18-24"
    );
    expect(system.tables.people_by_district_age![row]!.people).toBeNull();
    system.tables.people_by_district_age![row]!.people = truth.tables.people_by_district_age![row]!.people!;
    const error = auditError(system);
    expect(error.rule).toBe("protection");
    expect(error.message).toMatch(
      /table people_by_(district_age|age), cell \(.*\), column people(_\w+)?: rule protection/
    );
  });

  test("refuses a pair of ones whose sum is known (rule protection), though no linear combination gives them", async () => {
    const db = await openNodeDatabase();
    const folder = await tempFolder();
    await writeDataset(db, folder, {
      people: [
        ...many(50, {district: "25", age: "25-34"}),
        {district: "25", age: "25-34", sex: "female"},
        {district: "25", age: "25-34", sex: "male"}
      ]
    });
    const system = await aggregate(db, folder, {threshold: 5});
    db.close();
    // Their parts go with them (group attributes), so that the pair's own range is what fails.
    for (const row of system.tables.people_by_sex!)
      if (row.sex === "female" || row.sex === "male")
        for (const column of ["people", "people_published", "people_emailed", "people_reported"]) row[column] = null;
    const error = auditError(system);
    expect(error.message).toBe(
      "audit failed: table people_by_sex, cell (sex=female), column people: rule protection (every hidden count's provable range, over whole numbers and every relation between the tables, is at least the threshold wide and not inside 1 to threshold − 1): a reader can prove it lies in 1..1, which is 0 wide"
    );
  });

  test("refuses parts that add up to more than their total (rule marginals)", () => {
    const system = copy(published);
    const row = system.tables.people_by_district!.find((r) => r.hospital_district === "06")!;
    row.people = (row.people as number) - 10;
    expect(auditError(system).message).toMatch(
      /^audit failed: table people_by_district, cell \(hospital_district=06\), column people(_emailed)?: rule marginals/
    );
  });

  test("refuses row-level, free-text and unknown columns, and unknown tables (rule contract)", () => {
    for (const column of ["person_key", "description", "event_id", "median_age"]) {
      const system = copy(published);
      system.tables.people_by_sex![0]![column] = "x";
      const error = auditError(system);
      expect([error.rule, error.where]).toEqual([
        "contract",
        `table people_by_sex, cell (sex=female), column ${column}`
      ]);
    }
    const system = copy(published);
    system.tables.affected_records = [];
    expect(auditError(system).where).toBe("table affected_records");
  });
});

describe("the audit at its boundaries", () => {
  const auditAt = (system: PublishedSystem, threshold: number): AuditError | null => {
    try {
      audit(system, threshold);
      return null;
    } catch (error) {
      if (error instanceof AuditError) return error;
      throw error;
    }
  };

  test("a count of exactly threshold − 1 published fails rule threshold; one of exactly threshold does not", () => {
    const system = copy(published);
    const row = system.tables.people_by_category!.find((r) => (r.people as number) >= 5)!;
    row.people = 4;
    const error = auditAt(system, 5)!;
    expect([error.rule, error.where]).toEqual([
      "threshold",
      `table people_by_category, cell (data_category=${row.data_category}), column people`
    ]);
    // The same count passes the threshold rule one lower: the rule is at the threshold, not beside it.
    expect(auditAt(system, 4)?.rule).not.toBe("threshold");
  });

  test("a hidden part that a reader can prove equals its hidden people count fails rule groupAttributes", async () => {
    // Twelve people of known sex, every one e-mailed and reported on the day everyone else was: the
    // e-mailed and reported totals leave exactly twelve for them, as many as their people.
    const others = many(50, {district: "25", age: "25-34", emailed: "2020-10-24", reported: "2020-10-26"});
    others.forEach((person, i) => {
      if (i % 5 === 0) person.emailed = null;
      if (i % 3 === 0) person.reported = null;
    });
    const known = (sex: string) =>
      many(6, {district: "25", age: "25-34", sex, emailed: "2020-10-24", reported: "2020-10-26"});
    const db = await openNodeDatabase();
    const folder = await tempFolder();
    await writeDataset(db, folder, {people: [...others, ...known("female"), ...known("male")]});
    const system = await aggregate(db, folder, {threshold: 5});
    db.close();
    const unsuppressed = copy(system);
    for (const row of system.tables.people_by_sex!)
      if (row.sex === "female" || row.sex === "male")
        for (const column of ["people", "people_published", "people_emailed", "people_reported"]) row[column] = null;
    const error = auditAt(system, 5)!;
    expect(error.rule).toBe("groupAttributes");
    expect(error.message).toMatch(
      /^audit failed: table people_by_sex, cell \(sex=(female|male)\), column people_(emailed|reported): rule groupAttributes .*all of the hidden group in people are counted in it$/
    );
    // The engine protects the same figures.
    expect(auditAt(protect(unsuppressed, 5).published, 5)).toBeNull();
  });
});
