// The rounding policy (issue 12, VUOTO_POLICY=round5 or --policy round5): the OpenSAFELY practice
// instead of the suppression engine. Every published count of people, records or contacts that is 7 or
// less (0 included) is redacted; every other is rounded to the nearest multiple of 5; and a total is
// published as the sum of its rounded parts (a redacted part adds 0), redacted in turn when that sum is
// 7 or less. A reader then never sees an exact count, so differencing two tables or two releases pins
// nothing exactly; what a reader can still do is bound a count to its rounding interval (v − 2 … v + 2).
//
// Which parts a total is the sum of: of all the ways the published cells tile it (model.ts, tilings),
// the finest, so that national and district totals are sums of the district × age cells, a district's
// crisis total over all services the sum of its services. The breakdowns that do not tile the total
// that way (people by sex, by wave) are rounded on their own and need not add up to it. The choice
// depends only on the tables' shape, never on a count, so the audit, rebuilding the model from the
// published rows alone, finds the same totals and checks them.
import {
  HEADLINE_TABLE,
  PRIVATE_SLIVERS,
  buildModel,
  describeCell,
  type Cell,
  type Model,
  type Tiling
} from "./model.js";
import {HEADLINE_COUNTS, cellKey, countTables, type PublishedSystem} from "./system.js";
import {ROUND5, ROUND5_RULES, type Round5Rule} from "./rules.js";
import {InfeasibleSystemError, type Range} from "./ranges.js";
import {roundedRanges} from "./roundedRanges.js";

export const POLICIES = ["suppress", "round5"] as const;
export type Policy = (typeof POLICIES)[number];

/** What headline.json and the audit report say about a rounded release (the attacker reads `base`). */
export const ROUND5_DESCRIPTION = {
  policy: "round5",
  base: ROUND5.base,
  redact_at_most: ROUND5.redactAtMost,
  totals: "sums of the rounded parts"
} as const;

export {ROUND5, ROUND5_RULES, type Round5Rule};

export class RoundingAuditError extends Error {
  constructor(
    readonly rule: Round5Rule,
    readonly where: string,
    detail: string,
    /** The provable range that breaks the rule, for the solver's rules. */
    readonly range: Range | null = null,
    /** What the rule promised, when not round5's (a count of an exact release in a pair: roundedPair.ts). */
    promise: string = ROUND5_RULES[rule]
  ) {
    super(`audit failed: ${where}: rule ${rule} (${promise}): ${detail}`);
  }
}

/** One count under the policy: null (redacted) at 7 or less, else the nearest multiple of 5. */
export function roundCount(value: number): number | null {
  if (value <= ROUND5.redactAtMost) return null;
  return Math.round(value / ROUND5.base) * ROUND5.base;
}

/** A total from its published parts: their sum, a redacted part counting 0, redacted at 7 or less. */
function sumOfParts(parts: Array<number | null>): number | null {
  const sum = parts.reduce<number>((total, part) => total + (part ?? 0), 0);
  return sum <= ROUND5.redactAtMost ? null : sum;
}

/**
 * Per total, the finest tiling of it, in an order where a total comes after every total among its
 * parts (fewer atoms first; a headline figure, which holds all atoms, last).
 */
export function designatedTotals(model: Model): Tiling[] {
  const finest = new Map<Cell, Tiling>();
  for (const tiling of model.tilings) {
    const chosen = finest.get(tiling.whole);
    if (!chosen || tiling.parts.length > chosen.parts.length) finest.set(tiling.whole, tiling);
  }
  const size = (cell: Cell) => (cell.group === null ? Infinity : cell.atoms.length);
  return [...finest.values()].sort((a, b) => size(a.whole) - size(b.whole) || a.whole.id - b.whole.id);
}

/** The release under the policy, from the true counts. */
export function roundSystem(truth: PublishedSystem): {published: PublishedSystem; redacted: number} {
  // The small district ∩ county pieces are the engine's (hidden from the start, never written): rounding
  // needs none, and a county must not be tiled by them (a redacted piece would add 0 to its total).
  const {[PRIVATE_SLIVERS]: _pieces, ...published} = truth.tables;
  const system = {tables: published, headline: truth.headline};
  const model = buildModel(system);
  const value = new Map<Cell, number | null>();
  for (const cell of model.cells) value.set(cell, cell.value === null ? null : roundCount(cell.value));
  for (const {whole, parts} of designatedTotals(model))
    value.set(whole, sumOfParts(parts.map((part) => value.get(part) ?? null)));
  const tables = Object.fromEntries(
    Object.entries(system.tables).map(([name, rows]) => [name, rows.map((row) => ({...row}))])
  );
  const headline = {...system.headline};
  for (const [cell, rounded] of value) {
    if (cell.table === HEADLINE_TABLE) headline[cell.column as keyof typeof headline] = rounded;
    else tables[cell.table]![cell.row]![cell.column] = rounded;
  }
  // Any count the model does not hold (none today) is rounded on its own, so none goes out exact.
  for (const spec of countTables)
    for (const row of tables[spec.name] ?? [])
      for (const column of spec.counts) {
        const count = row[column];
        if (typeof count === "number" && count % ROUND5.base !== 0) row[column] = roundCount(count);
      }
  const redacted = [...value.values()].filter((v) => v === null).length;
  return {published: {tables, headline}, redacted};
}

/**
 * The policy's audit, from the published rows alone: no count of 7 or less, every count a multiple of
 * 5, every designated total the sum of its parts; then the solver (roundedRanges.ts): no count narrower
 * than its rounding, none shown to be 1 to 7. Throws RoundingAuditError naming table, cell, rule and,
 * for the solver's rules, the provable range.
 */
export function auditRounded(system: PublishedSystem): {
  cells: number;
  redacted: number;
  totals: number;
  implicit: number;
  solves: number;
} {
  let cells = 0;
  let redacted = 0;
  const check = (where: () => string, count: unknown) => {
    cells++;
    if (count === null) return void redacted++;
    if (typeof count !== "number") return;
    if (count <= ROUND5.redactAtMost)
      throw new RoundingAuditError("redaction", where(), `a count of ${ROUND5.redactAtMost} or less is published`);
    if (count % ROUND5.base !== 0)
      throw new RoundingAuditError(
        "multiple",
        where(),
        `a count that is not a multiple of ${ROUND5.base} is published`
      );
  };
  for (const spec of countTables)
    for (const row of system.tables[spec.name] ?? [])
      for (const column of spec.counts)
        check(() => `table ${spec.name}, cell (${cellKey(spec.name, row)}), column ${column}`, row[column]);
  for (const column of HEADLINE_COUNTS) check(() => `table headline, cell ${column}`, system.headline[column]);
  const model = buildModel(system);
  const totals = designatedTotals(model);
  for (const {whole, parts} of totals) {
    const expected = sumOfParts(parts.map((part) => part.value));
    if (whole.value !== expected)
      throw new RoundingAuditError(
        "sums",
        describeCell(model, whole),
        `it is not the sum of its parts in ${parts[0]?.table ?? "no table"}`
      );
  }
  const {implicit, solves} = checkRanges(model, totals);
  return {cells, redacted, totals: totals.length, implicit, solves};
}

/** The solver's rules over the whole release; throws RoundingAuditError at the first count that breaks one. */
function checkRanges(model: Model, totals: Tiling[]): {implicit: number; solves: number} {
  let report;
  try {
    report = roundedRanges(model, new Map(totals.map(({whole, parts}) => [whole, parts])), {limit: 1});
  } catch (error) {
    if (error instanceof InfeasibleSystemError)
      throw new RoundingAuditError(
        "consistent",
        "the release",
        "no true counts within their rounding give all the published ones: a bug in the publisher"
      );
    throw error;
  }
  const [failure] = report.failures;
  if (failure) {
    const {min, max} = failure.range;
    const shown = `${min}..${max === Infinity ? "unbounded" : max}`;
    throw new RoundingAuditError(
      failure.rule,
      failure.where,
      `from everything published a reader can prove it lies in ${shown}`,
      failure.range
    );
  }
  return {implicit: report.implicit, solves: report.solves};
}
