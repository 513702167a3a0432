// Every count the release publishes, what it counts and the rules that protect it, derived from the
// table specs (publishedTables.ts), so that the methods page names each count the audit checks (issue 12,
// "The unit") and cannot fall out of step with them.
import {
  headlineCounts,
  publishedTables,
  type Counted,
  type DisclosureRule,
  type PublishedMeasure
} from "./publishedTables.js";

export interface PublishedCount {
  /** The published table, or "headline.json" for the national totals. */
  table: string;
  /** The count column (the total's name in headline.json). */
  measure: string;
  counts: Counted;
  /** The measure of the same row that this count is a part of. */
  partOf?: string;
  /** Empty only for a count of no people (publication events). */
  protectedBy: readonly DisclosureRule[];
}

/** Each count of each published table, then headline.json's totals, which have the rules of the measure they total. */
export function publishedCounts(): PublishedCount[] {
  const ofTables = publishedTables.flatMap((spec) =>
    spec.measures.map((m: PublishedMeasure) => ({
      table: spec.name,
      measure: m.column,
      counts: m.counts,
      ...(m.partOf ? {partOf: m.partOf} : {}),
      protectedBy: m.protectedBy
    }))
  );
  const ofHeadline = headlineCounts.map((total) => {
    const measure = ofTables.find((count) => count.measure === total.measure);
    if (!measure) throw new Error(`unknown measure for headline.json's ${total.name}: ${total.measure}`);
    return {
      table: "headline.json",
      measure: total.name,
      counts: total.counts,
      ...("partOf" in total ? {partOf: total.partOf} : {}),
      protectedBy: measure.protectedBy
    };
  });
  return [...ofTables, ...ofHeadline];
}
