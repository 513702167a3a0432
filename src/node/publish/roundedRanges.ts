// The rounding policy's solver check (issue 12): what a reader with a solver can prove about every count
// of a rounded release, from the published rows alone. A count published as v (rounded on its own) is
// a true count in v − 2 … v + 2; a redacted one is 0 … 7; a designated total (rounding.ts) is the sum
// of its parts' true counts and says nothing of its own; and every relation of the linear system holds
// (sums, margins, part ≤ whole, people ≤ records). The promise checked, per count published, redacted
// or implied (a week of a monthly series): unless it is provably 0, no reader can narrow it to fewer
// than five whole values (for a count rounded on its own, that is its whole rounding interval) nor show
// it to lie between 1 and 7 (a small group shown to exist).
import {HEADLINE_TABLE, describeCell, tableRow, type Cell, type Model} from "./model.js";
import {describeImplicit, linearSystem, varsOfCell, type LinearSystem} from "./linearSystem.js";
import {InfeasibleSystemError, RangeEngine, type CellState, type Range} from "./ranges.js";
import {ROUND5, type Round5Rule} from "./rules.js";

/** How far a published count may lie from the truth: 2 either side of a multiple of 5. */
export const ROUNDING_HALF_WIDTH = Math.floor(ROUND5.base / 2);
/** The narrowest range a reader may prove: as wide as a rounding interval (five whole values). */
const WIDTH = 2 * ROUNDING_HALF_WIDTH;

export interface RoundedFailure {
  rule: Extract<Round5Rule, "interval" | "smallGroup">;
  /** What the count was promised, when not round5's rule (a hidden count of an exact release in a pair). */
  promise?: string;
  /** Table, cell and column, or the cells that hold an implied one: never a count. */
  where: string;
  range: Range;
  /** The published cell, or null for a cell no table publishes on its own. */
  cell: Cell | null;
}

export interface RoundedRangeReport {
  failures: RoundedFailure[];
  /** Counts checked: the model's cells, and the implied ones. */
  cells: number;
  implicit: number;
  solves: number;
}

/** The rule a provable range breaks, or null. A count provably 0 is nobody: it tells nothing of anyone. */
export function roundedRule({min, max}: Range): RoundedFailure["rule"] | null {
  if (max === 0) return null;
  if (min >= 1 && max <= ROUND5.redactAtMost) return "smallGroup";
  if (max - min < WIDTH) return "interval";
  return null;
}

/**
 * What a reader knows of one cell of a rounded release, before relating it to the others. A count the
 * release leaves out (a withheld headline figure, withhold.ts: absent, not NULL) says nothing either.
 */
export function roundedState(model: Model, cell: Cell, designated: ReadonlyMap<Cell, Cell[]>): CellState {
  if (designated.has(cell) || isAbsent(model, cell)) return {between: [0, Infinity]};
  if (cell.value === null) return {between: [0, ROUND5.redactAtMost]};
  return {between: [Math.max(0, cell.value - ROUNDING_HALF_WIDTH), cell.value + ROUNDING_HALF_WIDTH]};
}

/** Whether *cell*'s count is left out of its row or of the headline altogether (undefined, not NULL). */
function isAbsent(model: Model, cell: Cell): boolean {
  const row = cell.table === HEADLINE_TABLE ? model.system.headline : tableRow(model.system, cell.table, cell.row);
  return (row as Record<string, unknown>)[cell.column] === undefined;
}

/**
 * A count to check: where it is (for messages), its cell (null for an implied one), its variables, when
 * the kept solutions' spread already proves it safe, and its verdict when they do not (solving as far as
 * needed). The pair check (roundedPair.ts) adds counts of an earlier release judged by its own promise.
 */
export interface Target {
  where: () => string;
  cell: Cell | null;
  vars: number[];
  safeSeen(seen: Range): boolean;
  judge(engine: RangeEngine): Pick<RoundedFailure, "rule" | "range" | "promise"> | null;
}

/**
 * The counts of one rounded release as targets: every count published or redacted (a designated total as
 * the sum of its parts' variables), and every implied one. *shift* moves the release's variables to where
 * they stand in a larger system (the second release of a pair).
 */
export function roundedTargets(
  model: Model,
  linear: LinearSystem,
  designated: ReadonlyMap<Cell, Cell[]>,
  {shift = 0, where = (text: string) => text}: {shift?: number; where?: (text: string) => string} = {}
): Target[] {
  const moved = (vars: number[]) => (shift ? vars.map((v) => v + shift) : vars);
  // A designated total is checked as the sum of its parts' variables: the same count, without the total's
  // own variable, which reduced() may have left out.
  const varsOf = (cell: Cell) => {
    const parts = designated.get(cell);
    return parts ? parts.flatMap((part) => varsOfCell(linear, part)).sort((a, b) => a - b) : varsOfCell(linear, cell);
  };
  // The kept solutions' spread lies inside the provable range: wide enough, and reaching 0 or above 7
  // (or a published count, at least 8 anyway: v − 2 with v ≥ 10, or a sum holding such a part), it
  // proves the count without a solve of its own.
  const target = (text: () => string, cell: Cell | null, vars: number[], published: boolean): Target => ({
    where: () => where(text()),
    cell,
    vars,
    safeSeen: (seen) => seen.max - seen.min >= WIDTH && (published || seen.min === 0 || seen.max > ROUND5.redactAtMost),
    judge: (engine) => {
      const range = published ? engine.check(vars, WIDTH).range : engine.range(vars);
      const rule = range && roundedRule(range);
      return range && rule ? {rule, range} : null;
    }
  });
  return [
    ...model.cells
      .filter((cell) => !isAbsent(model, cell))
      .map((cell) => target(() => describeCell(model, cell), cell, moved(varsOf(cell)), cell.value !== null)),
    ...linear.implicit.map((implied) =>
      target(() => describeImplicit(model, implied), null, moved(implied.vars), false)
    )
  ];
}

/**
 * Every count's provable range, judged by roundedRule. *designated*: the totals published as sums of
 * their parts, with those parts (rounding.ts, designatedTotals). Stops after *limit* failures. Throws
 * InfeasibleSystemError when the published counts contradict each other.
 */
export function roundedRanges(
  model: Model,
  designated: ReadonlyMap<Cell, Cell[]>,
  {limit = Infinity}: {limit?: number} = {}
): RoundedRangeReport {
  const linear = linearSystem(model);
  const system = reduced(linear, (id) => designated.has(model.cells[id]!));
  const engine = new RangeEngine(system, (id) => roundedState(model, model.cells[id]!, designated));
  try {
    const failures = settle(engine, system, roundedTargets(model, linear, designated), limit);
    return {failures, cells: model.cells.length, implicit: linear.implicit.length, solves: engine.solves};
  } finally {
    engine.dispose();
  }
}

/**
 * The failures among *targets*, at most *limit* of them. Batches, one per part of the system, halved until
 * settled: the sum of the counts not yet shown safe, minimised and maximised, puts many of them at both
 * ends at once, and a maximum of 0 proves them all 0. Only a count left on its own after that (a narrow
 * one among them) is solved for exactly.
 */
export function settle(
  engine: RangeEngine,
  system: Pick<LinearSystem, "numVars" | "rows" | "cellVars">,
  targets: Target[],
  limit: number
): RoundedFailure[] {
  const shownSafe = (target: Target) => {
    const seen = engine.seen(target.vars);
    return seen !== null && target.safeSeen(seen);
  };
  const failures: RoundedFailure[] = [];
  const batches = byComponent(
    system,
    targets.filter((target) => !shownSafe(target))
  );
  for (let batch = batches.pop(); batch && failures.length < limit; batch = batches.pop()) {
    const pending = batch.filter((target) => !shownSafe(target));
    if (pending.length > 1) {
      if (engine.harvest(pending.flatMap((target) => target.vars)) <= 0) continue;
      const left = pending.filter((target) => !shownSafe(target));
      // Much settled: try the rest together again; little: halve the batch.
      if (left.length * 5 < pending.length * 4) batches.push(left);
      else {
        const half = Math.ceil(left.length / 2);
        batches.push(left.slice(half), left.slice(0, half));
      }
      continue;
    }
    const [target] = pending;
    if (!target) continue;
    const verdict = target.judge(engine);
    if (verdict) failures.push({...verdict, where: target.where(), cell: target.cell});
  }
  return failures;
}

/**
 * Each variable's part of *system* (variables joined by a row or a cell), as a representative variable.
 */
export function componentOf(system: Pick<LinearSystem, "numVars" | "rows" | "cellVars">): (v: number) => number {
  const parent = Int32Array.from({length: system.numVars}, (_, i) => i);
  const root = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
    return v;
  };
  const join = (vars: number[]) => {
    const [first] = vars;
    if (first !== undefined) for (const v of vars) parent[root(v)] = root(first);
  };
  for (const row of system.rows) join(row.vars);
  for (const vars of system.cellVars) join(vars);
  return root;
}

/**
 * Targets grouped by the part of the system they lie in (variables joined by a row or a cell), so that a
 * batch's solves run on one small model; a target spread over several parts (a national total) goes last.
 */
function byComponent(system: Pick<LinearSystem, "numVars" | "rows" | "cellVars">, targets: Target[]): Target[][] {
  const root = componentOf(system);
  const groups = new Map<number, Target[]>();
  const spread: Target[] = [];
  for (const target of targets) {
    const roots = new Set(target.vars.map(root));
    const [only] = roots;
    if (roots.size !== 1 || only === undefined) spread.push(target);
    else groups.set(only, [...(groups.get(only) ?? []), target]);
  }
  // Popped from the end: the spread ones last.
  return [spread, ...groups.values()];
}

/**
 * The system the engine solves: *linear*, less what says nothing under this policy. A designated total's
 * own row (its sum at least 0) is left out, and so is a measure's total variable that then appears in one
 * row only, the sum of its one group's atoms: it is that sum, at least 0 whatever the atoms are. Without
 * them the release falls apart into many smaller components (a service's weeks). A total variable that a
 * second release is tied to (roundedPair.ts) appears in more rows, and stays.
 */
export function reduced(
  linear: Pick<LinearSystem, "numVars" | "rows" | "cellVars">,
  isDesignated: (cell: number) => boolean
): Pick<LinearSystem, "numVars" | "rows" | "cellVars"> {
  const cellVars = linear.cellVars.map((vars, id) => (isDesignated(id) ? [] : vars));
  const uses = new Int32Array(linear.numVars);
  for (const row of linear.rows) for (const v of row.vars) uses[v]!++;
  for (const vars of cellVars) for (const v of vars) uses[v]!++;
  const definesTotal = ({vars, coefs, lower, upper}: LinearSystem["rows"][number]) =>
    lower === 0 && upper === 0 && coefs[0] === 1 && coefs.slice(1).every((c) => c === -1) && uses[vars[0]!] === 1;
  return {numVars: linear.numVars, rows: linear.rows.filter((row) => !definesTotal(row)), cellVars};
}

export {InfeasibleSystemError};
