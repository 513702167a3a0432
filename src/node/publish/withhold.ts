// Under the rounding policy a breakdown rounded on its own (people by sex, by wave) bounds the true total
// it adds up to, while the totals are published as sums of the district × age cells: together they can
// narrow a count below its rounding (issue 12: four age cells of 8 published as 10 beside a sex table's
// 30 are each exactly 8). The publisher then withholds such a breakdown for the release, whole: its file
// has the table's columns and no rows (a headline figure rounded on its own, such as the records, is left
// out of headline.json), audit.json lists it under `withheld`, and the methods page says so.
// A NULL would not do: under this policy a NULL promises "7 or less", and a reader relies on that.
//
// Which tables: of those holding a count rounded on its own, in a fixed order (the least used first),
// one more at a time until the release passes the audit, then each given back, last first, if the
// release still passes without withholding it. The result depends only on the tables' shapes and the
// audit's verdicts, never on a count directly.
import {HEADLINE_TABLE, buildModel, type Cell} from "./model.js";
import {auditRounded, designatedTotals, RoundingAuditError} from "./rounding.js";
import type {EarlierRelease} from "./ledger.js";
import {auditRoundedPair, type PairChange, type PairReport} from "./roundedPair.js";
import type {Headline, PublishedSystem} from "./system.js";

/** The order in which breakdowns give way: the ones no page leads with first, the main tables last. */
const WITHHOLD_FIRST = [
  "people_by_wave",
  "people_by_sex",
  "people_by_category",
  "daily_timeline",
  "publications_by_day_channel",
  "people_by_county",
  "crisis_national_weekly",
  "headline.records_published",
  "headline.records"
];

export interface Withholding {
  published: PublishedSystem;
  /** Tables published without rows in this release, in the order they were withheld. */
  withheld: string[];
  checked: ReturnType<typeof auditRounded>;
  /** The ledger's newest release, checked together with this one (roundedPair.ts), when there is one. */
  pair: PairReport | null;
}

/**
 * The rounded release with as few breakdowns withheld as it needs to pass auditRounded and, with *earlier*,
 * the check of the pair it makes with the ledger's newest release (auditRoundedPair).
 */
export function withholdNarrowing(
  system: PublishedSystem,
  earlier?: {release: EarlierRelease; change: PairChange}
): Withholding {
  const candidates = roundedOnTheirOwn(system);
  const attempt = (withheld: string[]) => {
    const published = without(system, withheld);
    try {
      const checked = auditRounded(published);
      const pair = earlier ? auditRoundedPair(published, earlier.release, earlier.change) : null;
      return {published, withheld, checked, pair};
    } catch (error) {
      // Only the solver's rules can be mended by withholding; any other failure is the publisher's bug.
      if (error instanceof RoundingAuditError && (error.rule === "interval" || error.rule === "smallGroup"))
        return error;
      // A withholding after which the audit finds the release inconsistent is not used; the others are
      // tried (seen on a generated export's pair after several tables were withheld: a bug not yet found).
      if (error instanceof RoundingAuditError && error.rule === "consistent" && withheld.length) return error;
      throw error;
    }
  };
  let withheld: string[] = [];
  const skipped = new Set<string>();
  let result = attempt(withheld);
  while (result instanceof RoundingAuditError) {
    const next = candidates.find((table) => !skipped.has(table));
    // Nothing left to withhold: the audit's error names table, cell, range and rule.
    if (!next) throw result;
    const tried = attempt([...withheld, next]);
    skipped.add(next);
    if (tried instanceof RoundingAuditError && tried.rule === "consistent") continue;
    withheld = [...withheld, next];
    result = tried;
  }
  for (const table of [...withheld].reverse()) {
    const trial = attempt(withheld.filter((other) => other !== table));
    if (!(trial instanceof RoundingAuditError)) {
      result = trial;
      withheld = trial.withheld;
    }
  }
  return result;
}

/**
 * The tables with a count that is neither a designated total nor a part of one (rounding.ts): the ones
 * rounded on their own, in the order they give way.
 */
function roundedOnTheirOwn(system: PublishedSystem): string[] {
  const model = buildModel(system);
  const tied = new Set<Cell>();
  // A table that holds a designated total's parts stays: its total would no longer be their sum.
  const holdsParts = new Set<string>();
  for (const {whole, parts} of designatedTotals(model)) {
    for (const cell of [whole, ...parts]) tied.add(cell);
    for (const part of parts) holdsParts.add(part.table);
  }
  // A headline figure rounded on its own (the records) is withheld on its own, as `headline.<name>`.
  const units = new Set(
    model.cells
      .filter((cell) => !tied.has(cell) && !holdsParts.has(cell.table) && cell.value !== null)
      .map((cell) => (cell.table === HEADLINE_TABLE ? `${HEADLINE_TABLE}.${cell.column}` : cell.table))
  );
  const rank = (table: string) => {
    const at = WITHHOLD_FIRST.indexOf(table);
    return at < 0 ? WITHHOLD_FIRST.length : at;
  };
  return [...units].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** *system* with the rows of *units* left out, and the headline figures among them (absent, not NULL). */
function without(system: PublishedSystem, units: string[]): PublishedSystem {
  if (!units.length) return system;
  const headline = {...system.headline} as Record<string, number | null | undefined>;
  for (const unit of units)
    if (unit.startsWith(`${HEADLINE_TABLE}.`)) delete headline[unit.slice(HEADLINE_TABLE.length + 1)];
  return {
    headline: headline as Headline,
    tables: Object.fromEntries(
      Object.entries(system.tables).map(([name, rows]) => [name, units.includes(name) ? [] : rows])
    )
  };
}
