// Primary and complementary suppression over the whole published system, checked with the solver.
//
// Primary: every count from 1 to threshold − 1 is hidden, and beside a hidden people count, a part of
// those people (published, e-mailed, reported) that is 0 or all of them (a group attribute). Then, in
// rounds: the range engine (ranges.ts) is built for the current pattern, a few whole-number solutions
// over all cells at once clear most of them, and every hidden cell still narrower than the rule gets
// its cheapest published neighbour hidden as well, all in one batch. Breakdowns give way before
// margins, and the figures the pages answer with (headline, national and district totals, the crisis
// baselines) come last or never. Hiding only loosens the system, so a cell once protected stays
// protected, and each round hides at least one more cell: the rounds end.
// Deterministic: targets and candidates are taken in a fixed order, the witnesses use a fixed seed.
import {BASELINE} from "../../lib/keyEvents.js";
import {
  HEADLINE_TABLE,
  PRIVATE_SLIVERS,
  buildModel,
  describeCell,
  siblings,
  tableRow,
  type Cell,
  type Model
} from "./model.js";
import type {Ledgered} from "./ledger.js";
import {hiddenLower, linearSystem, zeroEverywhere, type ImplicitCell, type LinearSystem} from "./linearSystem.js";
import {RangeEngine, type CellState, type Range, type Witnesses} from "./ranges.js";
import {allEverywhere, hiddenGroups} from "./rangeAudit.js";
import {ALL_SERVICES} from "./crisis.js";
import {ComplementFinder} from "./complement.js";
import {bundler, isSmall} from "./primary.js";
import type {PublishedSystem} from "./system.js";
import {emptyPhase, startPhase, type PhaseTime} from "./solverClock.js";
import {startWorker} from "./complementThread.js";

/** Rounds in which complementary cells are chosen by LP; later ones (rare) take neighbours one by one. */
const LP_ROUNDS = 6;
/** Small cells of one component from which its first LPs run in a worker thread (a thread costs a second to start). */
const WORKER_FROM = 40;
/**
 * Cells of the model above which no worker thread is used: the worker builds the model again, which at
 * bench scale 312 (52,849 cells) takes longer than the other components' LPs it would overlap with.
 */
const WORKER_MAX_CELLS = 20_000;

export interface Suppression {
  published: PublishedSystem;
  /** Hidden cells: primary (1..threshold−1 and group attributes) and complementary. Private. */
  primary: number;
  complementary: number;
  /** Solver runs and rounds, for the bench. */
  solves: number;
  rounds: number;
  /** Milliseconds in the exact range checks and in the LPs that choose complementary cells, for the bench. */
  timings: {ranges: number; complements: number};
  /**
   * Where the suppression's time went, for the bench: building the model and choosing the primary cells,
   * the LPs that choose complementary cells, and the exact range checks; each with its solves and the
   * part of its time inside HiGHS.
   */
  breakdown: {primary: PhaseTime; complements: PhaseTime; ranges: PhaseTime};
  /**
   * The last round's whole-number solutions of the published system: hints that let the audit skip
   * most solves, which it verifies against its own system before use. Private, never written.
   */
  witnesses: Witnesses;
}

/** Ties the release to the newest one in the ledger (ledger.ts), which is already out and never changes. */
export type LedgerLink = (current: {model: Model; linear: LinearSystem}) => Ledgered;

export function protect(system: PublishedSystem, threshold: number, ledger?: LedgerLink): Suppression {
  const breakdown = {primary: emptyPhase(), complements: emptyPhase(), ranges: emptyPhase()};
  let stop = startPhase(breakdown.primary);
  const model = buildModel(system);
  const linear = linearSystem(model);
  const earlier = ledger?.({model, linear});
  // A cell that, hidden, could never be protected against the ledger's release is never a complement.
  const cannotHide = earlier ? (cell: Cell) => earlier.cannotHide(cell, threshold) : undefined;
  const {hidden, finder, hide, baseCost, primary} = complementing(model, linear, threshold, cannotHide);
  const state = (cell: Cell): CellState =>
    hidden.has(cell) ? {hiddenAtLeast: hiddenLower(cell)} : {published: cell.value!};
  stop();
  const near = neighbours(model);
  const costOf = baseCost;
  let solves = 0;
  // Hiding only loosens the system, so a range once at least threshold wide stays so: such cells are
  // settled. A cell no table publishes on its own that is known to be 0 or at least the threshold is
  // not settled: hiding more can open its range.
  const settled = new Set<Cell | ImplicitCell>();
  // Before anything else is hidden, a small cell is unprotected: its complements are chosen at once,
  // without an exact check first (the rounds below check every hidden cell). A hidden 0 may need none
  // (a measure that is 0 everywhere), so it waits for the check; so does a small district ∩ county
  // piece (private_slivers), which no table publishes: its own value never pinned it, and the pieces
  // around it are most often wide already. A cell that an earlier LP's optimum moves by the threshold
  // already (the cells hidden for a neighbour open its way too) needs no LP of its own: its LP would
  // find nothing more to hide. A quarter of the sample's LPs, and 44 fewer cells hidden.
  // The components share no relation, so the largest one's LPs run in a worker thread meanwhile, with
  // the same result (complementWorker.ts): the machine has two cores.
  stop = startPhase(breakdown.complements);
  const [largest, ...rest] = finder
    .byComponent(model.cells.filter((c) => hidden.has(c) && c.value! > 0 && c.table !== PRIVATE_SLIVERS))
    .sort((a, b) => b.length - a.length);
  // Not with a ledger: the worker rebuilds this release's model alone, without the earlier one's limits.
  const parallel = !earlier && rest.length && largest!.length >= WORKER_FROM && model.cells.length <= WORKER_MAX_CELLS;
  const worker = parallel ? startWorker(system, threshold, largest!) : null;
  for (const cells of worker ? rest : [largest ?? [], ...rest]) firstComplements({finder, hide}, cells, threshold);
  if (worker) {
    const found = worker.result();
    if (found) {
      for (const id of found.hidden) hide(model.cells[id]!);
      // Its LPs ran meanwhile: counted, with their time inside HiGHS, as if they had run here.
      solves += found.solves;
      breakdown.complements.solves += found.solves;
      breakdown.complements.highsMs += found.highsMs;
    } else firstComplements({finder, hide}, largest!, threshold); // the worker failed: the same LPs here
  }
  stop();
  // The earlier release's cells: its own published values, its hidden cells at their lower bounds.
  const earlierVars = new Map(earlier?.targets.map(({cell, vars}) => [cell, vars]));
  const earlierState = (id: number): CellState => {
    const cell = earlier!.model.cells[id]!;
    return cell.value === null ? {hiddenAtLeast: hiddenLower(cell)} : {published: cell.value};
  };
  // Each round's solutions still hold in the next (hiding only loosens the system): hints for it.
  let witnesses: Witnesses[] = [];
  for (let rounds = 1; ; rounds++) {
    stop = startPhase(breakdown.ranges);
    // The engine asks only about the cells whose variables it was given: ids of model.cells.
    const engine = earlier
      ? new RangeEngine(earlier.combined, (id) =>
          id < earlier.offset.cells ? state(model.cells[id]!) : earlierState(id - earlier.offset.cells)
        )
      : new RangeEngine(linear, (id) => state(model.cells[id]!));
    engine.addHints(witnesses);
    const targets: Array<Cell | ImplicitCell> = [
      ...model.cells.filter((cell) => hidden.has(cell)),
      ...linear.implicit,
      ...earlierVars.keys()
    ].filter((target) => !settled.has(target));
    // linear.cellVars has an entry for every cell of the model.
    const varsOf = (target: Cell | ImplicitCell) =>
      earlierVars.get(target) ?? ("id" in target ? linear.cellVars[target.id]! : target.vars);
    const unsafe: Array<Cell | ImplicitCell> = [];
    const rangeOf = new Map<Cell | ImplicitCell, Range>();
    const allOfGroup: Model["rowBounds"] = [];
    try {
      engine.explore(targets.map(varsOf));
      for (const target of targets) {
        // An earlier release's cells keep the protection it was published with.
        const own = earlierVars.has(target) ? (earlier!.threshold ?? threshold) : threshold;
        const {passes, range} = engine.check(varsOf(target), own, !("id" in target));
        const zero = !passes && "id" in target && range!.max === 0;
        if (zero && earlierVars.has(target)) {
          const shift = (vars: number[]) => vars.map((v) => v + earlier!.offset.vars);
          if (zeroEverywhere(earlier!.model, earlier!.linear, target as Cell, (v) => engine.range(shift(v)))) continue;
        } else if (!passes && "id" in target && earlier?.toldBefore(target)) continue;
        else if (zero && zeroEverywhere(model, linear, target, (v) => engine.range(v))) continue;
        if (!passes) {
          unsafe.push(target);
          rangeOf.set(target, range!);
        } else if (!range || range.max - range.min >= own) settled.add(target);
      }
      // A hidden part that provably equals its hidden people count says all of them have it.
      const everywhere = new Map<string | null, boolean>();
      for (const {below, above} of hiddenGroups(model, (cell) => hidden.has(cell))) {
        if (!everywhere.has(below.group)) everywhere.set(below.group, allEverywhere(model, linear, below, engine));
        if (everywhere.get(below.group)) continue;
        if (engine.difference(linear.cellVars[above.id]!, linear.cellVars[below.id]!).max <= 0)
          allOfGroup.push({below, above});
      }
    } finally {
      solves += engine.solves + engine.localSolves;
      witnesses = [engine.witnesses()];
      engine.dispose();
      stop();
    }
    if (!unsafe.length && !allOfGroup.length) {
      solves += finder.solves;
      finder.dispose();
      return {
        published: hideCells(model, hidden),
        primary,
        complementary: hidden.size - primary,
        solves,
        rounds,
        timings: {ranges: Math.round(breakdown.ranges.ms), complements: Math.round(breakdown.complements.ms)},
        breakdown,
        witnesses: witnesses[0]!
      };
    }
    const before = hidden.size;
    const hiddenNow = new Set<Cell>();
    // The cheapest cells that let each target move by the protection width, one LP per target; a target
    // the LP cannot help (a week of a monthly series, or a whole-number gap) falls back to its neighbours.
    const rest: Array<Cell | ImplicitCell> = [];
    stop = startPhase(breakdown.complements);
    for (const {below, above} of allOfGroup) {
      const found = rounds <= LP_ROUNDS ? finder.groupComplements(above, below) : null;
      if (!found?.length) rest.push(above);
      else
        for (const cell of found) {
          hide(cell);
          hiddenNow.add(cell);
        }
    }
    for (const target of unsafe) {
      // An earlier release's cell is protected from this release's side, below.
      const found =
        rounds > LP_ROUNDS || earlierVars.has(target)
          ? null
          : "id" in target
            ? finder.complements(target, threshold)
            : finder.implicitComplements(target, rangeOf.get(target)!, threshold);
      if (!found?.length) rest.push(target);
      else
        for (const cell of found) {
          hide(cell);
          hiddenNow.add(cell);
        }
    }
    stop();
    for (const unsafeTarget of rest) {
      const open = (c: Cell) => !hidden.has(c) && c.value !== null && c.value > 0 && !earlier?.cannotHide(c, threshold);
      // An earlier release's cell is protected from the new release's side: its counterpart (the same
      // cell now) first, then what lies around that.
      const counterpart = earlierVars.has(unsafeTarget) ? earlier!.counterpart(unsafeTarget) : unsafeTarget;
      // No such cell now: the same measure's cells give way.
      const target = counterpart ?? unsafeTarget;
      if (target !== unsafeTarget && "id" in target) {
        if (hiddenNow.has(target)) continue;
        if (open(target)) {
          hide(target);
          hiddenNow.add(target);
          continue;
        }
      }
      const around = counterpart ? near(target) : [];
      // A cell hidden this round beside the target may protect it already: look again next round
      // rather than hide more than needed.
      if (around.some((c) => hiddenNow.has(c))) continue;
      let candidates = around.filter((c) => open(c) && costOf(c) < Infinity);
      // Nothing near is left (a tiny export): the target's measure gives way, then any count, and
      // the headline figures last.
      if (!candidates.length) {
        const cells = earlierVars.has(target) ? earlier!.model.cells : model.cells;
        const measure = "id" in target ? target.measure : cells.find((c) => c.group === target.group)!.measure;
        candidates = model.cells.filter((c) => open(c) && c.measure === measure);
        if (!candidates.length) candidates = model.cells.filter(open);
      }
      if (!candidates.length) continue;
      // Within a tier, smaller counts first: they carry less of the figure.
      const price = (c: Cell) => (costOf(c) === Infinity ? 1e12 : costOf(c) * 1e6) + c.value!;
      const best = candidates.reduce((best, c) =>
        price(c) < price(best) || (price(c) === price(best) && c.id < best.id) ? c : best
      );
      hide(best);
      hiddenNow.add(best);
    }
    // The round returned above if nothing was unsafe, so unsafe or allOfGroup has a first entry.
    if (hidden.size === before)
      throw new Error(
        `cannot protect ${unsafe[0] && earlierVars.has(unsafe[0]) ? earlier!.where(unsafe[0]) : describeTarget(model, unsafe[0] ?? allOfGroup[0]!.below)}: nothing left to suppress near it`
      );
  }
}

/** The complementary-cell LPs' state: shared by protect and its worker thread (complementWorker.ts). */
export interface Complementing {
  hidden: Set<Cell>;
  finder: ComplementFinder;
  /** Hides a cell and the group attributes that must be hidden with it. */
  hide: (cell: Cell) => void;
  baseCost: (cell: Cell) => number;
  /** Cells hidden from the start: below the threshold, and their group attributes. */
  primary: number;
}

/** The primary cells hidden, and a ComplementFinder that knows them. */
export function complementing(
  model: Model,
  linear: LinearSystem,
  threshold: number,
  cannotHide?: (cell: Cell) => boolean
): Complementing {
  const hidden = new Set<Cell>();
  // A cell and the group attributes that must be hidden with it: a part of its people that is 0 or all.
  const bundle = bundler(model, threshold);
  const baseCost = costs(model);
  // A hidden count is at least 1 (hiddenLower) unless it is a part of a hidden people count: a 0 of any
  // other count, once hidden, would be a cell below its own lower bound, so the system would contradict
  // itself (with a ledger release, whose cells tie the daily series, it did: "contradict each other").
  // Nor is a cell that, hidden, could never be protected against the ledger's release (ledger.ts, cannotHide).
  const complementCost = (cell: Cell) =>
    (cell.value !== null && cell.value < hiddenLower(cell)) || cannotHide?.(cell) ? Infinity : baseCost(cell);
  const finder = new ComplementFinder(model, linear, complementCost, (cell) => hidden.has(cell), hiddenLower);
  const hide = (cell: Cell) => {
    for (const c of bundle(cell)) {
      hidden.add(c);
      finder.hide(c);
    }
  };
  for (const cell of model.cells) if (isSmall(cell, threshold)) hide(cell);
  return {hidden, finder, hide, baseCost, primary: hidden.size};
}

/**
 * The first complementary cells: for each small cell of *targets* in turn, the cells its LP moves are
 * hidden, unless an earlier LP's optimum moves it by the threshold already.
 */
export function firstComplements(
  {finder, hide}: Pick<Complementing, "finder" | "hide">,
  targets: Cell[],
  threshold: number
): void {
  for (const cell of targets) {
    if (finder.movesAlready(cell, threshold)) continue;
    for (const found of finder.complements(cell, threshold) ?? []) hide(found);
  }
}

/** Whether a district's crisis cell lies wholly in the baseline weeks (the crisis page needs all of them). */
function inBaseline(model: Model, cell: Cell): boolean {
  const row = tableRow(model.system, cell.table, cell.row);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return String(row.period_start) >= day(BASELINE.start) && String(row.period_end) <= day(BASELINE.end);
}

/**
 * Published cells whose hiding can widen a target's range: the cells that hold the target's atoms, the
 * cells inside those (the other age groups of a district, the other districts of a week), the same
 * table's cells that differ from it in one key, and the counts of its row that bound it.
 */
function neighbours(model: Model): (target: Cell | ImplicitCell) => Cell[] {
  const byAtom = new Map<string, Cell[][]>();
  for (const measure of model.measures.values()) {
    for (const group of measure.groups) {
      const lists: Cell[][] = Array.from({length: group.size}, () => []);
      // A cell's atoms are indexes below its group's size.
      for (const cell of group.cells) for (const atom of cell.atoms) lists[atom]!.push(cell);
      byAtom.set(group.id, lists);
    }
  }
  const rowPartners = new Map<Cell, Cell[]>();
  for (const {below, above} of model.rowBounds) {
    rowPartners.set(below, [...(rowPartners.get(below) ?? []), above]);
    rowPartners.set(above, [...(rowPartners.get(above) ?? []), below]);
  }
  return (target) => {
    // A hidden headline figure (a tiny export) gives way to its measure's cells.
    if (target.group === null) return model.measures.get((target as Cell).measure)!.groups.flatMap((g) => g.cells);
    const group = target.group;
    const atoms = target.atoms;
    const lists = byAtom.get(group)!;
    const found = new Set<Cell>();
    // Every target covers at least one atom of its group.
    for (const holder of lists[atoms[0]!]!) {
      if (holder === target || !atoms.every((a) => holder.atoms.includes(a))) continue;
      found.add(holder);
      const inside = new Set(holder.atoms);
      for (const atom of holder.atoms)
        for (const cell of lists[atom]!) if (cell.atoms.every((a) => inside.has(a))) found.add(cell);
    }
    // A sibling that shares no sum with the target cannot widen its range; only a cell that no other
    // cell holds (a day, tied to the others by the total alone) needs its siblings.
    if ("id" in target && !found.size) for (const cell of siblings(model, target)) found.add(cell);
    // The parts of the people counted are tied to the people cell by cell: their cells open a way too.
    for (const cell of ["id" in target ? [target] : [], [...found]].flat())
      for (const partner of rowPartners.get(cell) ?? []) found.add(partner);
    found.delete(target as Cell);
    return [...found];
  };
}

/**
 * What hiding a cell costs the report, per unit an attacker's table may move it (the LP's cost). Headline
 * figures are never hidden to protect another cell; the national weekly crisis series, the district
 * totals of people and the district crisis totals of the baseline weeks (the crisis page's baseline,
 * ratio and excess) nearly never; the other district crisis totals and the national breakdowns come
 * next; the district breakdowns, the services and the parts of the people counted give way first.
 */
function costs(model: Model): (cell: Cell) => number {
  return (cell) => {
    if (cell.table === HEADLINE_TABLE) return Infinity;
    const people = cell.column === "people";
    switch (cell.table) {
      case "crisis_national_weekly":
        return 1e4;
      case "people_by_district":
        return people ? 1e4 : 100;
      // A county gives way before a district total (issue 12 keeps every district total of the sample
      // published): where a district ∩ county sliver is small, hiding two counties (2 × 3e3) costs less
      // than a district total and one of its age cells.
      case "people_by_county":
        return people ? 3e3 : 100;
      case "crisis_by_district_period": {
        if (tableRow(model.system, cell.table, cell.row).service !== ALL_SERVICES) return 1;
        return inBaseline(model, cell) ? 1e4 : 300;
      }
      case "people_by_age":
      case "people_by_sex":
      case "people_by_wave":
        return people ? 1e3 : 100;
      case "people_by_district_age":
        return people ? 2 : 1;
      default:
        return 1;
    }
  };
}

function describeTarget(model: Model, target: Cell | ImplicitCell): string {
  return "id" in target ? describeCell(model, target) : `${target.group} atom ${target.atom}`;
}

/** The system with hidden cells set to NULL. */
function hideCells(model: Model, hidden: Set<Cell>): PublishedSystem {
  const tables = Object.fromEntries(
    Object.entries(model.system.tables).map(([name, rows]) => [name, rows.map((row) => ({...row}))])
  );
  const headline = {...model.system.headline};
  for (const cell of hidden) {
    if (cell.table === PRIVATE_SLIVERS) continue;
    if (cell.table === HEADLINE_TABLE) headline[cell.column as keyof typeof headline] = null;
    else tableRow({tables, headline}, cell.table, cell.row)[cell.column] = null;
  }
  delete tables[PRIVATE_SLIVERS]; // hidden from the start, and never written
  return {tables, headline};
}
