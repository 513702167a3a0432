// Districts and counties do not nest: with both published, their differences are slivers (here Jämsä,
// in Pirkanmaa hospital district but Keski-Suomi county: Keski-Suomi county minus Keski-Suomi district).
// The model's atoms are the intersections, so the solver sees each sliver and protects it. A small
// export, so that the whole file runs in seconds.
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {beforeAll, expect, test} from "vitest";
import {dimensionValues} from "../../src/lib/publishedTables.js";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {aggregate} from "../../src/node/publish/aggregate.js";
import {audit} from "../../src/node/publish/audit.js";
import {geography} from "../../src/node/publish/geography.js";
import {ledgered, type EarlierRelease} from "../../src/node/publish/ledger.js";
import {PRIVATE_SLIVERS, buildModel} from "../../src/node/publish/model.js";
import {hiddenLower, linearSystem} from "../../src/node/publish/linearSystem.js";
import {publish} from "../../src/node/publish/index.js";
import {protect} from "../../src/node/publish/protect.js";
import {auditRounded} from "../../src/node/publish/rounding.js";
import {RangeEngine} from "../../src/node/publish/ranges.js";
import type {PublishedSystem} from "../../src/node/publish/system.js";
import {many, tempFolder, writeDataset, type PersonSpec} from "./dataset.js";

const THRESHOLD = 5;
const people = (count: number, municipality: string, district: string): PersonSpec[] =>
  many(count, {district, municipality, age: "25-34", sex: "female", wave: "1"});

let truth: PublishedSystem;
let withoutMunicipalities: PublishedSystem;
beforeAll(async () => {
  const db = await openNodeDatabase();
  const folder = await tempFolder();
  await writeDataset(db, folder, {
    people: [
      ...people(40, "837", "06"), // Tampere: Pirkanmaa district and county
      ...people(2, "182", "06"), // Jämsä: Pirkanmaa district, Keski-Suomi county
      ...people(40, "179", "14"), // Jyväskylä: Keski-Suomi district and county
      ...people(40, "091", "25") // Helsinki: HUS, City of Helsinki
    ]
  });
  truth = await aggregate(db, folder, {threshold: THRESHOLD});
  const plain = await tempFolder();
  await writeDataset(db, plain, {people: people(40, "837", "06").map((p) => ({...p, municipality: null}))});
  withoutMunicipalities = await aggregate(db, plain, {threshold: THRESHOLD});
  db.close();
});

/** The provable range of Jämsä's people (district 06 ∩ county 15, all ages) from *system*'s published cells. */
function jamsaRange(system: PublishedSystem) {
  const model = buildModel(system);
  const linear = linearSystem(model);
  const sliver = model.slivers.find(({group, atoms}) => {
    if (group.measure !== "people") return false;
    const first = atoms[0] ?? -1;
    const cell = model.cells.find((c) => c.table === "people_by_district_age" && c.atoms.includes(first));
    const county = model.cells.find((c) => c.table === "people_by_county" && c.atoms.includes(first));
    const row = (c: typeof cell) => (c ? model.system.tables[c.table]?.[c.row] : undefined);
    return row(cell)?.hospital_district === "06" && row(county)?.wellbeing_services_county === "15";
  });
  expect(sliver).toBeDefined();
  // The sliver is an implicit cell, or (in the true system, where a small sliver is a private cell
  // hidden from the start) that cell.
  const same = (group: string | null, atoms: number[]) =>
    group === sliver!.group.id && atoms.join() === sliver!.atoms.join();
  const implicit = linear.implicit.find((i) => same(i.group, i.atoms));
  const privateCell = model.cells.findIndex((c) => c.table === PRIVATE_SLIVERS && same(c.group, c.atoms));
  const vars = implicit?.vars ?? linear.cellVars[privateCell];
  expect(vars).toBeDefined();
  const engine = new RangeEngine(linear, (id) => {
    const cell = model.cells[id]!;
    return cell.value === null ? {hiddenAtLeast: hiddenLower(cell)} : {published: cell.value};
  });
  try {
    return engine.range(vars!);
  } finally {
    engine.dispose();
  }
}

test("people by county are published from a municipality-coded export, and sum to the total", () => {
  const counties = truth.tables.people_by_county ?? [];
  const people = (code: string) => counties.find((r) => r.wellbeing_services_county === code)?.people;
  expect([people("08"), people("15"), people("90"), people("unknown")]).toEqual([40, 42, 40, 0]);
  expect(counties.reduce((sum, r) => sum + Number(r.people), 0)).toBe(truth.headline.people);
  expect(counties.map((r) => r.wellbeing_services_county)).toEqual(dimensionValues.wellbeing_services_county);
  expect(buildModel(truth).cells.some((c) => c.table === "people_by_county" && c.column === "people_emailed")).toBe(
    true
  );
});

test("without protection, both tables pin the Jämsä sliver to its 2 people", () => {
  expect(jamsaRange(truth)).toEqual({min: 2, max: 2});
});

test("protected, the sliver's range is at least the threshold wide, and the audit passes", () => {
  const {published} = protect(truth, THRESHOLD);
  const range = jamsaRange(published);
  expect(range.max - range.min).toBeGreaterThanOrEqual(THRESHOLD);
  expect(() => audit(published, THRESHOLD)).not.toThrow();
});

test("an export without municipalities publishes no county rows", () => {
  expect(withoutMunicipalities.tables.people_by_county).toEqual([]);
  expect(buildModel(withoutMunicipalities).slivers).toEqual([]);
});

test("the pieces the engine protects: every piece of a split district, and a district minus the counties inside it", () => {
  const {countiesByDistrict, slivers} = geography();
  // Keski-Suomi district lies in one county: its records need no municipality for their county.
  expect(countiesByDistrict.get("14")).toEqual(["15"]);
  expect(countiesByDistrict.get("25")).toEqual(["01", "02", "03", "04", "90", "unknown"]);
  const has = (pairs: string[]) => slivers.some((s) => [...s].sort().join() === [...pairs].sort().join());
  expect(has(["06|15"])).toBe(true); // Jämsä
  expect(has(["03|08"])).toBe(true); // Punkalaidun
  expect(has(["25|90"])).toBe(true); // Helsinki within HUS
  // HUS minus Länsi-, Keski-Uusimaa, Vantaa-Kerava and Helsinki: its part of Itä-Uusimaa and its uncoded records.
  expect(has(["25|01", "25|unknown"])).toBe(true);
  // A district that is one county has no sliver.
  expect(slivers.flat().some((pair) => pair.startsWith("14|"))).toBe(false);
});

test("a small sliver is hidden from the start in the true system and never written", () => {
  const {published} = protect(truth, THRESHOLD);
  expect(truth.tables[PRIVATE_SLIVERS]?.some((row) => row.people === 2)).toBe(true);
  expect(published.tables[PRIVATE_SLIVERS]).toBeUndefined();
});

/** A ledger release made from *system*, as readRelease would give it. */
const release = (system: PublishedSystem): EarlierRelease => ({
  name: "2026-01-01T000000_unhashed-t5-p1",
  folder: "",
  system,
  periodEnd: null,
  threshold: THRESHOLD,
  policy: "suppress"
});

test("with a new county table, an earlier release without one is split into the same district ∩ county pieces", () => {
  const current = buildModel(truth);
  const link = ledgered(
    {model: current, linear: linearSystem(current), periodEnd: null},
    release(withoutMunicipalities),
    "removed"
  );
  expect(link.model.counties).toBe(true);
  expect(buildModel(withoutMunicipalities).counties).toBe(false);
  // The same atom keys, so that the ledger ties every piece to its counterpart.
  expect(link.model.atomKeys.get("people|district_age")).toEqual(current.atomKeys.get("people|district_age"));
  expect(link.model.atomKeys.get("people|district_age")).toContain("06|15|25-34");
  // The earlier release's slivers are targets too: the new county figures difference against them.
  expect(
    link.targets.some(({cell}) => !("id" in cell) && cell.atoms.length > 1 && cell.group === "people|district_age")
  ).toBe(true);
});

test("an export without municipalities after a release with a county table is refused with a reason", () => {
  const current = buildModel(withoutMunicipalities);
  expect(() =>
    ledgered({model: current, linear: linearSystem(current), periodEnd: null}, release(truth), "removed")
  ).toThrow(/publishes people by wellbeing services county, but this export has no municipality column/);
});

test("under round5 the counties are rounded and redacted like every table, the pieces stay private, and its audit passes", async () => {
  const db = await openNodeDatabase();
  const work = await tempFolder();
  await mkdir(join(work, "data"));
  await writeDataset(db, join(work, "data"), {
    people: [...people(41, "179", "14"), ...people(2, "182", "06"), ...people(40, "837", "06")]
  });
  db.close();
  const {published, report} = await publish({
    data: join(work, "data"),
    out: join(work, "published"),
    policy: "round5",
    ledger: join(work, "ledger")
  });
  expect(report.checks.map((c) => c.rule)).toEqual([
    "redaction",
    "multiple",
    "sums",
    "consistent",
    "interval",
    "smallGroup"
  ]);
  // Nothing here narrows a count below its rounding: no table is withheld.
  expect(report.withheld).toEqual([]);
  expect(published.tables[PRIVATE_SLIVERS]).toBeUndefined();
  const county = (code: string) =>
    published.tables.people_by_county?.find((r) => r.wellbeing_services_county === code) ?? {};
  // Keski-Suomi county holds Jyväskylä's 41 and Jämsä's 2: 43, rounded on its own (no published cells
  // tile it: Jämsä's piece is no table's), not 40 + a redacted piece.
  expect(county("15").people).toBe(45);
  expect(county("08").people).toBe(40); // Pirkanmaa county: Tampere
  expect(county("01").people).toBeNull(); // a 0 is redacted
  for (const row of published.tables.people_by_county ?? [])
    for (const value of Object.values(row))
      if (typeof value === "number") expect(value % 5 === 0 && value > 7, `count ${value}`).toBe(true);
  expect(() => auditRounded(published)).not.toThrow();
}, 120_000);
