// The solver's audit: rebuilt from the published rows alone, every hidden cell's provable range (and
// that of every cell no table publishes on its own, such as the weeks of a monthly series) must be at
// least threshold wide and not fit inside 1..threshold−1. Fails naming table, cell, range and rule.
import type {LedgerLink} from "./protect.js";
import {buildModel, describeCell, type Cell, type Model} from "./model.js";
import {
  describeImplicit,
  hiddenLower,
  linearSystem,
  varsOfCell,
  zeroEverywhere,
  type LinearSystem
} from "./linearSystem.js";
import {InfeasibleSystemError, RangeEngine, type Range, type Witnesses} from "./ranges.js";
import type {PublishedSystem} from "./system.js";
import {RANGE_RULES, type RangeRule} from "./rules.js";

export {RANGE_RULES, type RangeRule};

export class RangeAuditError extends Error {
  constructor(
    readonly rule: RangeRule,
    readonly where: string,
    readonly range: Range | null,
    readonly detail: string
  ) {
    super(`audit failed: ${where}: rule ${rule} (${RANGE_RULES[rule]}): ${detail}`);
  }
}

export interface RangeAuditReport {
  threshold: number;
  /** Hidden cells checked, published tables and headline together, and cells implied by coarser ones. */
  hidden: number;
  implicit: number;
  solves: number;
  /** With a ledger: the earlier release checked together with this one, and its hidden and implied cells. */
  ledger?: {release: string; cells: number};
}

/**
 * *hints*: whole-number solutions from the publisher. The audit trusts none of them: each is checked
 * against the system it rebuilt from the published rows (integers, at least 0, every row) and only
 * those that hold serve as witnesses. They save solves, never decide a cell on their own say-so.
 * With *ledger*, the release is checked together with the newest earlier one: both releases' hidden
 * cells must keep their ranges when a reader differences the two (ledger.ts says what ties them).
 */
export function rangeAudit(
  system: PublishedSystem,
  threshold: number,
  hints: Witnesses[] = [],
  ledger?: LedgerLink
): RangeAuditReport {
  const model = buildModel(system);
  const linear = linearSystem(model);
  const earlier = ledger?.({model, linear});
  const hidden = model.cells.filter((cell) => cell.value === null);
  const cellAt = (id: number) =>
    earlier && id >= earlier.offset.cells ? earlier.model.cells[id - earlier.offset.cells] : model.cells[id];
  const engine = new RangeEngine(earlier ? earlier.combined : linear, (id) => {
    const cell = cellAt(id);
    if (!cell) throw new Error(`missing cell ${id} of the model`);
    return cell.value === null ? {hiddenAtLeast: hiddenLower(cell)} : {published: cell.value};
  });
  const here = (where: string) => (earlier ? `this release, ${where}` : where);
  for (const {below, above} of model.rowBounds) {
    if (above.value !== null || below.value === null) continue;
    if (below.value === 0)
      throw new RangeAuditError(
        "groupAttributes",
        describeCell(model, below),
        null,
        "a published 0 says none of a hidden group"
      );
  }
  try {
    engine.addHints(hints);
    engine.explore();
    const fail = (where: string, range: Range) => {
      const shown = `${range.min}..${range.max === Infinity ? "unbounded" : range.max}`;
      throw new RangeAuditError(
        "protection",
        where,
        range,
        `a reader can prove it lies in ${shown}, which is ${range.max - range.min} wide`
      );
    };
    for (const cell of hidden) {
      const vars = varsOfCell(linear, cell);
      const {passes, range} = engine.check(vars, threshold);
      const zero = !passes && range!.max === 0;
      if (!passes && earlier?.toldBefore(cell)) continue;
      if (!passes && !(zero && zeroEverywhere(model, linear, cell, (v) => engine.range(v))))
        fail(here(describeCell(model, cell)), range!);
    }
    // A part that equals the people counted everywhere (every record published) says nothing of a
    // small group: such groups are settled once, before any pair of cells costs a solve.
    const everywhere = new Map<string | null, boolean>();
    for (const {below, above} of hiddenGroups(model)) {
      if (!everywhere.has(below.group)) everywhere.set(below.group, allEverywhere(model, linear, below, engine));
      if (everywhere.get(below.group)) continue;
      const range = engine.difference(varsOfCell(linear, above), varsOfCell(linear, below));
      if (range.max <= 0)
        throw new RangeAuditError(
          "groupAttributes",
          describeCell(model, below),
          range,
          `a reader can prove that all of the hidden group in ${above.column} are counted in it`
        );
    }
    for (const cell of linear.implicit) {
      const {passes, range} = engine.check(cell.vars, threshold, true);
      if (!passes) fail(here(describeImplicit(model, cell)), range!);
    }
    for (const {cell, vars} of earlier?.targets ?? []) {
      const {passes, range} = engine.check(vars, earlier!.threshold ?? threshold, !("id" in cell));
      const shift = (v: number[]) => v.map((x) => x + earlier!.offset.vars);
      const zero = (c: typeof cell) =>
        "id" in c &&
        range!.max === 0 &&
        zeroEverywhere(earlier!.model, earlier!.linear, c, (v) => engine.range(shift(v)));
      if (!passes && !zero(cell)) fail(`${earlier!.where(cell)}, differenced with this release`, range!);
    }
    const earlierHidden = earlier?.targets.length ?? 0;
    return {
      threshold,
      hidden: hidden.length,
      implicit: linear.implicit.length,
      solves: engine.solves + engine.localSolves,
      ...(earlier ? {ledger: {release: earlier.name, cells: earlierHidden}} : {})
    };
  } catch (error) {
    if (error instanceof InfeasibleSystemError) {
      if (earlier)
        throw new RangeAuditError(
          "consistent",
          `this release and ledger release ${earlier.name}`,
          null,
          `${error.message} under what the export says changed between them (people_change in its manifest.json, closed weeks of crisis contacts the same): check that field, or move that release out of the ledger if it is not the one before this export`
        );
      throw new RangeAuditError("consistent", "the whole release", null, `${error.message}: a bug in the publisher`);
    }
    throw error;
  } finally {
    engine.dispose();
  }
}

/** Pairs of a hidden people count and a hidden part of it in the same row. */
export function hiddenGroups(
  model: Model,
  hidden: (cell: Cell) => boolean = (cell) => cell.value === null
): Model["rowBounds"] {
  return model.rowBounds.filter(({below, above}) => hidden(below) && hidden(above));
}

/**
 * Whether a hidden part equals its hidden count only because the whole measure provably does (every
 * affected person's records were published): that says nothing of the small group that the national
 * figures do not say of everyone.
 */
export function allEverywhere(
  model: Model,
  linear: LinearSystem,
  below: Cell,
  engine: Pick<RangeEngine, "difference">
): boolean {
  const above = model.rowBounds.find((bound) => bound.below === below)!.above;
  const varsOf = (group: string | null) => [
    ...new Set(model.cells.filter((c) => c.group === group).flatMap((c) => varsOfCell(linear, c)))
  ];
  return engine.difference(varsOf(above.group), varsOf(below.group)).max <= 0;
}
