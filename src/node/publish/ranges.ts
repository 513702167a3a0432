// What an attacker with a solver can prove about a hidden cell: its exact minimum and maximum over
// whole numbers, given everything published and every relation of the linear system. HiGHS (compiled
// to WebAssembly) solves one persistent model per connected component; only the objective changes from
// one cell to the next, so each solve starts from the last basis.
//
// Three shortcuts keep this fast and exact. Every whole-number solution found is kept: a cell whose
// values over those solutions already differ by the protection width needs no solve, since its true
// range is wider still. An LP range narrower than required fails as it is (the whole-number range lies
// inside it). An LP range wide enough whose optimal points are not whole numbers is checked with a MIP.
import highsModule from "highs";
import type {LinearSystem} from "./linearSystem.js";

// highs ships CommonJS typings for an ES module: at run time the default import is the loader itself.
const highsLoader = highsModule as unknown as typeof highsModule.default;
const highs = await highsLoader();
type HighsModel = ReturnType<typeof highs.createModel>;
const {modelStatus, objectiveSense} = highs.constants;
const EPS = 1e-6;

export interface Range {
  min: number;
  max: number;
}

/** A cell's state in the release: published at a value, or hidden with the lower bound an attacker may assume. */
export type CellState = {published: number} | {hiddenAtLeast: number};

export class InfeasibleSystemError extends Error {}

/** The protection rule: a range at least *threshold* wide that does not fit inside 1..threshold−1. */
export function isProtected({min, max}: Range, threshold: number): boolean {
  return max - min >= threshold && !(min >= 1 && max <= threshold - 1);
}

/**
 * The rule for a cell no table publishes on its own (a week of a monthly series): protected as above,
 * or known to be 0, or known to be at least the threshold (either could have been published as it is).
 */
export function isImplicitProtected(range: Range, threshold: number): boolean {
  return isProtected(range, threshold) || range.max === 0 || range.min >= threshold;
}

export class RangeEngine {
  private readonly componentOf: Int32Array;
  private readonly local: Int32Array;
  private readonly components: Component[] = [];
  /** Solves run, LP and MIP, for the bench. */
  solves = 0;

  constructor(
    private readonly system: Pick<LinearSystem, "numVars" | "rows" | "cellVars">,
    state: (cellId: number) => CellState
  ) {
    const {numVars, rows, cellVars} = system;
    const parent = Int32Array.from({length: numVars}, (_, i) => i);
    const root = (v: number): number => {
      while (parent[v] !== v) v = parent[v] = parent[parent[v]];
      return v;
    };
    const join = (vars: number[]) => {
      const first = root(vars[0]);
      for (const v of vars) parent[root(v)] = first;
    };
    for (const row of rows) join(row.vars);
    for (const vars of cellVars) if (vars.length) join(vars);
    this.componentOf = new Int32Array(numVars);
    this.local = new Int32Array(numVars);
    const byRoot = new Map<number, number>();
    const sizes: number[] = [];
    for (let v = 0; v < numVars; v++) {
      const r = root(v);
      let c = byRoot.get(r);
      if (c === undefined) byRoot.set(r, (c = sizes.push(0) - 1));
      this.componentOf[v] = c;
      this.local[v] = sizes[c]++;
    }
    const rowsOf: Array<Array<{vars: number[]; coefs: number[]; lower: number; upper: number; cell: number}>> =
      sizes.map(() => []);
    for (const row of rows) rowsOf[this.componentOf[row.vars[0]]].push({...row, cell: -1});
    cellVars.forEach((vars, cell) => {
      if (!vars.length) return;
      const [lower, upper] = bounds(state(cell));
      rowsOf[this.componentOf[vars[0]]].push({vars, coefs: vars.map(() => 1), lower, upper, cell});
    });
    this.components = sizes.map((size, c) => new Component(size, rowsOf[c], this.local));
  }

  /** The provable range of a sum of variables (a cell or an implicit cell). */
  range(vars: number[]): Range {
    return this.components[this.componentOf[vars[0]]].range(
      vars.map((v) => this.local[v]),
      () => this.solves++
    );
  }

  /** Whether the range of *vars* passes *rule*, solving only as far as needed to know. */
  passes(vars: number[], rule: (range: Range) => boolean): boolean {
    return this.check(vars, rule).passes;
  }

  /** As passes(), with the range when it had to be solved for. */
  check(vars: number[], rule: (range: Range) => boolean): {passes: boolean; range: Range | null} {
    const component = this.components[this.componentOf[vars[0]]];
    const seen = component.seenRange(vars.map((v) => this.local[v]));
    // The kept solutions' spread lies inside the true range, so a wide spread is proof enough.
    if (seen && seen.max - seen.min > 0 && rule(seen)) return {passes: true, range: null};
    const range = this.range(vars);
    return {passes: rule(range), range};
  }

  /** Publish or hide a cell; a hidden cell's constraint is relaxed, so earlier solutions stay feasible. */
  setState(cellId: number, state: CellState, dropSolutions = true): void {
    const vars = this.system.cellVars[cellId];
    if (vars.length) this.components[this.componentOf[vars[0]]].setCell(cellId, state, dropSolutions);
  }

  /**
   * Runs *probe* with *cells* hidden, then publishes them again as they were. Solutions found meanwhile
   * are dropped: they may break the restored constraints; the ones from before still hold.
   */
  trial<T>(cells: Array<{id: number; lower: number; value: number}>, probe: () => T): T {
    const components = [
      ...new Set(cells.map(({id}) => this.components[this.componentOf[this.system.cellVars[id][0]]]))
    ];
    const kept = components.map((component) => component.poolSize());
    for (const {id, lower} of cells) this.setState(id, {hiddenAtLeast: lower});
    try {
      return probe();
    } finally {
      for (const {id, value} of cells) this.setState(id, {published: value}, false);
      components.forEach((component, i) => component.truncatePool(kept[i]));
    }
  }

  dispose(): void {
    for (const component of this.components) component.dispose();
  }
}

function bounds(state: CellState): [number, number] {
  return "published" in state ? [state.published, state.published] : [state.hiddenAtLeast, Infinity];
}

class Component {
  private model: HighsModel | null = null;
  private mip: HighsModel | null = null;
  private readonly cellRow = new Map<number, number>();
  private readonly rowBounds: Array<[number, number]> = [];
  /** Whole-number solutions found so far (each feasible for every later, looser state). */
  private readonly pool: Float64Array[] = [];
  /** Per solver model, the variables whose cost is set now. */
  private readonly objectives = new Map<HighsModel, number[]>();

  constructor(
    private readonly size: number,
    private readonly rows: Array<{vars: number[]; coefs: number[]; lower: number; upper: number; cell: number}>,
    private readonly local: Int32Array
  ) {
    rows.forEach((row, i) => {
      if (row.cell >= 0) this.cellRow.set(row.cell, i);
      this.rowBounds.push([row.lower, row.upper]);
    });
  }

  poolSize(): number {
    return this.pool.length;
  }

  truncatePool(size: number): void {
    this.pool.length = Math.min(this.pool.length, size);
  }

  setCell(cell: number, state: CellState, dropSolutions: boolean): void {
    const i = this.cellRow.get(cell)!;
    const [lower, upper] = bounds(state);
    const [oldLower, oldUpper] = this.rowBounds[i];
    this.rowBounds[i] = [lower, upper];
    // Tightening (publishing again) can make kept solutions infeasible: drop them.
    if (dropSolutions && (lower > oldLower || upper < oldUpper)) this.pool.length = 0;
    this.model?.changeRowBounds(i, lower, upper === Infinity ? highs.infinity : upper);
    if (this.mip) this.objectives.delete(this.mip);
    this.mip?.dispose();
    this.mip = null;
  }

  /** The spread of *vars*' sum over the kept whole-number solutions. */
  seenRange(vars: number[]): Range | null {
    if (!this.pool.length) return null;
    let [min, max] = [Infinity, -Infinity];
    for (const point of this.pool) {
      let sum = 0;
      for (const v of vars) sum += point[v];
      if (sum < min) min = sum;
      if (sum > max) max = sum;
    }
    return {min, max};
  }

  range(vars: number[], counted: () => void): Range {
    const model = (this.model ??= this.build(false));
    this.setObjective(model, vars);
    const low = this.solve(model, objectiveSense.minimize, counted);
    const high = this.solve(model, objectiveSense.maximize, counted);
    const range = {
      min: Math.ceil(low.value - EPS) + 0,
      max: high.value === Infinity ? Infinity : Math.floor(high.value + EPS)
    };
    if (low.whole && high.whole) return range;
    // Fractional optima: the whole-number range may be narrower than the LP's.
    const mip = (this.mip ??= this.build(true));
    this.setObjective(mip, vars);
    const exact = {
      min: this.solve(mip, objectiveSense.minimize, counted).value,
      max: high.value === Infinity ? Infinity : this.solve(mip, objectiveSense.maximize, counted).value
    };
    return {min: Math.round(exact.min), max: exact.max === Infinity ? Infinity : Math.round(exact.max)};
  }

  private setObjective(model: HighsModel, vars: number[]): void {
    const previous = this.objectives.get(model) ?? [];
    if (previous.length) model.changeColsCost({kind: "set", indices: previous}, new Float64Array(previous.length));
    const counts = new Map<number, number>();
    for (const v of vars) counts.set(v, (counts.get(v) ?? 0) + 1);
    const indices = [...counts.keys()];
    if (indices.length)
      model.changeColsCost(
        {kind: "set", indices},
        Float64Array.from(indices, (v) => counts.get(v)!)
      );
    this.objectives.set(model, indices);
  }

  private solve(model: HighsModel, sense: number, counted: () => void): {value: number; whole: boolean} {
    counted();
    model.changeObjectiveSense(sense as Parameters<HighsModel["changeObjectiveSense"]>[0]);
    model.run();
    const status = model.getModelStatus();
    if (status === modelStatus.infeasible)
      throw new InfeasibleSystemError("the published counts contradict each other: no counts satisfy them all");
    if (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible) {
      return {value: sense === objectiveSense.maximize ? Infinity : -Infinity, whole: true};
    }
    if (status !== modelStatus.optimal) throw new Error(`solver stopped early (HiGHS model status ${status})`);
    const point = model.getSolution().colValue;
    const whole = point.every((x: number) => Math.abs(x - Math.round(x)) < EPS);
    if (whole) this.pool.push(Float64Array.from(point, Math.round));
    return {value: model.getObjectiveValue(), whole};
  }

  private build(integer: boolean): HighsModel {
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of this.rows) {
      row.vars.forEach((v, k) => {
        indices.push(this.local[v]);
        values.push(row.coefs[k]);
      });
      starts.push(indices.length);
    }
    const inf = highs.infinity;
    const model = highs.createModel({
      numCols: this.size,
      numRows: this.rows.length,
      colCost: new Float64Array(this.size),
      colLower: new Float64Array(this.size),
      colUpper: new Float64Array(this.size).fill(inf),
      rowLower: this.rowBounds.map(([lower]) => (lower === -Infinity ? -inf : lower)),
      rowUpper: this.rowBounds.map(([, upper]) => (upper === Infinity ? inf : upper)),
      matrix: {format: "csr", numRows: this.rows.length, numCols: this.size, starts, indices, values},
      ...(integer ? {integrality: new Int32Array(this.size).fill(highs.constants.variableType.integer)} : {})
    });
    model.options.set({
      output_flag: false,
      presolve: integer ? "on" : "off",
      solver: integer ? "choose" : "simplex",
      simplex_strategy: 4
    });
    return model;
  }

  dispose(): void {
    this.model?.dispose();
    this.mip?.dispose();
  }
}
