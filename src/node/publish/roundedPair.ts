// The ledger check of a pair of releases of which at least one is rounded (issue 12, "successive releases"):
// the new release checked together with the ledger's newest release in one system, from the published rows
// of both, tied atom by atom by what the export says changed (ledger.ts, `people_change`). Rounding alone
// does not keep differencing from narrowing a count: a district × age cell published exactly as 10 before
// and rounded to 10 now, with people only removed since, is now 8 to 10 (three values, not five); and the
// other way round, a rounded 10 before and an exact 9 now make the earlier count 9 to 12 (four values).
// (Two suppressed releases are checked by the engine itself, protect.ts and rangeAudit.ts with a link.)
//
// What is checked, each release by the promise it was published with: every count of a rounded release
// (published, redacted, implied) by the policy's rules (interval, smallGroup); every hidden or implied count
// of an exact release by its threshold (at least that wide and not inside 1..threshold − 1). A count of the
// new release that the earlier release told already and that nothing in the new one can hide (contacts of
// a week closed in both) told nothing new.
import {designatedTotals, RoundingAuditError} from "./rounding.js";
import {ledgered, type EarlierRelease, type Ledgered, type PeopleChange} from "./ledger.js";
import {buildModel, describeCell, type Cell, type Model} from "./model.js";
import {
  describeImplicit,
  hiddenLower,
  linearSystem,
  zeroEverywhere,
  type ImplicitCell,
  type LinearSystem,
  type Row
} from "./linearSystem.js";
import {InfeasibleSystemError, RangeEngine, type Range} from "./ranges.js";
import {
  componentOf,
  reduced,
  roundedState,
  roundedTargets,
  settle,
  type RoundedFailure,
  type Target
} from "./roundedRanges.js";
import type {Policy} from "./rounding.js";
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

/** How the new release was published: rounded (the default), or exact with the threshold it was suppressed to. */
export interface PairPolicy {
  policy: Policy;
  threshold: number;
}
const ROUNDED: PairPolicy = {policy: "round5", threshold: DEFAULT_THRESHOLD};

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
  {change, periodEnd}: PairChange,
  current: PairPolicy = ROUNDED
): PairReport {
  if (current.policy !== "round5" && earlier.policy !== "round5")
    throw new Error("auditRoundedPair: neither release is rounded (the suppression engine checks that pair)");
  // A county table withheld from this release (withhold.ts) leaves its atoms split by county all the same
  // when the earlier release publishes one: the two releases' atoms must be the same pieces (ledger.ts).
  const counties = [system, earlier.system].some((s) => (s.tables.people_by_county ?? []).length > 0);
  const model = buildModel(system, {counties});
  const linear = linearSystem(model);
  const pair = ledgered({model, linear, periodEnd}, earlier, change);
  const roundedNow = current.policy === "round5";
  const designated = roundedNow ? designatedOf(model) : new Map<Cell, Cell[]>();
  const rounded = earlier.policy === "round5";
  const earlierDesignated = rounded ? designatedOf(pair.model) : new Map<Cell, Cell[]>();
  const earlierCell = (id: number) => pair.model.cells[id - pair.offset.cells]!;
  const isDesignated = (id: number) =>
    id < pair.offset.cells ? designated.has(model.cells[id]!) : earlierDesignated.has(earlierCell(id));
  const combined = reduced(pair.combined, isDesignated);
  const exactState = (cell: Cell) =>
    cell.value === null ? {hiddenAtLeast: hiddenLower(cell)} : {published: cell.value};
  const engine = new RangeEngine(combined, (id) => {
    if (id < pair.offset.cells) {
      const cell = model.cells[id]!;
      return roundedNow ? roundedState(model, cell, designated) : exactState(cell);
    }
    const cell = earlierCell(id);
    return rounded ? roundedState(pair.model, cell, earlierDesignated) : exactState(cell);
  });
  const here = (text: string) => `this release, ${text}, differenced with ledger release ${earlier.name}`;
  const there = (text: string) => `ledger release ${earlier.name}, ${text}, differenced with this release`;
  // A count of the new release pinned to the value the earlier one published for it: told before.
  const now = roundedNow
    ? roundedTargets(model, linear, designated, {where: here}).map((target) => toldBefore(target, pair))
    : exactTargets({model, linear, shift: 0, where: here}, current.threshold, pair);
  const before = rounded
    ? roundedTargets(pair.model, pair.linear, earlierDesignated, {shift: pair.offset.vars, where: there})
    : exactTargets(
        {model: pair.model, linear: pair.linear, shift: pair.offset.vars, where: there},
        earlier.threshold ?? DEFAULT_THRESHOLD
      );
  try {
    // A count in a part of the system that no link between the releases reaches has the range its own
    // release gives it: this release's own audit checked it (auditRounded or rangeAudit, same rule), and
    // the earlier release's when it was published. Only the parts the links join need solving again (all
    // of them under people_change "any", whose releases no row ties: the sample rebuilt, issue 12).
    const links = new Set(pair.combined.rows.slice(linear.rows.length + pair.linear.rows.length));
    const tied = tiedBy(combined, links);
    const [failure] = settle(
      engine,
      combined,
      [...now, ...before].filter((target) => tied(target.vars)),
      1
    );
    if (failure) throw failed(failure, earlier, current);
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
 * The pair's failure, with what to do. A rounded new release: when it is the last word (withhold.ts tries
 * withholding first); after an exact earlier release the suppression engine, which ties itself to it,
 * hides what rounding cannot. An exact new release after a rounded one: the engine cannot tie itself to
 * rounded counts, but a rounded release is checked against them (and withholds breakdowns where it must).
 */
function failed(
  {rule, where, range, promise}: RoundedFailure,
  earlier: EarlierRelease,
  current: PairPolicy
): RoundingAuditError {
  const shown = `${range.min}..${range.max === Infinity ? "unbounded" : range.max}`;
  const found = `from both releases together a reader can prove it lies in ${shown}`;
  if (current.policy !== "round5")
    return new RoundingAuditError(
      rule,
      where,
      `${found}; publish this export with --policy round5 instead (it is then checked against the rounded release, and withholds breakdowns where the two would narrow a count), or hold it back until more has changed since that release`,
      range,
      promise
    );
  const remedy =
    earlier.policy === "suppress"
      ? "publish this export with --policy suppress instead: that engine checks it against the same release and hides more where the two narrow a count"
      : "hold this export back until more has changed since that release";
  return new RoundingAuditError(
    rule,
    where,
    `${found}; if withholding breakdowns does not prevent it, ${remedy}`,
    range,
    promise
  );
}

/**
 * Whether any of some variables lies in a part of *system* (variables joined by a row or a cell) that holds
 * one of the *links* rows.
 */
function tiedBy(
  system: Pick<LinearSystem, "numVars" | "rows" | "cellVars">,
  links: ReadonlySet<Row>
): (vars: number[]) => boolean {
  const root = componentOf(system);
  const roots = new Set<number>();
  for (const row of system.rows) if (links.has(row)) for (const v of row.vars) roots.add(root(v));
  return (vars) => vars.some((v) => roots.has(root(v)));
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

/** One exact release of the pair: its model and system, where its variables start, and how to say where. */
interface ExactSide {
  model: Model;
  linear: LinearSystem;
  shift: number;
  where: (text: string) => string;
}

/**
 * The hidden and implied counts of an exact release (either of the pair), each judged by the promise it was
 * published with: a range at least *threshold* wide, not inside 1..threshold − 1 (a hidden part of the people
 * provably 0 where its whole measure is, and an implied week provably 0, excepted, as in the suppression
 * audit). A count of the new release that the earlier one told already (*pair*) keeps what it was told.
 */
function exactTargets(side: ExactSide, threshold: number, pair?: Ledgered): Target[] {
  const {model, linear, shift} = side;
  const moved = (vars: number[]) => (shift ? vars.map((v) => v + shift) : vars);
  return [
    ...model.cells
      .filter((cell) => cell.value === null)
      .map((cell) => exactTarget(side, cell, moved(linear.cellVars[cell.id]!), threshold, pair)),
    ...linear.implicit.map((cell) => exactTarget(side, cell, moved(cell.vars), threshold, pair))
  ];
}

function exactTarget(
  {model, linear, shift, where}: ExactSide,
  cell: Cell | ImplicitCell,
  vars: number[],
  threshold: number,
  pair?: Ledgered
): Target {
  const implicit = !("id" in cell);
  const moved = (v: number[]) => (shift ? v.map((x) => x + shift) : v);
  return {
    where: () => where(implicit ? describeImplicit(model, cell) : describeCell(model, cell)),
    cell: implicit ? null : cell,
    vars,
    safeSeen: (seen) => seen.max - seen.min >= threshold,
    judge: (engine) => {
      const {passes, range} = engine.check(vars, threshold, implicit);
      if (passes || !range) return null;
      if (!implicit && pair?.toldBefore(cell)) return null;
      const zero = !implicit && range.max === 0 && zeroEverywhere(model, linear, cell, (v) => engine.range(moved(v)));
      return zero ? null : {rule: exactRule(range, threshold), range, promise: exactPromise(threshold)};
    }
  };
}

/** What a hidden count of a release published exactly was promised, in the words of an audit failure. */
const exactPromise = (threshold: number) =>
  `a hidden count of a release published exactly with threshold ${threshold} keeps a provable range at least ${threshold} wide, not inside 1 to ${threshold - 1}`;

/** The round5 rule that names what went wrong with an exact release's hidden count. */
const exactRule = ({min, max}: Range, threshold: number): RoundedFailure["rule"] =>
  min >= 1 && max <= threshold - 1 ? "smallGroup" : "interval";
