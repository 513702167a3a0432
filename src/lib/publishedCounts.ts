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

export interface CountGroup extends Omit<PublishedCount, "table"> {
  /** Every table that publishes this count, in the specs' order. */
  tables: string[];
}

/**
 * The counts that are the same measure with the same meaning and rules, each once with the tables that
 * publish it: the methods page's table, a dozen rows where one per table and column would take pages.
 */
export function countGroups(counts: readonly PublishedCount[] = publishedCounts()): CountGroup[] {
  const groups = new Map<string, CountGroup>();
  for (const {table, ...count} of counts) {
    const key = JSON.stringify([count.measure, count.counts, count.partOf ?? null, count.protectedBy]);
    const group = groups.get(key);
    if (group) group.tables.push(table);
    else groups.set(key, {...count, tables: [table]});
  }
  return [...groups.values()];
}
