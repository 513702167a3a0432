// The solver's ranges and the range audit at the threshold's edges: a range exactly threshold − 1 wide
// fails, one exactly threshold wide passes, contradicting counts fail loudly (issue 12).
import {describe, expect, test} from "vitest";
import {RangeAuditError, rangeAudit} from "../../src/node/publish/rangeAudit.js";
import {InfeasibleSystemError, RangeEngine, isImplicitProtected, isProtected} from "../../src/node/publish/ranges.js";
import type {PublishedSystem} from "../../src/node/publish/system.js";

describe("RangeEngine", () => {
  // Variables x0, x1 (hidden cells 0 and 1, each ≥ 1) and x2 (published cell 2), their total x3 (cell 3).
  const system = {
    numVars: 4,
    rows: [{vars: [3, 0, 1, 2], coefs: [1, -1, -1, -1], lower: 0, upper: 0}],
    cellVars: [[0], [1], [2], [3]]
  };
  const engine = (total: number) =>
    new RangeEngine(system, (id) => (id < 2 ? {hiddenAtLeast: 1} : {published: id === 2 ? 40 : total}));

  test("two hidden cells summing to 7 each lie in 1..6", () => {
    expect(engine(47).range([0])).toEqual({min: 1, max: 6});
    expect(engine(47).range([0, 1])).toEqual({min: 7, max: 7});
  });

  test("a total that leaves no room for the hidden cells is refused loudly", () => {
    expect(() => engine(41).range([0])).toThrow(InfeasibleSystemError);
  });

  test("protection: at least threshold wide and not inside 1..threshold − 1", () => {
    expect(isProtected({min: 1, max: 6}, 5)).toBe(true);
    expect(isProtected({min: 1, max: 5}, 5)).toBe(false);
    expect(isProtected({min: 0, max: 4}, 5)).toBe(false);
    expect(isProtected({min: 0, max: 5}, 5)).toBe(true);
    expect(isProtected({min: 2, max: Infinity}, 5)).toBe(true);
  });
});

describe("RangeEngine, the reduced system", () => {
  test("a hidden cell that published cells pin is known without a solve", () => {
    // x0 hidden, x1 published 40, x2 = x0 + x1 published 43.
    const system = {
      numVars: 3,
      rows: [{vars: [2, 0, 1], coefs: [1, -1, -1], lower: 0, upper: 0}],
      cellVars: [[0], [1], [2]]
    };
    const engine = new RangeEngine(system, (id) => (id === 0 ? {hiddenAtLeast: 1} : {published: id === 1 ? 40 : 43}));
    expect(engine.range([0])).toEqual({min: 3, max: 3});
    expect(engine.solves).toBe(0);
  });

  test("a published 0 over several unknowns fixes each at 0 without a solve, and a hidden cell under it contradicts", () => {
    // x0 and x1 (no cell of their own) sum to cell 0, published 0; x2 = cell 1, at most x0 (a part of it).
    const system = {
      numVars: 3,
      rows: [{vars: [2, 0], coefs: [1, -1], lower: -Infinity, upper: 0}],
      cellVars: [[0, 1], [2]]
    };
    const engine = new RangeEngine(system, (id) => (id === 0 ? {published: 0} : {hiddenAtLeast: 0}));
    expect(engine.range([1])).toEqual({min: 0, max: 0});
    expect(engine.range([2])).toEqual({min: 0, max: 0});
    expect(engine.solves).toBe(0);
    expect(() => new RangeEngine(system, (id) => (id === 0 ? {published: 0} : {hiddenAtLeast: 1}))).toThrow(
      InfeasibleSystemError
    );
  });

  // The total x4 = x0 + x1 + x2 + x3, published; cells x0 + x1 and x2 + x3 published, each atom hidden.
  const quarters = (total: number) =>
    new RangeEngine(
      {
        numVars: 5,
        rows: [{vars: [4, 0, 1, 2, 3], coefs: [1, -1, -1, -1, -1], lower: 0, upper: 0}],
        cellVars: [[0], [1], [2], [3], [0, 1], [2, 3], [4]]
      },
      (id) => (id < 4 ? {hiddenAtLeast: 1} : {published: [10, 12, total][id - 4]!})
    );

  test("a published total shed by the published sums inside it leaves two components, not one", () => {
    const engine = quarters(22);
    expect(engine.size).toEqual({variables: 4, components: 2});
    expect(engine.range([0])).toEqual({min: 1, max: 9});
    expect(engine.range([2])).toEqual({min: 1, max: 11});
  });

  test("a total its parts do not add up to is refused while reducing", () => {
    expect(() => quarters(23)).toThrow(InfeasibleSystemError);
  });

  test("a witness spread proves a range only when at least threshold wide", () => {
    const engine = quarters(22);
    engine.explore();
    const before = engine.solves;
    expect(engine.check([2], 5)).toEqual({passes: true, range: null});
    expect(engine.check([0], 9).range).toEqual({min: 1, max: 9});
    expect(engine.solves).toBeGreaterThan(before);
  });
});

/** A release of one published table: two hidden days of people who reported, summing to *hiddenSum*. */
function release(hiddenSum: number, extra: Partial<Record<string, number | null>> = {}): PublishedSystem {
  const day = (date: string, reported: number | null) => ({
    date,
    records_published: 100,
    people_emailed: 100,
    people_reported: reported
  });
  return {
    tables: {daily_timeline: [day("2020-10-21", null), day("2020-10-22", null), day("2020-10-23", 50)]},
    headline: {
      people: 1000,
      records: 2000,
      records_published: 300,
      people_emailed: 300,
      people_reported: 50 + hiddenSum,
      crisis_contacts: 0,
      ...extra
    }
  };
}

function failure(system: PublishedSystem, threshold = 5): RangeAuditError {
  try {
    rangeAudit(system, threshold);
  } catch (error) {
    if (error instanceof RangeAuditError) return error;
    throw error;
  }
  throw new Error("the range audit passed");
}

describe("rangeAudit", () => {
  test("passes a range exactly threshold wide: two hidden cells summing to threshold + 2", () => {
    expect(rangeAudit(release(7), 5)).toMatchObject({threshold: 5, hidden: 2});
  });

  test("fails a range threshold − 1 wide, naming table, cell, range and rule", () => {
    const error = failure(release(6));
    expect(error.rule).toBe("protection");
    expect(error.range).toEqual({min: 1, max: 5});
    expect(error.message).toMatch(
      /^audit failed: table daily_timeline, cell \(date=2020-10-21\), column people_reported: rule protection .*: a reader can prove it lies in 1\.\.5, which is 4 wide$/
    );
  });

  test("fails a hidden cell pinned by the total", () => {
    expect(failure(release(2)).range).toEqual({min: 1, max: 1});
  });

  test("fails loudly on counts that contradict each other", () => {
    const error = failure(release(1));
    expect(error.rule).toBe("consistent");
    expect(error.message).toMatch(/contradict each other/);
  });
});

describe("rangeAudit, group attributes", () => {
  test("fails a published 0 beside a hidden count of people", () => {
    const row = (sex: string, people: number | null, reported: number | null) => ({
      sex,
      people,
      people_published: people,
      people_emailed: people,
      people_reported: reported
    });
    const system: PublishedSystem = {
      tables: {people_by_sex: [row("female", null, 0), row("male", null, null), row("other", 100, 100)]},
      headline: {
        people: 120,
        records: 200,
        records_published: 200,
        people_emailed: 120,
        people_reported: 110,
        crisis_contacts: 0
      }
    };
    const error = failure(system);
    expect(error.rule).toBe("groupAttributes");
    expect(error.message).toMatch(/^audit failed: table people_by_sex, cell \(sex=female\), column people_reported/);
  });
});

/**
 * Crisis contacts of one service in two weeks (Mondays 4 and 11 January 2021): districts listed in
 * *monthly* publish the two weeks as one period, the national series publishes each week.
 */
function coarsened(national: [number, number], monthly: Record<string, number>): PublishedSystem {
  const month = (district: string, contacts: number) => ({
    hospital_district: district,
    service: "chat",
    grain: "month",
    period_start: "2021-01-04",
    period_end: "2021-01-17",
    contacts
  });
  return {
    tables: {
      crisis_by_district_period: Object.entries(monthly).map(([district, contacts]) => month(district, contacts)),
      crisis_national_weekly: [
        {week_start: "2021-01-04", service: "chat", contacts: national[0]},
        {week_start: "2021-01-11", service: "chat", contacts: national[1]}
      ]
    },
    headline: {
      people: 0,
      records: 0,
      records_published: 0,
      people_emailed: 0,
      people_reported: 0,
      crisis_contacts: national[0] + national[1]
    }
  };
}

describe("rangeAudit, the weeks of a monthly series (strict coarsening)", () => {
  // District 01's first week lies in max(0, 20 − week 2)..min(20, week 1): 0..week 1.
  test("passes a coarsened week whose range is exactly threshold wide", () => {
    expect(rangeAudit(coarsened([5, 30], {"01": 20, "02": 15}), 5)).toMatchObject({hidden: 0, implicit: 4});
  });

  test("fails a coarsened week whose range is threshold − 1 wide, naming its month", () => {
    const error = failure(coarsened([4, 30], {"01": 20, "02": 14}));
    expect(error.rule).toBe("protection");
    expect(error.range).toEqual({min: 0, max: 4});
    expect(error.message).toMatch(/^audit failed: the part of contacts in \(hospital_district=01, service=chat/);
  });

  test("fails a coarsened week known exactly, even at or above the threshold", () => {
    // District 02 had no contacts: district 01's weeks are the national weeks.
    const error = failure(coarsened([7, 8], {"01": 15, "02": 0}));
    expect(error.rule).toBe("protection");
    expect(error.range).toEqual({min: 7, max: 7});
  });

  test("the rule for such a week: a hidden cell's, but a week known to be 0 is allowed (a 0 is published anyway)", () => {
    expect(isImplicitProtected({min: 0, max: 0}, 5)).toBe(true);
    expect(isImplicitProtected({min: 1, max: 1}, 5)).toBe(false);
    expect(isImplicitProtected({min: 5, max: 5}, 5)).toBe(false);
    expect(isImplicitProtected({min: 0, max: 4}, 5)).toBe(false);
    expect(isImplicitProtected({min: 0, max: 5}, 5)).toBe(true);
    expect(isImplicitProtected({min: 1, max: 5}, 5)).toBe(false);
  });

  test("a month of one week is a published cell, not a hidden week", () => {
    const system = coarsened([7, 8], {"01": 15, "02": 0});
    system.tables.crisis_by_district_period!.splice(1, 1);
    const rows = system.tables.crisis_by_district_period!;
    rows[0] = {...rows[0]!, period_end: "2021-01-10", contacts: 7};
    rows.push({...rows[0]!, period_start: "2021-01-11", period_end: "2021-01-17", contacts: 8});
    expect(rangeAudit(system, 5)).toMatchObject({hidden: 0, implicit: 0});
  });
});

describe("RangeEngine, a range the LP rounds to one value", () => {
  // x0, x1 hidden (each ≥ 0 as a part of people may be), x2 = x0 + x1 published 1, and 2·x0 ≤ 1: the LP
  // lets x0 reach 0.5, whole numbers only 0. Cells: 0 → x0, 1 → x1, 2 → x2.
  const system = {
    numVars: 3,
    rows: [
      {vars: [2, 0, 1], coefs: [1, -1, -1], lower: 0, upper: 0},
      {vars: [0], coefs: [2], lower: -Infinity, upper: 1}
    ],
    cellVars: [[0], [1], [2]]
  };
  const engine = () => new RangeEngine(system, (id) => (id < 2 ? {hiddenAtLeast: 0} : {published: 1}));

  test("is that value without the MIPs once a whole-number solution is kept", () => {
    const e = engine();
    e.explore(); // keeps whole-number solutions (x0 = 0, x1 = 1)
    const before = e.solves;
    expect(e.range([0])).toEqual({min: 0, max: 0});
    expect(e.solves - before).toBe(2);
  });
});
