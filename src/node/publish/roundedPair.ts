// The rounding policy's ledger check (issue 12, "successive releases"): a rounded release checked together
// with the ledger's newest release (exact, suppressed or rounded) in one system, from the published rows
// of both, tied atom by atom by what the export says changed (ledger.ts, `people_change`). Rounding alone
// does not keep differencing from narrowing a count: a district × age cell published exactly as 10 before
// and rounded to 10 now, with people only removed since, is now 8 to 10 (three values, not five).
//
// What is checked: every count of the new release (published, redacted, implied) by the policy's rules
// (interval, smallGroup); every count of an earlier rounded release by the same rules; every hidden or
// implied count of an earlier exact release by the promise it was published with (its threshold: at least
// that wide and not inside 1..threshold − 1). A count of the new release that the earlier release published
// exactly and that nothing in the new one can hide (contacts of a week closed in both) told nothing new.
import {designatedTotals, RoundingAuditError} from "./rounding.js";
import {ledgered, type EarlierRelease, type Ledgered, type PeopleChange} from "./ledger.js";
import {buildModel, type Cell, type Model} from "./model.js";
import {hiddenLower, linearSystem, zeroEverywhere, type ImplicitCell} from "./linearSystem.js";
import {InfeasibleSystemError, RangeEngine, type Range} from "./ranges.js";
import {reduced, roundedState, roundedTargets, settle, type RoundedFailure, type Target} from "./roundedRanges.js";
import type {PublishedSystem} from "./system.js";

export interface PairReport {
  /** The earlier release checked together with this one, and how many of its counts were checked. */
  release: string;
  cells: number;
  solves: number;
}

/** What the new export says of the earlier release: how its people changed, and where its period ends. */
export interface PairChange {
  change: PeopleChange;
  periodEnd: string | null;
}

/** The threshold of an earlier exact release that does not state one: the default then and now. */
const DEFAULT_THRESHOLD = 5;

const designatedOf = (model: Model) =>
  new Map(designatedTotals(model).map(({whole, parts}) => [whole, parts] as [Cell, Cell[]]));

/**
 * The pair's check: throws RoundingAuditError naming the release, table, cell, range and rule of the first
 * count that breaks its promise, or ("consistent") when the two releases cannot both be true under what
 * the export says changed.
 */
export function auditRoundedPair(
  system: PublishedSystem,
  earlier: EarlierRelease,
  {change, periodEnd}: PairChange
): PairReport {
  // A county table withheld from this release (withhold.ts) leaves its atoms split by county all the same
  // when the earlier release publishes one: the two releases' atoms must be the same pieces (ledger.ts).
  const counties = [system, earlier.system].some((s) => (s.tables.people_by_county ?? []).length > 0);
  const model = buildModel(system, {counties});
  const linear = linearSystem(model);
  const pair = ledgered({model, linear, periodEnd}, earlier, change);
  const designated = designatedOf(model);
  const rounded = earlier.policy === "round5";
  const earlierDesignated = rounded ? designatedOf(pair.model) : new Map<Cell, Cell[]>();
  const earlierCell = (id: number) => pair.model.cells[id - pair.offset.cells]!;
  const isDesignated = (id: number) =>
    id < pair.offset.cells ? designated.has(model.cells[id]!) : earlierDesignated.has(earlierCell(id));
  const combined = reduced(pair.combined, isDesignated);
  const engine = new RangeEngine(combined, (id) => {
    if (id < pair.offset.cells) return roundedState(model, model.cells[id]!, designated);
    const cell = earlierCell(id);
    if (rounded) return roundedState(pair.model, cell, earlierDesignated);
    return cell.value === null ? {hiddenAtLeast: hiddenLower(cell)} : {published: cell.value};
  });
  const here = (text: string) => `this release, ${text}, differenced with ledger release ${earlier.name}`;
  const there = (text: string) => `ledger release ${earlier.name}, ${text}, differenced with this release`;
  // A count of the new release pinned to the value the earlier one published for it: told before.
  const current = roundedTargets(model, linear, designated, {where: here}).map((target) => toldBefore(target, pair));
  const before = rounded
    ? roundedTargets(pair.model, pair.linear, earlierDesignated, {shift: pair.offset.vars, where: there})
    : pair.targets.map(({cell, vars}) => exactTarget(cell, vars, earlier.threshold ?? DEFAULT_THRESHOLD, pair));
  try {
    const [failure] = settle(engine, combined, [...current, ...before], 1);
    if (failure) throw failed(failure, earlier);
    return {release: earlier.name, cells: before.length, solves: engine.solves};
  } catch (error) {
    if (error instanceof InfeasibleSystemError)
      throw new RoundingAuditError(
        "consistent",
        `this release and ledger release ${earlier.name}`,
        `no true counts fit both releases under what the export says changed between them (people ${change === "any" ? "changed anyhow" : change}, as people_change in its manifest.json says; crisis contacts of closed weeks the same): correct that field, or move that release out of the ledger if it is not the release before this export`
      );
    throw error;
  } finally {
    engine.dispose();
  }
}

/**
 * The pair's failure, with what to do when it is the last word (withhold.ts tries withholding first). An
 * exact earlier release: the suppression engine, which ties itself to it, hides what rounding cannot.
 */
function failed({rule, where, range}: RoundedFailure, earlier: EarlierRelease): RoundingAuditError {
  const shown = `${range.min}..${range.max === Infinity ? "unbounded" : range.max}`;
  const remedy =
    earlier.policy === "suppress"
      ? "publish this export with --policy suppress instead: that engine checks it against the same release and hides more where the two narrow a count"
      : "hold this export back until more has changed since that release";
  return new RoundingAuditError(
    rule,
    where,
    `from both releases together a reader can prove it lies in ${shown}; if withholding breakdowns does not prevent it, ${remedy}`,
    range
  );
}

/** *target*, passed when its cell's value was told by the earlier release already (ledger.ts, toldBefore). */
function toldBefore(target: Target, pair: Ledgered): Target {
  const {cell} = target;
  if (!cell) return target;
  return {
    ...target,
    judge: (engine) => {
      const verdict = target.judge(engine);
      return verdict && verdict.range.min === verdict.range.max && pair.toldBefore(cell) ? null : verdict;
    }
  };
}

/**
 * A hidden or implied count of an earlier exact release, judged by the promise it was published with: a
 * range at least *threshold* wide, not inside 1..threshold − 1 (a hidden part of the people provably 0
 * where its whole measure is, and an implied week provably 0, excepted, as in the suppression audit).
 */
function exactTarget(cell: Cell | ImplicitCell, vars: number[], threshold: number, pair: Ledgered): Target {
  const implicit = !("id" in cell);
  const shift = (v: number[]) => v.map((x) => x + pair.offset.vars);
  return {
    where: () => `${pair.where(cell)}, differenced with this release`,
    cell: implicit ? null : cell,
    vars,
    safeSeen: (seen) => seen.max - seen.min >= threshold,
    judge: (engine) => {
      const {passes, range} = engine.check(vars, threshold, implicit);
      if (passes || !range) return null;
      const zero =
        !implicit && range.max === 0 && zeroEverywhere(pair.model, pair.linear, cell, (v) => engine.range(shift(v)));
      return zero ? null : {rule: exactRule(range, threshold), range};
    }
  };
}

/** The round5 rule that names what went wrong with an exact release's hidden count. */
const exactRule = ({min, max}: Range, threshold: number): RoundedFailure["rule"] =>
  min >= 1 && max <= threshold - 1 ? "smallGroup" : "interval";
