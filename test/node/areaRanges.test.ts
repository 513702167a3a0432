// Hidden area totals as the ranges a reader can prove (issue 16): the loader's ranges, rebuilt from the
// published Parquet files alone, equal the solver's on the release as the publisher held it, contain
// the true count, and are never narrower than the threshold. A small export, so the file runs in seconds.
import {beforeAll, expect, test} from "vitest";
import {figure, formatFigure, type AreaRange} from "../../src/lib/figures.js";
import {formatCount} from "../../src/lib/format.js";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {AREA_TABLES, areaRanges, readPublishedSystem} from "../../src/node/areaRanges.js";
import {publish} from "../../src/node/publish/index.js";
import {buildModel} from "../../src/node/publish/model.js";
import {hiddenLower, linearSystem, varsOfCell} from "../../src/node/publish/linearSystem.js";
import {RangeEngine} from "../../src/node/publish/ranges.js";
import type {PublishedSystem} from "../../src/node/publish/system.js";
import {many, tempFolder, writeDataset, type PersonSpec} from "../publish/dataset.js";

const THRESHOLD = 5;
const people = (count: number, municipality: string, district: string, age = "25-34"): PersonSpec[] =>
  many(count, {district, municipality, age, sex: "female", wave: "1"});
// True people totals by area: Tampere (837) is in Pirkanmaa district (06) and county (08), Jämsä (182)
// in Pirkanmaa district but Keski-Suomi county (15), Jyväskylä (179) in both Keski-Suomi, Helsinki (091)
// in HUS (25) and the City of Helsinki (90).
const TRUE = {
  people_by_district: {"06": 42, "14": 40, "25": 40},
  people_by_county: {"08": 40, "15": 42, "90": 40}
} as Record<string, Record<string, number>>;

let published: PublishedSystem;
let fromFiles: PublishedSystem;
beforeAll(async () => {
  const db = await openNodeDatabase();
  const data = await tempFolder();
  await writeDataset(db, data, {
    people: [
      ...people(30, "837", "06"),
      ...people(10, "837", "06", "35-44"),
      ...people(2, "182", "06"),
      ...people(30, "179", "14"),
      ...people(10, "179", "14", "45-54"),
      ...people(40, "091", "25")
    ]
  });
  db.close();
  const out = await tempFolder();
  ({published} = await publish({data, out, threshold: THRESHOLD}));
  fromFiles = await readPublishedSystem(out);
}, 120_000);

/** The solver's range of each hidden area total, on *system* as the publisher held it in memory. */
function engineRanges(system: PublishedSystem): AreaRange[] {
  const model = buildModel(system);
  const linear = linearSystem(model);
  const engine = new RangeEngine(linear, (id) => {
    const cell = model.cells[id]!;
    return cell.value === null ? {hiddenAtLeast: hiddenLower(cell)} : {published: cell.value};
  });
  const ranges = AREA_TABLES.flatMap(({table, column}) =>
    model.cells
      .filter((c) => c.table === table && c.column === "people" && c.value === null)
      .map((c) => {
        const {min, max} = engine.range(varsOfCell(linear, c));
        return {table, area: String(system.tables[table]![c.row]![column]), min, max};
      })
  );
  engine.dispose();
  return ranges;
}

test("the loader's ranges, from the published files, equal the solver's on the release in memory", () => {
  const ranges = areaRanges(fromFiles, THRESHOLD);
  // Jämsä's two people hide Keski-Suomi county or Pirkanmaa district (or both): something is hidden.
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges).toEqual(engineRanges(published));
});

test("every range holds the true count and is at least the threshold wide", () => {
  for (const {table, area, min, max} of areaRanges(fromFiles, THRESHOLD)) {
    const truth = TRUE[table]![area]!;
    expect(min).toBeLessThanOrEqual(truth);
    expect(max ?? Infinity).toBeGreaterThanOrEqual(truth);
    expect((max ?? Infinity) - min).toBeGreaterThanOrEqual(THRESHOLD);
  }
});

test("a release whose hidden total a reader can narrow below the threshold is refused, not shown", () => {
  // Keski-Suomi county hidden, Pirkanmaa and Helsinki published at their true 40: the national total
  // 122 less them gives Keski-Suomi's 42 exactly.
  const system: PublishedSystem = {
    ...published,
    tables: {
      ...published.tables,
      people_by_county: published.tables.people_by_county!.map((row) => {
        const code = String(row.wellbeing_services_county);
        return code === "08" || code === "90" ? {...row, people: TRUE.people_by_county![code]!} : row;
      })
    }
  };
  expect(() => areaRanges(system, THRESHOLD)).toThrow(/narrower than the threshold 5/);
});

test("figure() answers a hidden area total with its range, in the page's language; other questions as before", () => {
  const ranges: AreaRange[] = [{table: "people_by_county", area: "13", min: 1180, max: 1224}];
  const tables = {people_by_county: [{wellbeing_services_county: "13", people: null}]};
  const f = figure({tables, ranges}, "people", {wellbeing_services_county: ["13"]});
  expect(f).toMatchObject({value: 1180, upper: 1224, exact: false, range: true});
  expect(formatFigure(f, {lang: "en"})).toBe("1,180–1,224");
  // Finnish and Swedish group digits with a narrow no-break space, as every count on the pages.
  expect(formatFigure(f, {lang: "fi"})).toBe(`${formatCount(1180, {lang: "fi"})}–${formatCount(1224, {lang: "fi"})}`);
  expect(formatFigure(f, {lang: "fi"})).toMatch(/^1\s180–1\s224$/u);
  // Without the ranges (a page that did not load them), the same question is only "hidden".
  expect(formatFigure(figure({tables}, "people", {wellbeing_services_county: ["13"]}), {lang: "en"})).toBe("hidden");
  // A range answers the area's people total only, never a part of it.
  expect(figure({tables, ranges}, "people_emailed", {wellbeing_services_county: ["13"]}).range).toBeUndefined();
});
