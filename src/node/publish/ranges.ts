// What an attacker with a solver can prove about a hidden cell: its exact minimum and maximum over
// whole numbers, given everything published and every relation of the linear system. HiGHS (compiled
// to WebAssembly) solves one persistent model per connected component; only the objective changes from
// one cell to the next, so each solve starts from the last basis.
//
// Three shortcuts keep this fast and exact. Every whole-number solution found is kept: a cell whose
// values over those solutions already differ by the protection width needs no solve, since its true
// range is wider still. An LP range narrower than required fails as it is (the whole-number range lies
// inside it). An LP range wide enough whose optimal points are not whole numbers is checked with a MIP.
// In a very large component (the crisis weeks chained through months and national sums: 27,635
// variables at scale 31, a third of a second per LP), a cell is first tried on a small model around it
// with the rest held at a kept solution (local witnesses): its whole-number optima are solutions of the
// whole component too, kept sparsely, so they prove cells as the kept solutions do; only a cell they
// cannot show wide enough is solved on the whole component.
import highsModule from "highs";
import {timedRun} from "./solverClock.js";
import type {LinearSystem} from "./linearSystem.js";

// highs ships CommonJS typings for an ES module: at run time the default import is the loader itself.
const highsLoader = highsModule as unknown as typeof highsModule.default;
const highs = await highsLoader();
type HighsModel = ReturnType<typeof highs.createModel>;
const {modelStatus, objectiveSense} = highs.constants;
const EPS = 1e-6;
/**
 * Variables set free around a cell for its local witnesses. A few hundred solve in milliseconds, where
 * the largest component (the crisis weeks chained through months and national sums, 27,000 variables
 * at scale 31) takes a third of a second per LP; most cells show their width within a few rows.
 */
const NEIGHBOURHOOD = 300;
/**
 * The smallest component tried locally first. A local solve costs 10–20 ms (a model built and solved
 * afresh), which an LP on the component's own model, warm from the last basis, beats below about ten
 * thousand variables (3,856 at scale 3.1: the local path made its publish slower, not faster).
 */
const LOCAL_FROM = 10_000;

/**
 * Variables at most in the small MIP that rounds a fractional LP optimum (roundedOptimum): its fractional
 * variables and the cell's own. Past this, the MIP over the whole component is as quick.
 */
const ROUNDED_SIZE = 1_000;

/** Whether two lists of variables are the same, in order. */
function sameVars(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, k) => v === b[k]);
}

/** The spread of a sum over the kept solutions, with a solution at each end. */
interface SeenPoints extends Range {
  /** Indices of kept points. */
  atMin: number;
  atMax: number;
}

export interface Range {
  min: number;
  max: number;
}

/**
 * A cell's state in the release: published at a value, hidden with the lower bound an attacker may
 * assume, or (a rounded release, rounding.ts) known only to lie between two bounds.
 */
export type CellState = {published: number} | {hiddenAtLeast: number} | {between: [number, number]};

export class InfeasibleSystemError extends Error {}

/**
 * Whole-number solutions found by one range engine, as hints for another (the audit, or the next
 * round of suppression): each component's points over its global variables, and the values the
 * published cells fixed. Never published. A hint is only ever used after it has been verified, row by
 * row, against the receiving engine's own system, so a wrong one costs time and nothing else.
 */
export interface Witnesses {
  fixed: Float64Array;
  components: Array<{vars: Int32Array; points: Float64Array[]; changes?: Change[]}>;
}

/**
 * A whole-number solution kept sparsely (a local witness): one of the component's points (*base*, its
 * index there) with *vars* (global ids in a hint, local indices in a component) set to *values*.
 */
interface Change {
  base: number;
  vars: Int32Array;
  values: Float64Array;
}

/** The protection rule: a range at least *threshold* wide that does not fit inside 1..threshold−1. */
export function isProtected({min, max}: Range, threshold: number): boolean {
  return max - min >= threshold && !(min >= 1 && max <= threshold - 1);
}

/**
 * The rule for a cell no table publishes on its own (a week of a monthly series): the same as for a
 * hidden cell, with one exception. A week provably 0 is allowed: a 0 is never hidden (the threshold
 * hides 1..threshold−1 only), so a reader who learns it learns no more than a published 0 tells, and
 * no suppression could hide it (a hidden count is at least 1). A week known exactly at or above the
 * threshold fails, like a recovered hidden cell: the coarsening promised it was not published.
 */
export function isImplicitProtected(range: Range, threshold: number): boolean {
  return isProtected(range, threshold) || range.max === 0;
}

/** A row of the reduced system: over free variables only, its bounds shifted by the fixed ones. */
interface LocalRow {
  vars: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

export class RangeEngine {
  /** Per variable, its value when the published cells fix it, else NaN. */
  private readonly fixed: Float64Array;
  private readonly componentOf: Int32Array;
  private readonly local: Int32Array;
  private readonly components: Component[] = [];
  /** Per component, the global variable of each local one. */
  private readonly globals: Int32Array[];
  /** Solves run, LP and MIP, for the bench. */
  solves = 0;
  /** Hinted points that held in this system and were kept as witnesses. */
  hintsAccepted = 0;
  /** Solves of small local models (local witnesses, below), not counted in *solves*: for the bench. */
  localSolves = 0;
  /** Cells that local witnesses proved, sparing the component's own solves: for the bench. */
  localProofs = 0;
  /** Variables set free around a cell for its local witnesses. */
  private readonly neighbourhood: number;
  /** The smallest component whose cells are tried locally first; smaller ones are solved whole. */
  private readonly localFrom: number;

  /**
   * Builds the reduced system: variables that published cells fix (a published single-atom cell, or
   * the last free variable of a published sum) are substituted out first, which splits the release into
   * many small components. Contradicting counts are refused here already.
   */
  constructor(
    system: Pick<LinearSystem, "numVars" | "rows" | "cellVars">,
    state: (cellId: number) => CellState,
    options: {neighbourhood?: number; localFrom?: number} = {}
  ) {
    this.neighbourhood = options.neighbourhood ?? NEIGHBOURHOOD;
    this.localFrom = options.localFrom ?? LOCAL_FROM;
    const {numVars} = system;
    const rows: Array<{vars: number[]; coefs: number[]; lower: number; upper: number}> = [...system.rows];
    system.cellVars.forEach((vars, cell) => {
      if (!vars.length) return;
      const [lower, upper] = bounds(state(cell));
      rows.push({vars, coefs: vars.map(() => 1), lower, upper});
    });
    const fixed = (this.fixed = new Float64Array(numVars).fill(NaN));
    const rowsOfVar: number[][] = Array.from({length: numVars}, () => []);
    rows.forEach((row, r) => {
      // Every variable of a row is one of the system's numVars.
      for (const v of row.vars) rowsOfVar[v]!.push(r);
    });
    // Propagate, as any reader of the tables would: an equality with one free variable left fixes it,
    // and a row that leaves its free variables (all ≥ 0, all of one sign in it) no room above 0 fixes
    // them all at 0 (a published 0 of a national week: every district's week is 0).
    const queue = rows.map((_, r) => r);
    const inQueue = new Set(queue);
    const contradiction = () =>
      new InfeasibleSystemError("the published counts contradict each other: no counts satisfy them all");
    let fixedCount = 0;
    const propagate = () => {
      while (queue.length) {
        const r = queue.pop()!;
        inQueue.delete(r);
        const row = rows[r]!;
        const free: number[] = [];
        const freeCoefs: number[] = [];
        let constant = 0;
        // Positions by a map, not indexOf: a total's row has thousands of free variables, and a row is
        // looked at again each time one of them is fixed (a seventh of scale 31's publish went there).
        const position = new Map<number, number>();
        row.vars.forEach((v, k) => {
          if (Number.isNaN(fixed[v]!)) {
            const at = position.get(v);
            if (at !== undefined) freeCoefs[at] = freeCoefs[at]! + row.coefs[k]!;
            else {
              position.set(v, free.length);
              free.push(v);
              freeCoefs.push(row.coefs[k]!);
            }
          } else constant += row.coefs[k]! * fixed[v]!;
        });
        if (!free.length) continue;
        const [lower, upper] = [row.lower - constant, row.upper - constant];
        const fix = (v: number, value: number) => {
          fixed[v] = value;
          fixedCount++;
          for (const other of rowsOfVar[v]!)
            if (!inQueue.has(other)) {
              inQueue.add(other);
              queue.push(other);
            }
        };
        if (free.length === 1 && row.lower === row.upper && freeCoefs[0] !== 0) {
          const value = lower / freeCoefs[0]!;
          if (value < -EPS || Math.abs(value - Math.round(value)) > EPS) throw contradiction();
          fix(free[0]!, Math.round(value));
          continue;
        }
        // Σ c·x over x ≥ 0: at least 0 when every c > 0, at most 0 when every c < 0.
        const room = freeCoefs.every((c) => c > 0) ? upper : freeCoefs.every((c) => c < 0) ? -lower : Infinity;
        if (room < -EPS) throw contradiction();
        if (room <= EPS) for (const v of free) fix(v, 0);
      }
    };
    // The published rows only: the sums derived below serve the propagation, not the solver.
    const published = rows.length;
    const reduce = (): LocalRow[] => {
      const reduced: LocalRow[] = [];
      for (const row of rows.slice(0, published)) {
        const vars: number[] = [];
        const coefs: number[] = [];
        let constant = 0;
        // A row has one coefficient per variable, each one of the system's numVars.
        row.vars.forEach((v, k) => {
          if (Number.isNaN(fixed[v]!)) {
            vars.push(v);
            coefs.push(row.coefs[k]!);
          } else constant += row.coefs[k]! * fixed[v]!;
        });
        const [lower, upper] = [row.lower - constant, row.upper - constant];
        if (!vars.length) {
          if (lower > EPS || upper < -EPS) throw contradiction();
          continue;
        }
        reduced.push({vars, coefs, lower, upper});
      }
      return reduced;
    };
    propagate();
    let kept = shrinkSums(reduce(), numVars);
    // A published sum less the published sums inside it is a sum too, and a reader propagates it as well:
    // the county `unknown` less the district `unknown` leaves the split districts' records without a
    // municipality, 0 when the two are equal. Repeat until nothing more is fixed.
    for (;;) {
      const before = fixedCount;
      for (const row of kept) {
        const r = rows.push(row) - 1;
        for (const v of row.vars) rowsOfVar[v]!.push(r);
        inQueue.add(r);
        queue.push(r);
      }
      propagate();
      if (fixedCount === before) break;
      kept = shrinkSums(reduce(), numVars);
    }
    const parent = Int32Array.from({length: numVars}, (_, i) => i);
    const root = (v: number): number => {
      // parent holds a variable for each of the numVars variables.
      while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
      return v;
    };
    for (const {vars} of kept) {
      const first = root(vars[0]!); // a kept row has at least one variable
      for (const v of vars) parent[root(v)] = first;
    }
    this.componentOf = new Int32Array(numVars).fill(-1);
    this.local = new Int32Array(numVars);
    const byRoot = new Map<number, number>();
    const sizes: number[] = [];
    for (let v = 0; v < numVars; v++) {
      if (!Number.isNaN(fixed[v])) continue;
      const r = root(v);
      let c = byRoot.get(r);
      if (c === undefined) byRoot.set(r, (c = sizes.push(0) - 1));
      this.componentOf[v] = c;
      this.local[v] = sizes[c]!++; // c indexes sizes: it was pushed above
    }
    const rowsOf: LocalRow[][] = sizes.map(() => []);
    // A kept row's variables are free, so each has a component and a local index.
    for (const row of kept)
      rowsOf[this.componentOf[row.vars[0]!]!]!.push({...row, vars: row.vars.map((v) => this.local[v]!)});
    this.components = sizes.map((size, c) => new Component(size, rowsOf[c]!));
    this.globals = sizes.map((size) => new Int32Array(size));
    for (let v = 0; v < numVars; v++) {
      const c = this.componentOf[v]!;
      if (c >= 0) this.globals[c]![this.local[v]!] = v;
    }
  }

  /** The whole-number solutions found so far, to hint to another engine. */
  witnesses(): Witnesses {
    return {
      fixed: Float64Array.from(this.fixed),
      components: this.components.flatMap((component, c) =>
        component.points.length
          ? [
              {
                vars: this.globals[c]!,
                points: [...component.points],
                changes: component.changes.map(({base, vars, values}) => ({
                  base,
                  vars: vars.map((v) => this.globals[c]![v]!),
                  values
                }))
              }
            ]
          : []
      )
    };
  }

  /**
   * Takes another engine's solutions as candidate witnesses: for each own component, a candidate takes
   * each variable from the hint's fixed values or from one of its components' points (independent
   * components combine freely), and is kept only if it is whole, at least 0 and satisfies every row of
   * the component. A hint's sparse solutions (local witnesses) are taken the same way: the candidate
   * built from their base, with their changes to each own component's variables, kept only if every row
   * those changes touch holds. Returns the points kept.
   */
  addHints(hints: Witnesses[]): number {
    let accepted = 0;
    for (const hint of hints) {
      const pointsOf = new Array<Float64Array[] | undefined>(this.fixed.length);
      const indexOf = new Int32Array(this.fixed.length).fill(-1);
      for (const {vars, points} of hint.components)
        vars.forEach((v, i) => {
          if (v >= pointsOf.length) return;
          pointsOf[v] = points;
          indexOf[v] = i;
        });
      // Per own component, the candidate built from each index of the hint's points, if it was kept.
      const candidates = this.components.map((component, c) => {
        const vars = this.globals[c]!;
        let count = 1;
        for (const v of vars) {
          const points = pointsOf[v];
          if (points) count = Math.max(count, points.length);
          else if (v >= hint.fixed.length || Number.isNaN(hint.fixed[v]!)) return [];
        }
        const kept: Array<number | null> = [];
        for (let k = 0; k < count; k++) {
          const point = new Float64Array(vars.length);
          vars.forEach((v, i) => {
            const points = pointsOf[v];
            point[i] = points ? points[k % points.length]![indexOf[v]!]! : hint.fixed[v]!;
          });
          const ok = component.accept(point);
          if (ok) accepted++;
          kept.push(ok ? component.points.length - 1 : null);
        }
        return kept;
      });
      for (const {points, changes} of hint.components)
        for (const change of changes ?? []) {
          if (change.base >= points.length) continue;
          // The change split by own component: components share no row, so each part stands alone.
          const parts = new Map<number, {vars: number[]; values: number[]}>();
          change.vars.forEach((v, k) => {
            const c = v < this.fixed.length ? this.componentOf[v]! : -1;
            if (c < 0) return;
            let part = parts.get(c);
            if (!part) parts.set(c, (part = {vars: [], values: []}));
            part.vars.push(this.local[v]!);
            part.values.push(change.values[k]!);
          });
          for (const [c, part] of parts) {
            const base = candidates[c]![change.base];
            if (base !== undefined && base !== null && this.components[c]!.acceptChange(base, part.vars, part.values))
              accepted++;
          }
        }
    }
    this.hintsAccepted += accepted;
    return accepted;
  }

  /** Whole-number optima proved by rounding an LP optimum rather than by MIP: for the bench and tests. */
  get roundedProofs(): number {
    return this.components.reduce((n, c) => n + c.roundedProofs, 0);
  }

  /** Free variables of the reduced system, and how many components they fall into: for the bench. */
  get size(): {variables: number; components: number} {
    return {variables: this.components.reduce((n, c) => n + c.size, 0), components: this.components.length};
  }

  /**
   * The provable range of a sum of variables (a cell or an implicit cell). Components share no
   * relation, so a sum over several is the sum of each one's range.
   */
  range(vars: number[]): Range {
    const {constant, parts} = this.split(vars);
    let [min, max] = [constant, constant];
    for (const [component, {plus, minus}] of parts) {
      const range = component.range(plus, () => this.solves++, minus);
      min += range.min;
      max += range.max;
    }
    return {min, max};
  }

  /**
   * The spread of a sum of variables over the kept whole-number solutions (independent components
   * combine freely): a range inside the provable one, or null before any solution is kept.
   */
  seen(vars: number[]): Range | null {
    const {constant, parts} = this.split(vars);
    let [min, max] = [constant, constant];
    for (const [component, {plus}] of parts) {
      const range = component.seenRange(plus);
      if (!range) return null;
      min += range.min;
      max += range.max;
    }
    return {min, max};
  }

  /**
   * Minimises and maximises the sum of *vars* by LP alone, keeping whole optima as witnesses, and returns
   * the LP's maximum rounded down: a bound of the whole-number one, so 0 proves every one of them 0. One
   * pair of solves can settle many cells at once (the rounding policy's check, roundedRanges.ts).
   */
  harvest(vars: number[]): number {
    const {constant, parts} = this.split(vars);
    let max = constant;
    for (const [component, {plus}] of parts) {
      // Each variable once, in order (HiGHS takes cost indices strictly increasing).
      const vars = [...new Set(plus)].sort((a, b) => a - b);
      component.bound(objectiveSense.minimize, vars, () => this.solves++);
      max += component.bound(objectiveSense.maximize, vars, () => this.solves++).value;
    }
    return max;
  }

  /**
   * The provable maximum of a count less a part of it (people less people e-mailed, in one cell, or
   * in a whole table): a maximum of 0 says that all of the group have the property. Solves only where
   * no kept solution shows the part below the count already. The minimum is not solved for (−∞).
   */
  difference(vars: number[], minus: number[]): Range {
    const {constant, parts} = this.split(vars, minus);
    // Kept solutions of independent components combine: the sum of their maxima is a witness.
    let seen = constant;
    for (const [component, {plus, minus: less}] of parts) seen += component.seenRange(plus, less)?.max ?? -Infinity;
    if (seen > 0) return {min: -Infinity, max: seen};
    let max = constant;
    for (const [component, {plus, minus: less}] of parts) max += component.maximum(plus, () => this.solves++, less);
    return {min: parts.size ? -Infinity : constant, max};
  }

  /**
   * Whether the range of *vars* is protected (isProtected, or isImplicitProtected for a cell no table
   * publishes on its own), solving only as far as needed to know; with the range when it was solved for.
   * The kept solutions' spread lies inside the true range, so a spread of at least *threshold* is proof
   * enough; nothing else about the spread is (its minimum is no lower bound of the true range).
   */
  check(vars: number[], threshold: number, implicit = false): {passes: boolean; range: Range | null} {
    const {constant, parts} = this.split(vars);
    let spread = 0;
    for (const [component, {plus}] of parts) {
      const seen = component.seenRange(plus);
      if (seen) spread += seen.max - seen.min;
    }
    if (parts.size && spread >= threshold) return {passes: true, range: null};
    const seenOf = this.localWitnesses(parts, threshold);
    if (parts.size && [...seenOf.values()].reduce((n, seen) => n + (seen ? seen.max - seen.min : 0), 0) >= threshold) {
      this.localProofs++;
      return {passes: true, range: null};
    }
    const count = () => this.solves++;
    const sides = [...parts].map(([component, {plus}]) => ({
      component,
      plus,
      seen: seenOf.get(component) ?? null,
      max: component.bound(objectiveSense.maximize, plus, count),
      min: null as Bound | null
    }));
    const sum = (value: (side: (typeof sides)[number]) => number) =>
      sides.reduce((total, side) => total + value(side), constant);
    // One side first: an exact maximum that far above a kept solution is proof enough (the true minimum
    // lies lower still), and spares the minimum's solve; most cells pass here.
    const seenMin = sides.every((side) => side.seen) ? sum((side) => side.seen!.min) : null;
    const max = sum((side) => side.max.value);
    if (parts.size && seenMin !== null && sides.every((s) => s.max.exact) && max - seenMin >= threshold)
      return {passes: true, range: null};
    // A sum of variables (each at least 0) whose maximum is 0 is 0: no minimum to solve for.
    for (const side of sides)
      side.min =
        side.max.exact && side.max.value === 0
          ? {value: 0, exact: true}
          : side.component.bound(objectiveSense.minimize, side.plus, count);
    const outer = {min: sum((side) => side.min!.value), max};
    if (sides.some((side) => !side.max.exact || !side.min!.exact)) {
      // The LP's rounded range holds the whole-number one; exact maxima and kept solutions bound it from
      // inside. Wide on both counts, the cell passes without a MIP; otherwise the MIPs say how wide.
      const inner = {
        min: sum((side) => (side.min!.exact ? side.min!.value : (side.seen?.min ?? Infinity))),
        max: sum((side) => (side.max.exact ? side.max.value : (side.seen?.max ?? -Infinity)))
      };
      if (outer.max - outer.min >= threshold && inner.max - inner.min >= threshold) return {passes: true, range: null};
      for (const side of sides) {
        if (!side.max.exact) side.max = side.component.exact(objectiveSense.maximize, side.plus, count);
        if (!side.min!.exact) side.min = side.component.exact(objectiveSense.minimize, side.plus, count);
      }
    }
    const range = {min: sum((side) => side.min!.value), max: sum((side) => side.max.value)};
    return {passes: implicit ? isImplicitProtected(range, threshold) : isProtected(range, threshold), range};
  }

  /**
   * Local witnesses: per component of the cell, the spread of its sum over the kept solutions, widened
   * by solves on a small model around the cell. Each side starts from the kept solution at the other
   * extreme, keeps every variable outside a neighbourhood of the cell (a breadth-first walk over the
   * rows) at that solution's whole values, and optimises the cell over the neighbourhood alone. Any
   * whole-number optimum of the small model, with the fixed values, is a whole-number solution of the
   * whole component (the rows it does not touch hold as they did), so the widened spread still lies
   * inside the true range; the small model's optimum is verified row by row before it counts. Maxima
   * first: most cells need no minimum. A component no larger than the neighbourhood is left to its own
   * solves, and so is one below LOCAL_FROM variables.
   */
  private localWitnesses(parts: Map<Component, {plus: number[]}>, threshold: number): Map<Component, Range | null> {
    const seenOf = new Map<Component, Range | null>();
    const extremes = new Map<Component, SeenPoints>();
    for (const [component, {plus}] of parts) {
      const seen = component.seenPoints(plus);
      seenOf.set(component, component.seenRange(plus));
      if (seen && component.size > Math.max(this.neighbourhood, this.localFrom - 1) && plus.length)
        extremes.set(component, seen);
    }
    const spread = () => [...seenOf.values()].reduce((n, seen) => n + (seen ? seen.max - seen.min : 0), 0);
    const count = () => this.localSolves++;
    for (const [component, seen] of extremes) {
      if (spread() >= threshold) break;
      const max = component.localOptimum(parts.get(component)!.plus, seen.atMin, true, this.neighbourhood, count);
      const range = seenOf.get(component)!;
      if (max !== null && max > range.max) seenOf.set(component, {...range, max});
    }
    for (const [component, seen] of extremes) {
      if (spread() >= threshold) break;
      const min = component.localOptimum(parts.get(component)!.plus, seen.atMax, false, this.neighbourhood, count);
      const range = seenOf.get(component)!;
      if (min !== null && min < range.min) seenOf.set(component, {...range, min});
    }
    return seenOf;
  }

  /**
   * Fills every component's pool of whole-number solutions with a few solves over all its variables at
   * once: the sum minimised and maximised, then seeded random ±1 weightings. Their spread proves most
   * cells wide enough, so only the rest need solves of their own.
   */
  explore(cells?: number[][], weightings = 4, seed = 1): void {
    let state = seed >>> 0 || 1;
    const random = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const wanted = cells && new Set(cells.flatMap((vars) => [...this.split(vars).parts.keys()]));
    for (const component of this.components) {
      // A component that holds verified hints already has witnesses enough to start from.
      if (component.size < 2 || (wanted && !wanted.has(component)) || component.points.length) continue;
      const all = Array.from({length: component.size}, () => 1);
      component.explore(all, () => this.solves++);
      for (let i = 0; i < weightings; i++)
        component.explore(
          all.map(() => (random() < 0.5 ? -1 : 1)),
          () => this.solves++
        );
    }
  }

  /** A sum of variables less another: the fixed ones' constant, and the free ones by component (local indices). */
  private split(
    vars: number[],
    minus: number[] = []
  ): {constant: number; parts: Map<Component, {plus: number[]; minus: number[]}>} {
    let constant = 0;
    const parts = new Map<Component, {plus: number[]; minus: number[]}>();
    const add = (v: number, sign: 1 | -1) => {
      const fixed = this.fixed[v]!;
      if (!Number.isNaN(fixed)) {
        constant += sign * fixed;
        return;
      }
      const component = this.components[this.componentOf[v]!]!;
      let part = parts.get(component);
      if (!part) parts.set(component, (part = {plus: [], minus: []}));
      (sign === 1 ? part.plus : part.minus).push(this.local[v]!);
    };
    for (const v of vars) add(v, 1);
    for (const v of minus) add(v, -1);
    return {constant, parts};
  }

  dispose(): void {
    for (const component of this.components) component.dispose();
  }
}

/**
 * Subtracts from each published sum the published sums inside it (a measure's total minus the national
 * weeks, a month minus its published weeks): an equivalent system whose rows are short, so the release
 * falls apart into small components (a service's month of districts) instead of one that the total ties
 * together. A sum left empty must be 0; it is then dropped.
 */
function shrinkSums(rows: LocalRow[], numVars: number): LocalRow[] {
  const isSum = (row: LocalRow) =>
    row.lower === row.upper && (row.coefs.every((c) => c === 1) || row.coefs.every((c) => c === -1));
  const sums: Array<{vars: Set<number>; value: number} | null> = rows.map((row) =>
    isSum(row) ? {vars: new Set(row.vars), value: row.lower * row.coefs[0]!} : null
  );
  const sumsOfVar: number[][] = Array.from({length: numVars}, () => []);
  sums.forEach((sum, r) => {
    if (sum) for (const v of sum.vars) sumsOfVar[v]!.push(r); // v is one of the numVars
  });
  // Largest first: a total sheds its months or weeks before they are used anywhere else.
  const order = sums
    .flatMap((sum, r) => (sum && sum.vars.size > 1 ? [r] : []))
    .sort((a, b) => sums[b]!.vars.size - sums[a]!.vars.size || a - b);
  for (const r of order) {
    const sum = sums[r]!;
    for (const v of [...sum.vars]) {
      if (!sum.vars.has(v)) continue;
      for (const other of sumsOfVar[v]!) {
        const inner = sums[other];
        if (other === r || !inner || !inner.vars.size || inner.vars.size > sum.vars.size) continue;
        if (![...inner.vars].every((w) => sum.vars.has(w))) continue;
        for (const w of inner.vars) sum.vars.delete(w);
        sum.value -= inner.value;
        break;
      }
    }
    if (!sum.vars.size && Math.abs(sum.value) > EPS)
      throw new InfeasibleSystemError("the published counts contradict each other: no counts satisfy them all");
  }
  const kept: LocalRow[] = [];
  rows.forEach((row, r) => {
    const sum = sums[r];
    if (!sum) kept.push(row);
    else if (sum.vars.size)
      kept.push({vars: [...sum.vars], coefs: [...sum.vars].map(() => 1), lower: sum.value, upper: sum.value});
  });
  return kept;
}

/** A component restricted to a few free variables (the others held): see ComponentSolver's smallModel. */
interface SmallModel {
  /** Each free variable's column. */
  column: Map<number, number>;
  starts: number[];
  indices: number[];
  values: number[];
  lower: number[];
  upper: number[];
  cost: Float64Array;
}

/** Solves *small* in non-negative (*integer*: whole) numbers: its status, and its columns' values when optimal. */
function solveSmallModel(
  small: SmallModel,
  maximize: boolean,
  integer: boolean
): {status: unknown; x: ArrayLike<number> | null} {
  const {cost, starts, indices, values, lower, upper} = small;
  const [numCols, numRows] = [cost.length, lower.length];
  const inf = highs.infinity;
  const model = highs.createModel({
    numCols,
    numRows,
    colCost: cost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(inf),
    rowLower: lower.map((l) => (l === -Infinity ? -inf : l)),
    rowUpper: upper.map((u) => (u === Infinity ? inf : u)),
    matrix: {format: "csr", numRows, numCols, starts, indices, values},
    ...(integer ? {integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer)} : {})
  });
  try {
    model.options.set({output_flag: false, ...(integer ? {mip_rel_gap: 0, mip_abs_gap: 0.999} : {})});
    model.changeObjectiveSense((maximize ? objectiveSense.maximize : objectiveSense.minimize) as never);
    timedRun(model);
    const status = model.getModelStatus();
    return {status, x: status === modelStatus.optimal ? Float64Array.from(model.getSolution().colValue) : null};
  } finally {
    model.dispose();
  }
}

function bounds(state: CellState): [number, number] {
  if ("between" in state) return state.between;
  return "published" in state ? [state.published, state.published] : [state.hiddenAtLeast, Infinity];
}

/** A bound of a whole-number optimum, and whether it is that optimum. */
interface Bound {
  value: number;
  exact: boolean;
}

class Component {
  /** Optima proved by rounding a fractional LP optimum (roundedOptimum), sparing a MIP: for the bench. */
  roundedProofs = 0;
  private model: HighsModel | null = null;
  private mip: HighsModel | null = null;
  /** Whole-number solutions found so far. */
  private readonly pool: Float64Array[] = [];
  /** Whole-number solutions kept sparsely (local witnesses): a kept point and what differs from it. */
  private readonly sparse: Change[] = [];
  /** Per variable, the sparse solutions that change it, and by how much. */
  private readonly changesOf = new Map<number, {changes: number[]; deltas: number[]}>();
  /** Per solver model, the variables whose cost is set now. */
  private readonly objectives = new Map<HighsModel, number[]>();

  constructor(
    readonly size: number,
    private readonly rows: LocalRow[]
  ) {}

  get points(): readonly Float64Array[] {
    return this.pool;
  }

  /** Keeps *point* as a witness if it is a whole-number solution of every row (exactly: integers). */
  accept(point: Float64Array): boolean {
    for (const x of point) if (!Number.isInteger(x) || x < 0) return false;
    for (const {vars, coefs, lower, upper} of this.rows) {
      let sum = 0;
      for (let k = 0; k < vars.length; k++) sum += coefs[k]! * point[vars[k]!]!;
      if (sum < lower || sum > upper) return false;
    }
    this.pool.push(point);
    return true;
  }

  /** seenRange, with the kept solutions where the sum is least and greatest. */
  seenPoints(vars: number[]): SeenPoints | null {
    if (!this.pool.length) return null;
    let best: SeenPoints | null = null;
    this.pool.forEach((point, k) => {
      let sum = 0;
      for (const v of vars) sum += point[v]!; // a kept point has a value for every variable
      if (!best) best = {min: sum, max: sum, atMin: k, atMax: k};
      else if (sum < best.min) Object.assign(best, {min: sum, atMin: k});
      else if (sum > best.max) Object.assign(best, {max: sum, atMax: k});
    });
    return best;
  }

  /**
   * The greatest (or least) whole-number value of Σ vars over the solutions that agree with the kept
   * point *at* (a whole-number solution of this component) outside a neighbourhood of at most *size* variables around
   * *vars*: an LP on the small model, a MIP on it when the LP's optimum is fractional. Null when the
   * small model gives nothing verified. The optimum found is checked against every row it touches in
   * whole numbers, so what is returned is the value of a true whole-number solution of the component,
   * which is kept sparsely (as the kept point with the neighbourhood's values).
   */
  localOptimum(vars: number[], at: number, maximize: boolean, size: number, counted: () => void): number | null {
    const base = this.pool[at]!; // a kept point
    const inside = this.around(vars, size);
    const small = this.smallModel(inside, base, vars, []);
    const solveSmall = (integer: boolean): number | null => {
      counted();
      const {status, x} = solveSmallModel(small, maximize, integer);
      // Unbounded from a whole-number solution: so are the whole numbers (a rational ray, scaled).
      if (maximize && status === modelStatus.unbounded) return Infinity;
      if (status !== modelStatus.optimal || !x) return null;
      const point = Float64Array.from(x);
      if (point.some((x) => Math.abs(x - Math.round(x)) > EPS)) return integer ? null : NaN;
      for (let k = 0; k < point.length; k++) point[k] = Math.round(point[k]!) + 0;
      if (point.some((x) => x < 0)) return null;
      const {starts, indices, values, lower, upper} = small;
      for (let i = 0; i < lower.length; i++) {
        let sum = 0;
        for (let k = starts[i]!; k < starts[i + 1]!; k++) sum += values[k]! * point[indices[k]!]!;
        if (sum < lower[i]! || sum > upper[i]!) return null;
      }
      let value = 0;
      for (const v of vars) value += point[small.column.get(v)!]!;
      // Kept sparsely: it may prove the cells around this one without a solve of their own.
      this.keepChange(at, inside, [...point]);
      return value;
    };
    const lp = solveSmall(false);
    return Number.isNaN(lp) ? solveSmall(true) : lp;
  }

  private varRows: number[][] | null = null;

  /** Per variable, the rows it appears in. */
  private rowsOfVar(): number[][] {
    if (this.varRows) return this.varRows;
    const varRows: number[][] = Array.from({length: this.size}, () => []);
    this.rows.forEach((row, r) => {
      for (const v of row.vars) varRows[v]!.push(r); // a row's variables are the component's
    });
    return (this.varRows = varRows);
  }

  /**
   * *vars* and at most *size* variables near them in all (all of *vars* at least): rows are taken
   * shortest first, each adding its variables, so a cell's own small margins are closed before a long
   * sum (a national week) fills the neighbourhood with siblings; a long row adds at most an eighth of
   * the neighbourhood each time, and every variable found brings its rows into the queue.
   */
  private around(vars: number[], size: number): number[] {
    const inside = new Set(vars);
    const varRows = this.rowsOfVar();
    const queued = new Set<number>();
    const queue = new RowQueue((r) => this.rows[r]!.vars.length);
    const reach = (v: number) => {
      for (const r of varRows[v]!)
        if (!queued.has(r)) {
          queued.add(r);
          queue.push(r);
        }
    };
    for (const v of inside) reach(v);
    const quota = Math.max(2, Math.ceil(size / 8));
    while (inside.size < size && queue.length) {
      const r = queue.pop();
      let added = 0;
      for (const v of this.rows[r]!.vars) {
        if (inside.size >= size || added >= quota) break;
        if (inside.has(v)) continue;
        inside.add(v);
        added++;
        reach(v);
      }
    }
    return [...inside];
  }

  /** Minimises and maximises a weighted sum of the variables, keeping whole-number optima in the pool. */
  explore(weights: number[], counted: () => void): void {
    const model = (this.model ??= this.build(false));
    this.setWeights(model, weights);
    this.solve(model, objectiveSense.minimize, counted);
    this.solve(model, objectiveSense.maximize, counted);
  }

  /** The spread of *vars*' sum over the kept whole-number solutions. */
  seenRange(vars: number[], minus: number[] = []): Range | null {
    if (!this.pool.length) return null;
    let [min, max] = [Infinity, -Infinity];
    const sums = this.pool.map((point) => {
      let sum = 0;
      // A kept point has a value for every variable of the component.
      for (const v of vars) sum += point[v]!;
      for (const v of minus) sum -= point[v]!;
      if (sum < min) min = sum;
      if (sum > max) max = sum;
      return sum;
    });
    // A sparse solution differs from its base only where it changes a variable: only those that change
    // one of *vars* can lie outside the spread so far.
    const moved = new Map<number, number>();
    const add = (v: number, sign: number) => {
      const byVar = this.changesOf.get(v);
      if (byVar)
        byVar.changes.forEach((change, k) => moved.set(change, (moved.get(change) ?? 0) + sign * byVar.deltas[k]!));
    };
    for (const v of vars) add(v, 1);
    for (const v of minus) add(v, -1);
    for (const [change, delta] of moved) {
      const sum = sums[this.sparse[change]!.base]! + delta; // a change's base is a kept point
      if (sum < min) min = sum;
      if (sum > max) max = sum;
    }
    return {min, max};
  }

  /** The sparse solutions kept (local witnesses), each a kept point with a few variables changed. */
  get changes(): readonly Change[] {
    return this.sparse;
  }

  /**
   * Keeps the kept point *base* with *vars* set to *values* as a sparse solution, if it is one: whole,
   * at least 0, and every row that the changed variables touch holds (the others hold as at *base*).
   */
  acceptChange(base: number, vars: number[], values: number[]): boolean {
    const point = this.pool[base];
    if (!point) return false;
    const value = new Map<number, number>();
    for (let k = 0; k < vars.length; k++) {
      const x = values[k]!;
      if (!Number.isInteger(x) || x < 0 || vars[k]! >= this.size) return false;
      value.set(vars[k]!, x);
    }
    const touched = new Set<number>();
    for (const v of value.keys()) for (const r of this.rowsOfVar()[v]!) touched.add(r);
    for (const r of touched) {
      const {vars: rowVars, coefs, lower, upper} = this.rows[r]!;
      let sum = 0;
      for (let k = 0; k < rowVars.length; k++) sum += coefs[k]! * (value.get(rowVars[k]!) ?? point[rowVars[k]!]!);
      if (sum < lower || sum > upper) return false;
    }
    this.keepChange(base, [...value.keys()], [...value.values()]);
    return true;
  }

  /** Keeps a sparse solution: the variables where it differs from the kept point *base*. */
  private keepChange(base: number, vars: number[], values: number[]): void {
    const point = this.pool[base]!;
    const changed: number[] = [];
    const to: number[] = [];
    vars.forEach((v, k) => {
      if (values[k] !== point[v]) {
        changed.push(v);
        to.push(values[k]!);
      }
    });
    if (!changed.length) return;
    const index = this.sparse.push({base, vars: Int32Array.from(changed), values: Float64Array.from(to)}) - 1;
    changed.forEach((v, k) => {
      let byVar = this.changesOf.get(v);
      if (!byVar) this.changesOf.set(v, (byVar = {changes: [], deltas: []}));
      byVar.changes.push(index);
      byVar.deltas.push(to[k]! - point[v]!);
    });
  }

  /** The range of Σ vars − Σ minus (minus: a part taken from a count, for the group-attribute rule). */
  range(vars: number[], counted: () => void, minus: number[] = []): Range {
    const {minimize, maximize} = objectiveSense;
    const low = this.bound(minimize, vars, counted, minus);
    const high = this.bound(maximize, vars, counted, minus);
    return {
      min: low.exact ? low.value : this.exact(minimize, vars, counted, minus).value,
      max: high.exact ? high.value : this.exact(maximize, vars, counted, minus).value
    };
  }

  /** The maximum of Σ vars − Σ minus over whole numbers: the LP's, checked with a MIP when fractional. */
  maximum(vars: number[], counted: () => void, minus: number[] = []): number {
    const high = this.bound(objectiveSense.maximize, vars, counted, minus);
    return high.exact ? high.value : this.exact(objectiveSense.maximize, vars, counted, minus).value;
  }

  /**
   * The LP's optimum of Σ vars − Σ minus, rounded inward (a valid bound of the whole-number one), and
   * whether it is the whole-number optimum: a whole optimal point, or a kept whole-number solution that
   * reaches the rounded bound (a district ∩ county piece provably 0 whose LP optimum is fractional).
   */
  bound(sense: number, vars: number[], counted: () => void, minus: number[] = []): Bound {
    const maximize = sense === objectiveSense.maximize;
    const model = (this.model ??= this.build(false));
    this.setObjective(model, vars, minus);
    const lp = this.solve(model, sense, counted);
    if (Math.abs(lp.value) === Infinity) return {value: lp.value, exact: true};
    const value = maximize ? Math.floor(lp.value + EPS) : Math.ceil(lp.value - EPS) + 0;
    if (lp.whole) return {value, exact: true};
    const seen = this.seenRange(vars, minus);
    const exact = seen !== null && (maximize ? value <= seen.max : value >= seen.min);
    if (!exact && lp.point) this.fractional.set(sense, {vars, minus, point: lp.point, value});
    return {value, exact};
  }

  /** Per sense, the last LP optimum bound() found fractional and not reached: exact() tries to round it. */
  private readonly fractional = new Map<
    number,
    {vars: number[]; minus: number[]; point: Float64Array; value: number}
  >();

  /**
   * The whole-number optimum of Σ vars − Σ minus: the LP's rounded bound when a whole-number solution
   * near its optimum reaches it (roundedOptimum), else by MIP over the whole component.
   */
  exact(sense: number, vars: number[], counted: () => void, minus: number[] = []): Bound {
    const lp = this.fractional.get(sense);
    if (lp && sameVars(lp.vars, vars) && sameVars(lp.minus, minus)) {
      const found = this.roundedOptimum(lp.point, vars, minus, sense === objectiveSense.maximize, counted);
      if (found === lp.value) {
        this.roundedProofs++;
        return {value: found, exact: true};
      }
    }
    const mip = (this.mip ??= this.build(true));
    this.setObjective(mip, vars, minus);
    const {value} = this.solve(mip, sense, counted);
    return {value: Math.abs(value) === Infinity ? value : Math.round(value), exact: true};
  }

  /**
   * The optimum of Σ vars − Σ minus over the whole-number solutions that agree with a fractional LP
   * optimum *lp* wherever it is whole: a MIP over its fractional variables and the sum's own, with the
   * rest held at their whole values. Most fractional optima of this system differ from a whole one in a
   * few variables, so this small MIP reaches the LP's rounded bound, which proves it the whole-number
   * optimum without a MIP over the component (a fifth of a second each on the sample). The point found is
   * checked against every row of the component and kept as a witness. Null when nothing was found.
   */
  private roundedOptimum(
    lp: Float64Array,
    vars: number[],
    minus: number[],
    maximize: boolean,
    counted: () => void
  ): number | null {
    const inside = new Set<number>([...vars, ...minus]);
    lp.forEach((x, v) => {
      if (Math.abs(x - Math.round(x)) > EPS) inside.add(v);
    });
    if (inside.size > ROUNDED_SIZE) return null;
    const free = [...inside].sort((a, b) => a - b);
    const base = Float64Array.from(lp, (x) => Math.max(0, Math.round(x)) + 0);
    const small = this.smallModel(free, base, vars, minus);
    counted();
    const {status, x} = solveSmallModel(small, maximize, true);
    if (status !== modelStatus.optimal || !x) return null;
    const point = Float64Array.from(base);
    for (let k = 0; k < free.length; k++) point[free[k]!] = Math.round(x[k]!) + 0;
    // A whole-number solution of every row of the component, or nothing (accept keeps it as a witness).
    if (!this.accept(point)) return null;
    let value = 0;
    for (const v of vars) value += point[v]!;
    for (const v of minus) value -= point[v]!;
    return value;
  }

  /**
   * The component restricted to *free* (its columns, in that order), every other variable held at its
   * value in *base*: the rows that touch a free variable, with the held variables moved into their
   * bounds, and the objective Σ vars − Σ minus (all of them free). One builder for localOptimum and
   * roundedOptimum, which differ only in how they choose the free variables and use the optimum.
   */
  private smallModel(free: number[], base: ArrayLike<number>, vars: number[], minus: number[]): SmallModel {
    const column = new Map<number, number>();
    free.forEach((v, k) => column.set(v, k));
    const touched = [...new Set(free.flatMap((v) => this.rowsOfVar()[v]!))].sort((a, b) => a - b);
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    for (const r of touched) {
      const {vars: rowVars, coefs, lower: l, upper: u} = this.rows[r]!;
      let constant = 0;
      // A variable twice in a row is one column with the coefficients added (HiGHS takes each once).
      const merged = new Map<number, number>();
      rowVars.forEach((v, k) => {
        const at = column.get(v);
        if (at === undefined) constant += coefs[k]! * base[v]!;
        else merged.set(at, (merged.get(at) ?? 0) + coefs[k]!);
      });
      for (const [at, coef] of merged) {
        indices.push(at);
        values.push(coef);
      }
      starts.push(indices.length);
      lower.push(l - constant);
      upper.push(u - constant);
    }
    const cost = new Float64Array(free.length);
    for (const v of vars) cost[column.get(v)!]! += 1;
    for (const v of minus) cost[column.get(v)!]! -= 1;
    return {column, starts, indices, values, lower, upper, cost};
  }

  private setObjective(model: HighsModel, vars: number[], minus: number[] = []): void {
    const counts = new Map<number, number>();
    for (const v of vars) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const v of minus) counts.set(v, (counts.get(v) ?? 0) - 1);
    this.setCosts(model, [...counts.keys()], [...counts.values()]);
  }

  private setWeights(model: HighsModel, weights: number[]): void {
    this.setCosts(
      model,
      weights.map((_, v) => v),
      weights
    );
  }

  private setCosts(model: HighsModel, indices: number[], costs: number[]): void {
    const previous = this.objectives.get(model) ?? [];
    if (previous.length) model.changeColsCost({kind: "set", indices: previous}, new Float64Array(previous.length));
    if (indices.length) model.changeColsCost({kind: "set", indices}, Float64Array.from(costs));
    this.objectives.set(model, indices);
  }

  private solve(
    model: HighsModel,
    sense: number,
    counted: () => void
  ): {value: number; whole: boolean; point?: Float64Array} {
    counted();
    model.changeObjectiveSense(sense as Parameters<HighsModel["changeObjectiveSense"]>[0]);
    timedRun(model);
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
    return {value: model.getObjectiveValue(), whole, ...(whole ? {} : {point: Float64Array.from(point)})};
  }

  private build(integer: boolean): HighsModel {
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of this.rows) {
      row.vars.forEach((v, k) => {
        indices.push(v);
        values.push(row.coefs[k]!); // one coefficient per variable
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
      rowLower: this.rows.map(({lower}) => (lower === -Infinity ? -inf : lower)),
      rowUpper: this.rows.map(({upper}) => (upper === Infinity ? inf : upper)),
      matrix: {format: "csr", numRows: this.rows.length, numCols: this.size, starts, indices, values},
      ...(integer ? {integrality: new Int32Array(this.size).fill(highs.constants.variableType.integer)} : {})
    });
    model.options.set({
      output_flag: false,
      presolve: integer ? "on" : "off",
      solver: integer ? "choose" : "simplex",
      simplex_strategy: 4,
      // Exact optima: HiGHS stops a MIP within 0.01 % of its bound by default, which at a count of a
      // million is 100 off. Every objective here is a whole number, so a gap below 1 proves the optimum.
      ...(integer ? {mip_rel_gap: 0, mip_abs_gap: 0.999} : {})
    });
    return model;
  }

  dispose(): void {
    this.model?.dispose();
    this.mip?.dispose();
  }
}

/** A min-heap of row indices by a key (the row's length), ties by index: the order is deterministic. */
class RowQueue {
  private readonly heap: number[] = [];

  constructor(private readonly key: (row: number) => number) {}

  get length(): number {
    return this.heap.length;
  }

  push(row: number): void {
    const heap = this.heap;
    heap.push(row);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** The least row; only called when the queue is not empty. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let least = i;
        if (l < heap.length && this.less(heap[l]!, heap[least]!)) least = l;
        if (r < heap.length && this.less(heap[r]!, heap[least]!)) least = r;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least]!, heap[i]!];
        i = least;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const [ka, kb] = [this.key(a), this.key(b)];
    return ka < kb || (ka === kb && a < b);
  }
}
