// Complementary cells chosen by cost, as τ-Argus and sdcTable do (after Fischetti and Salazar): to
// protect a hidden cell, find the cheapest way an attacker's table could differ from the true one with
// that cell moved by the protection width, where moving a published cell costs what hiding it costs the
// report. The published cells that had to move are the ones to hide. One linear programme per target,
// over the whole system of its component (linearSystem.ts), with two deviation columns per cell; hiding
// a cell frees its row, so later targets build on earlier choices. The LP is a relaxation: the exact
// range engine (ranges.ts) still checks every hidden cell afterwards, and protect.ts repeats until all pass.
import highsModule from "highs";
import {timedRun} from "./solverClock.js";
import type {Cell, Model} from "./model.js";
import type {ImplicitCell, LinearSystem, Row} from "./linearSystem.js";
import type {Range} from "./ranges.js";

const highsLoader = highsModule as unknown as typeof highsModule.default;
const highs = await highsLoader();
type HighsModel = ReturnType<typeof highs.createModel>;
const {modelStatus} = highs.constants;
const EPS = 1e-6;
/** Atoms of a group above which its total stays out of the LPs (coveredTotals): the sample has 5,544. */
const LOOSE_TOTAL_ATOMS = 10_000;
/** LP optima kept per component (movesAlready): enough to cover a district's cluster of small cells. */
const MAX_POINTS = 128;

interface Component {
  /** Local column of each global variable in this component. */
  columns: Map<number, number>;
  /** The component's cells, and their row indices in the solver model. */
  cells: Cell[];
  model: HighsModel | null;
  /** Per cell id, its row and its first deviation column (the second follows). */
  rowOf: Map<number, number>;
  deviationOf: Map<number, number>;
  /**
   * The component's implicit cells (weeks of a monthly series), and the rows added for those that sum
   * several columns (no deviation, ≥ 0); one of a single column is bounded on the column itself.
   */
  implicit: ImplicitCell[];
  implicitRow: Map<ImplicitCell, number>;
  /** Rows of the solver model, for appending. */
  numRows: number;
  /**
   * The variables' values in the LP optima found so far (the latest MAX_POINTS): every one holds in the
   * published system as it is now, since each optimum's moved cells were hidden and hiding only loosens.
   */
  points: Float64Array[];
}

export class ComplementFinder {
  private readonly componentOf = new Map<number, Component>();
  private readonly components: Component[] = [];
  /** Linear programmes solved, for the bench. */
  solves = 0;

  /** Measure totals left out of the LPs (coveredTotals): each would tie its whole group into one LP. */
  private readonly loose: Set<Row>;

  constructor(
    private readonly model: Model,
    private readonly linear: LinearSystem,
    /** Cost per unit of moving a published cell; Infinity where it must never be hidden. */
    private readonly cost: (cell: Cell) => number,
    private readonly isHidden: (cell: Cell) => boolean,
    private readonly lowerOf: (cell: Cell) => number
  ) {
    this.loose = coveredTotals(model, linear);
    // Components of the whole system, whatever is published: variables that share a relation or a cell.
    const parent = Array.from({length: linear.numVars}, (_, v) => v);
    const root = (v: number): number => {
      // parent holds a variable for each of the numVars variables.
      while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
      return v;
    };
    const join = (vars: number[]) => {
      for (const v of vars) parent[root(v)] = root(vars[0]!); // the loop runs only if vars has a first
    };
    const tied = linear.rows.filter((row) => !this.loose.has(row));
    for (const row of tied) join(row.vars);
    for (const vars of linear.cellVars) if (vars.length) join(vars);
    const byRoot = new Map<number, Component>();
    for (let v = 0; v < linear.numVars; v++) {
      const r = root(v);
      let component = byRoot.get(r);
      if (!component) {
        component = {
          columns: new Map(),
          cells: [],
          model: null,
          rowOf: new Map(),
          deviationOf: new Map(),
          implicit: [],
          implicitRow: new Map(),
          numRows: 0,
          points: []
        };
        byRoot.set(r, component);
        this.components.push(component);
      }
      component.columns.set(v, component.columns.size);
    }
    for (const cell of model.cells) {
      const vars = linear.cellVars[cell.id]!; // an entry for every cell of the model
      if (!vars.length) continue;
      const component = byRoot.get(root(vars[0]!))!;
      component.cells.push(cell);
      this.componentOf.set(cell.id, component);
    }
    for (const cell of linear.implicit) {
      const component = byRoot.get(root(cell.vars[0]!))!;
      component.implicit.push(cell);
      this.implicitComponent.set(cell, component);
    }
    this.byRoot = (v) => byRoot.get(root(v))!;
  }

  private readonly implicitComponent = new Map<ImplicitCell, Component>();

  private readonly byRoot: (v: number) => Component;

  /** Tells the solver models already built that *cell* is hidden now: its row is free above its lower bound. */
  hide(cell: Cell): void {
    const component = this.componentOf.get(cell.id);
    if (!component?.model) return;
    component.model.changeRowBounds(component.rowOf.get(cell.id)!, this.lowerOf(cell), highs.infinity);
    const dev = component.deviationOf.get(cell.id)!;
    component.model.changeColsBounds({kind: "set", indices: [dev, dev + 1]}, new Float64Array(2), new Float64Array(2));
  }

  /** *cells* grouped by component of the LPs (components share no relation), in their order. */
  byComponent(cells: Cell[]): Cell[][] {
    const groups = new Map<Component | undefined, Cell[]>();
    for (const cell of cells) {
      const component = this.componentOf.get(cell.id);
      const group = groups.get(component);
      if (group) group.push(cell);
      else groups.set(component, [cell]);
    }
    return [...groups.values()];
  }

  /**
   * Whether the LP optima found so far already let *target* (hidden) move by *width*: their values of it,
   * with its true value, spread at least that far. Its own LP would then find that no more cells need
   * hiding, as far as the LP can tell; the exact check (ranges.ts) still decides, as for every LP answer.
   */
  movesAlready(target: Cell, width: number): boolean {
    const component = this.componentOf.get(target.id);
    if (!component || target.value === null || !component.points.length) return false;
    const columns = this.linear.cellVars[target.id]!.map((v) => component.columns.get(v)!);
    let [min, max] = [target.value, target.value];
    for (const point of component.points) {
      let sum = 0;
      for (const c of columns) sum += point[c]!; // columns of this component's LP
      if (sum < min) min = sum;
      if (sum > max) max = sum;
    }
    return max - min >= width - EPS;
  }

  /** Keeps the variables' values of an LP optimum of *component* (movesAlready). */
  private keep(component: Component, x: ArrayLike<number>): void {
    if (component.points.length >= MAX_POINTS) component.points.shift();
    component.points.push(Float64Array.from({length: component.columns.size}, (_, c) => x[c]!));
  }

  /**
   * The published cells to hide so that *target* (hidden) could be *width* more, or failing that
   * *width* less, than its value while every published cell that is not returned keeps its value; null
   * when no choice of cells allows it.
   */
  complements(target: Cell, width: number): Cell[] | null {
    const component = this.componentOf.get(target.id);
    if (!component || target.value === null) return null;
    const model = (component.model ??= this.build(component));
    const row = component.rowOf.get(target.id)!;
    const lower = this.lowerOf(target);
    const tries: Array<[number, number]> = [[target.value + width, highs.infinity]];
    if (target.value - width >= lower) tries.push([lower, target.value - width]);
    try {
      for (const [low, high] of tries) {
        model.changeRowBounds(row, low, high);
        this.solves++;
        timedRun(model);
        if (model.getModelStatus() !== modelStatus.optimal) continue;
        const x = model.getSolution().colValue;
        this.keep(component, x);
        return component.cells.filter((cell) => {
          const dev = component.deviationOf.get(cell.id)!;
          // dev and dev + 1 are columns of this component's LP.
          return cell !== target && !this.isHidden(cell) && x[dev]! + x[dev + 1]! > EPS;
        });
      }
      return null;
    } finally {
      model.changeRowBounds(row, lower, highs.infinity);
    }
  }

  /**
   * The published cells to hide so that a cell no table publishes on its own (a week of a monthly
   * series), now provably in *range*, could lie *width* above its minimum or, failing that, *width*
   * below its maximum. Its true value is not in the published system, so the range stands in for it.
   */
  implicitComplements(target: ImplicitCell, range: Range, width: number): Cell[] | null {
    const component = this.implicitComponent.get(target);
    if (!component) return null;
    const model = (component.model ??= this.build(component));
    // A week of one service is one column, bounded as such; a week over all services gets a row the
    // first time it is a target (rows for every such week would slow every LP of the component).
    let row = component.implicitRow.get(target);
    if (row === undefined && target.vars.length > 1) {
      row = component.numRows++;
      const indices = Int32Array.from(target.vars, (v) => component.columns.get(v)!);
      model.addRow(0, highs.infinity, {indices, values: new Float64Array(indices.length).fill(1)});
      component.implicitRow.set(target, row);
    }
    const column = component.columns.get(target.vars[0]!)!;
    const bound = (low: number, high: number) => {
      if (row !== undefined) model.changeRowBounds(row, low, high);
      else model.changeColsBounds({kind: "set", indices: [column]}, Float64Array.of(low), Float64Array.of(high));
    };
    const tries: Array<[number, number]> = [[range.min + width, highs.infinity]];
    if (range.max !== Infinity && range.max - width >= 0) tries.push([0, range.max - width]);
    try {
      for (const [low, high] of tries) {
        bound(low, high);
        this.solves++;
        timedRun(model);
        if (model.getModelStatus() !== modelStatus.optimal) continue;
        const x = model.getSolution().colValue;
        return component.cells.filter((cell) => {
          const dev = component.deviationOf.get(cell.id)!;
          return !this.isHidden(cell) && x[dev]! + x[dev + 1]! > EPS;
        });
      }
      return null;
    } finally {
      bound(0, highs.infinity);
    }
  }

  /**
   * The published cells to hide so that *part* (hidden, a part of the people counted) could be less
   * than *whole* (the hidden people count of its row): without them a reader proves that all of the
   * group have the property. Null when no choice of cells allows it.
   */
  groupComplements(whole: Cell, part: Cell): Cell[] | null {
    const component = this.componentOf.get(whole.id);
    if (!component || component !== this.componentOf.get(part.id) || !whole.value) return null;
    const model = (component.model ??= this.build(component));
    const [w, p] = [component.rowOf.get(whole.id)!, component.rowOf.get(part.id)!];
    try {
      model.changeRowBounds(w, whole.value, whole.value);
      model.changeRowBounds(p, 0, whole.value - 1);
      this.solves++;
      timedRun(model);
      if (model.getModelStatus() !== modelStatus.optimal) return null;
      const x = model.getSolution().colValue;
      return component.cells.filter((cell) => {
        const dev = component.deviationOf.get(cell.id)!;
        return !this.isHidden(cell) && x[dev]! + x[dev + 1]! > EPS; // columns of this LP
      });
    } finally {
      model.changeRowBounds(w, this.lowerOf(whole), highs.infinity);
      model.changeRowBounds(p, this.lowerOf(part), highs.infinity);
    }
  }

  private build(component: Component): HighsModel {
    const local = (v: number) => component.columns.get(v)!;
    const rows: Array<{entries: Array<[number, number]>; lower: number; upper: number}> = [];
    for (const row of this.linear.rows) {
      // A row has at least one variable, and one coefficient per variable.
      if (this.loose.has(row) || this.byRoot(row.vars[0]!) !== component) continue;
      rows.push({
        entries: row.vars.map((v, k) => [local(v), row.coefs[k]!]),
        lower: row.lower,
        upper: row.upper
      });
    }
    const n = component.columns.size;
    const colCost: number[] = Array.from({length: n}, () => 0);
    const colUpper: number[] = Array.from({length: n}, () => highs.infinity);
    for (const cell of component.cells) {
      const dev = colCost.length;
      const hidden = this.isHidden(cell);
      const cost = this.cost(cell);
      const movable = !hidden && cost < Infinity;
      colCost.push(movable ? cost : 0, movable ? cost : 0);
      colUpper.push(movable ? highs.infinity : 0, movable ? highs.infinity : 0);
      component.deviationOf.set(cell.id, dev);
      component.rowOf.set(cell.id, rows.length);
      const entries: Array<[number, number]> = this.linear.cellVars[cell.id]!.map((v) => [local(v), 1]);
      entries.push([dev, -1], [dev + 1, 1]);
      const value = hidden ? this.lowerOf(cell) : cell.value!;
      rows.push({entries, lower: value, upper: hidden ? highs.infinity : value});
    }
    component.numRows = rows.length;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of rows) {
      // A cell may sum a variable twice (never in this model, but merge to be safe).
      const merged = new Map<number, number>();
      for (const [c, a] of row.entries) merged.set(c, (merged.get(c) ?? 0) + a);
      for (const [c, a] of merged) {
        indices.push(c);
        values.push(a);
      }
      starts.push(indices.length);
    }
    const inf = highs.infinity;
    const model = highs.createModel({
      numCols: colCost.length,
      numRows: rows.length,
      colCost: Float64Array.from(colCost),
      colLower: new Float64Array(colCost.length),
      colUpper: Float64Array.from(colUpper),
      rowLower: rows.map(({lower}) => (lower === -Infinity ? -inf : lower)),
      rowUpper: rows.map(({upper}) => (upper === Infinity ? inf : upper)),
      matrix: {format: "csr", numRows: rows.length, numCols: colCost.length, starts, indices, values}
    });
    model.options.set({output_flag: false, presolve: "off", solver: "simplex"});
    return model;
  }

  dispose(): void {
    for (const component of this.components) component.model?.dispose();
  }
}

/**
 * The rows "a measure's total = every atom of a group" of a group larger than LOOSE_TOTAL_ATOMS whose own
 * cells of one table, of two or more atoms each, cover every atom exactly once (the national weeks of the
 * crisis contacts): the total is then the sum of those cells, which the LP prices already, and the row
 * would tie every week of the export into one LP of every cell (at 13 years of weeks, some 200,000
 * columns, solved once per target). Left out, a target's LP is its block of weeks. A smaller group keeps
 * its total: the row helps choose around a hidden national week, and its LP is fast enough. These LPs
 * only propose cells to hide; the exact range engine checks the result whatever they propose.
 */
function coveredTotals(model: Model, linear: LinearSystem): Set<Row> {
  const covered = new Set<number>();
  for (const measure of model.measures.values())
    for (const group of measure.groups) {
      if (group.size <= LOOSE_TOTAL_ATOMS) continue;
      const byTable = new Map<string, Cell[]>();
      for (const cell of group.cells) byTable.set(cell.table, [...(byTable.get(cell.table) ?? []), cell]);
      for (const cells of byTable.values()) {
        if (!cells.every((cell) => cell.atoms.length > 1)) continue;
        const times = new Uint8Array(group.size);
        for (const cell of cells) for (const atom of cell.atoms) times[atom] = Math.min(2, times[atom]! + 1);
        if (!times.every((n) => n === 1)) continue;
        // The group's variables follow its first atom's in order (linearSystem.ts).
        const first = cells[0]!;
        covered.add(linear.cellVars[first.id]![0]! - first.atoms[0]!);
      }
    }
  const isTotal = (row: Row) =>
    row.lower === 0 &&
    row.upper === 0 &&
    row.vars.length > 2 &&
    covered.has(row.vars[1]!) &&
    row.coefs[0] === 1 &&
    row.coefs.slice(1).every((c) => c === -1);
  return new Set(linear.rows.filter(isTotal));
}
