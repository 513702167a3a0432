// Local witnesses (ranges.ts): a cell of a large component is first tried on a small model around it,
// the rest of the component held at a kept whole-number solution. A local spread of at least the
// threshold proves the cell without a solve of the whole component; anything less falls back to the
// component's own exact solves, so a cell narrower than the threshold still fails.
import {describe, expect, test} from "vitest";
import {RangeEngine, type CellState} from "../../src/node/publish/ranges.js";

/**
 * *values.length* blocks of four hidden atoms (a, b, c, d: variables 4i..4i+3), each block a 2 × 2
 * table with its four margins published, and the a's tied together by a published total: one
 * component of 4n variables. Returns the system, the cells' states and the true data as a hint.
 */
function blocks(values: Array<[number, number, number, number]>) {
  const cellVars: number[][] = [];
  const states: CellState[] = [];
  const cell = (vars: number[], state: CellState) => {
    cellVars.push(vars);
    states.push(state);
  };
  const point = Float64Array.from(values.flat());
  values.forEach(([a, b, c, d], i) => {
    const [va, vb, vc, vd] = [4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3];
    for (const v of [va, vb, vc, vd]) cell([v], {hiddenAtLeast: 1});
    cell([va, vb], {published: a + b});
    cell([vc, vd], {published: c + d});
    cell([va, vc], {published: a + c});
    cell([vb, vd], {published: b + d});
  });
  cell(
    values.map((_, i) => 4 * i),
    {published: values.reduce((n, [a]) => n + a, 0)}
  );
  const numVars = 4 * values.length;
  const hint = {
    fixed: new Float64Array(numVars).fill(NaN),
    components: [{vars: Int32Array.from({length: numVars}, (_, v) => v), points: [point]}]
  };
  const engine = (neighbourhood: number, localFrom = 0) => {
    const engine = new RangeEngine({numVars, rows: [], cellVars}, (id) => states[id]!, {neighbourhood, localFrom});
    expect(engine.addHints([hint])).toBe(1);
    return engine;
  };
  return {engine};
}

const even = (n: number, value: number) =>
  Array.from({length: n}, () => [value, value, value, value] as [number, number, number, number]);

describe("RangeEngine, local witnesses", () => {
  test("a cell whose width shows near it passes without a solve of its component", () => {
    const engine = blocks(even(6, 10)).engine(12);
    expect(engine.size).toEqual({variables: 24, components: 1});
    expect(engine.check([0], 5)).toEqual({passes: true, range: null});
    expect(engine.solves).toBe(0);
    expect(engine.localSolves).toBeGreaterThan(0);
    expect(engine.localProofs).toBe(1);
  });

  test("a component smaller than localFrom is solved whole, as before", () => {
    const engine = blocks(even(6, 10)).engine(12, 25);
    expect(engine.check([0], 5)).toEqual({passes: true, range: null});
    expect(engine.localSolves).toBe(0);
    expect(engine.solves).toBeGreaterThan(0);
  });

  test("a local witness is kept: it proves the cells it moved without another solve", () => {
    const engine = blocks(even(6, 10)).engine(12);
    expect(engine.check([0], 5).passes).toBe(true);
    const solved = engine.localSolves;
    // Raising a0 by the threshold or more lowers b0 and c0 and raises d0 as far (its block's margins).
    expect(engine.check([3], 5)).toEqual({passes: true, range: null});
    expect(engine.localSolves).toBe(solved);
    expect(engine.solves).toBe(0);
  });

  test("another engine takes a local witness as a hint only once it holds row by row", () => {
    const system = blocks(even(6, 10));
    const publisher = system.engine(12);
    publisher.check([0], 5);
    const hint = publisher.witnesses();
    expect(hint.components[0]!.changes!.length).toBeGreaterThan(0);
    // The true data again, and the local witness on it.
    const audit = system.engine(12);
    expect(audit.addHints([hint])).toBe(1 + hint.components[0]!.changes!.length);
    expect(audit.check([3], 5).passes).toBe(true);
    expect(audit.localSolves + audit.solves).toBe(0);
    // One value off by one breaks a margin: the change is refused, and the audit solves for itself.
    const [change] = hint.components[0]!.changes!;
    const values = Float64Array.from(change!.values);
    values[0] = values[0]! + 1;
    const forged = {...hint, components: [{...hint.components[0]!, changes: [{...change!, values}]}]};
    const doubting = system.engine(12);
    expect(doubting.addHints([forged])).toBe(1);
    expect(doubting.check([3], 5).passes).toBe(true);
    expect(doubting.localSolves).toBeGreaterThan(0);
  });

  test("a neighbourhood too small to show the width falls back to the component's exact solves", () => {
    // Four variables: the cell's own block, whose a is held by the total with every other a fixed.
    const engine = blocks(even(6, 10)).engine(4);
    expect(engine.check([0], 5)).toEqual({passes: true, range: null});
    expect(engine.localProofs).toBe(0);
    expect(engine.localSolves).toBeGreaterThan(0);
    expect(engine.solves).toBeGreaterThan(0);
  });

  test("a cell narrower than the threshold never passes locally: the exact range fails it", () => {
    // Each margin 4 with every atom at least 1: a lies in 1..3, whatever the neighbourhood shows.
    for (const neighbourhood of [4, 12, 23]) {
      const engine = blocks(even(6, 2)).engine(neighbourhood);
      expect(engine.check([0], 5)).toEqual({passes: false, range: {min: 1, max: 3}});
      expect(engine.localSolves).toBeGreaterThan(0);
      expect(engine.localProofs).toBe(0);
    }
  });

  test("a range exactly threshold − 1 wide fails and one exactly threshold wide passes, locally or not", () => {
    // a + b = 6 and a + c = 6 with b, c ≥ 1: a lies in 1..5 (4 wide); with margins 7, in 1..6 (5 wide).
    const narrow = blocks(Array.from({length: 6}, () => [3, 3, 3, 3] as [number, number, number, number]));
    expect(narrow.engine(12).check([0], 5)).toEqual({passes: false, range: {min: 1, max: 5}});
    const wide = blocks(Array.from({length: 6}, () => [3, 4, 4, 3] as [number, number, number, number])).engine(12);
    expect(wide.check([0], 5).passes).toBe(true);
    expect(wide.solves).toBe(0);
  });

  test("on random blocks, every cell passes locally exactly when it passes on the whole component", () => {
    let state = 7;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return 1 + (state % n);
    };
    for (let round = 0; round < 4; round++) {
      const values = Array.from(
        {length: 8},
        () => [random(9), random(9), random(9), random(9)] as [number, number, number, number]
      );
      const system = blocks(values);
      const [local, whole] = [system.engine(10), system.engine(Infinity)];
      for (let v = 0; v < 32; v++) expect(local.check([v], 5).passes).toBe(whole.check([v], 5).passes);
      expect(whole.localSolves).toBe(0);
      expect(local.localSolves).toBeGreaterThan(0);
    }
  });
});
