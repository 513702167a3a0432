// The solver's shortcuts (issue 12's 15 s budget): a fractional LP optimum rounded to a whole-number one
// instead of a MIP over the component, and a complementary-cell LP skipped when earlier LP optima move
// its target already. Each must give what the long way gives, or decline.
import {beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {aggregate} from "../../src/node/publish/aggregate.js";
import {ComplementFinder} from "../../src/node/publish/complement.js";
import {hiddenLower, linearSystem} from "../../src/node/publish/linearSystem.js";
import {PRIVATE_SLIVERS, buildModel, type Cell} from "../../src/node/publish/model.js";
import {complementing, firstComplements} from "../../src/node/publish/protect.js";
import {startWorker} from "../../src/node/publish/complementThread.js";
import {RangeEngine} from "../../src/node/publish/ranges.js";
import type {PublishedSystem} from "../../src/node/publish/system.js";
import {many, tempFolder, writeDataset} from "./dataset.js";

describe("RangeEngine, a fractional LP optimum rounded", () => {
  const hidden = () => ({hiddenAtLeast: 0});

  test("whole where the LP is fractional: 2·x0 + 2·x1 ≤ 3 has x0 at most 1, proved by rounding, no MIP", () => {
    // x0 and x1 hidden cells (each ≥ 0); the LP's maximum of x0 is 1.5, the whole numbers' 1.
    const system = {
      numVars: 2,
      rows: [{vars: [0, 1], coefs: [2, 2], lower: -Infinity, upper: 3}],
      cellVars: [[0], [1]]
    };
    const engine = new RangeEngine(system, hidden);
    expect(engine.range([0])).toEqual({min: 0, max: 1});
    expect(engine.roundedProofs).toBe(1);
  });

  test("a rounding that cannot reach the LP's bound leaves it to the MIP: 3·x0 − 2·x1 = 1, x1 ≤ 3", () => {
    // The LP's optimum is x1 = 3, x0 = 7/3, rounded down 2; held at x1 = 3 no whole x0 fits, and the
    // whole numbers' maximum is 1 (x1 = 1). The minimum, 1/3 by LP, is 1 in whole numbers too.
    const system = {
      numVars: 2,
      rows: [
        {vars: [0, 1], coefs: [3, -2], lower: 1, upper: 1},
        {vars: [1], coefs: [1], lower: -Infinity, upper: 3}
      ],
      cellVars: [[0], [1]]
    };
    const engine = new RangeEngine(system, hidden);
    expect(engine.range([0])).toEqual({min: 1, max: 1});
    expect(engine.roundedProofs).toBe(0);
  });
});

describe("ComplementFinder, an LP skipped when earlier optima move its target", () => {
  let system: PublishedSystem;
  beforeAll(async () => {
    const db = await openNodeDatabase();
    const folder = await tempFolder();
    const person = {district: "06", municipality: "837", sex: "female", wave: "1"};
    await writeDataset(db, folder, {
      people: [
        ...many(40, {...person, age: "25-34"}),
        ...many(2, {...person, age: "35-44"}), // a small cell of district 06's ages
        ...many(40, {...person, district: "25", municipality: "091", age: "25-34"}),
        ...many(30, {...person, district: "25", municipality: "091", age: "45-54"})
      ]
    });
    system = await aggregate(db, folder, {threshold: 5});
    db.close();
  });

  test("moves a target by the width once its own LP's cells are hidden, and no further", () => {
    const model = buildModel(system);
    const linear = linearSystem(model);
    const hidden = new Set<Cell>();
    const finder = new ComplementFinder(
      model,
      linear,
      () => 1,
      (cell) => hidden.has(cell),
      hiddenLower
    );
    const hide = (cell: Cell) => {
      hidden.add(cell);
      finder.hide(cell);
    };
    const row = (cell: Cell) => model.system.tables[cell.table]?.[cell.row];
    const target = model.cells.find(
      (c) =>
        c.table === "people_by_district_age" &&
        c.column === "people" &&
        row(c)?.age_group === "35-44" &&
        row(c)?.hospital_district === "06"
    )!;
    expect(target.value).toBe(2);
    hide(target);
    expect(finder.movesAlready(target, 5)).toBe(false); // no LP solved yet
    const found = finder.complements(target, 5)!;
    expect(found.length).toBeGreaterThan(0);
    for (const cell of found) hide(cell);
    expect(finder.movesAlready(target, 5)).toBe(true);
    // The LP moved it by the width it was asked for, not more.
    expect(finder.movesAlready(target, 6)).toBe(false);
    finder.dispose();
  });

  test("a worker thread hides the same cells as the same LPs run here", () => {
    const model = buildModel(system);
    const here = complementing(model, linearSystem(model), 5);
    const primary = new Set(here.hidden);
    const targets = model.cells.filter((c) => primary.has(c) && c.value! > 0 && c.table !== PRIVATE_SLIVERS);
    expect(targets.length).toBeGreaterThan(0);
    const answer = startWorker(system, 5, targets)!.result();
    firstComplements(here, targets, 5);
    const added = [...here.hidden].filter((c) => !primary.has(c)).map((c) => c.id);
    expect(added.length).toBeGreaterThan(0);
    expect(answer && [...answer.hidden].sort((a, b) => a - b)).toEqual(added.sort((a, b) => a - b));
    expect(answer!.solves).toBeGreaterThan(0);
    here.finder.dispose();
  });
});
