// Publishing under the rounding policy (rounding.ts): aggregate, round, withhold the breakdowns that would
// narrow a count below its rounding (withhold.ts), audit the policy's rules from the published rows alone
// (the solver's included, roundedRanges.ts), write, and add the release to the ledger. The suppression
// engine does not run: no count is published exactly, so there is nothing for it to protect by hiding
// more. With a ledger, the release is checked together with the ledger's newest one (roundedPair.ts):
// rounding alone does not keep differencing from narrowing a count (an exact 10 before, people only
// removed since, and a rounded 10 now make 8 to 10), so the pair must pass the policy's rules too.
import {openNodeDatabase} from "../duckdbNode.js";
import {aggregate} from "./aggregate.js";
import type {AuditReport} from "./audit.js";
import {timer, writeRelease, type PublishOptions, type PublishResult} from "./index.js";
import {newestRelease} from "./ledger.js";
import {readManifest} from "./manifest.js";
import {buildModel} from "./model.js";
import {ROUND5, ROUND5_RULES, roundSystem, type Round5Rule, type auditRounded} from "./rounding.js";
import type {PairReport} from "./roundedPair.js";
import {withholdNarrowing} from "./withhold.js";
import {HEADLINE_COUNTS, countTables, type PublishedSystem} from "./system.js";

/** Under round5 the smallest count published other than 0 is 8 (in fact 10: 8 and 9 round to 10). */
export const ROUND5_THRESHOLD = ROUND5.redactAtMost + 1;

export async function publishRounded(options: PublishOptions): Promise<PublishResult> {
  const manifest = await readManifest(options.data);
  const clock = timer();
  const db = await openNodeDatabase();
  try {
    // A folder in the ledger that is not a release still stops the publish before any work.
    const earlier = options.ledger ? await newestRelease(db, options.ledger) : null;
    const system = await aggregate(db, options.data, {
      periodStart: manifest.period_start,
      periodEnd: manifest.period_end,
      threshold: ROUND5_THRESHOLD
    });
    const aggregateTime = clock();
    const rounded = roundSystem(system);
    const suppressTime = clock();
    // The audit runs inside: a release that passes it as rounded is published as it is.
    // With a ledger, the release is checked together with its newest release too (roundedPair.ts).
    const change = {change: manifest.people_change ?? "any", periodEnd: manifest.period_end} as const;
    const {published, withheld, checked, pair} = withholdNarrowing(
      rounded.published,
      earlier ? {release: earlier, change} : undefined
    );
    const redacted = checked.redacted;
    const report = roundedReport(published, checked, withheld, pair);
    const auditTime = clock();
    const added = await writeRelease(db, options, {
      published,
      report,
      manifest,
      policy: "round5",
      threshold: ROUND5_THRESHOLD
    });
    return {
      ...(added ? {ledger: {checkedWith: pair?.release ?? null, added}} : {}),
      threshold: ROUND5_THRESHOLD,
      policy: "round5",
      published,
      report,
      ranges: report.ranges,
      primary: redacted,
      complementary: 0,
      solves: checked.solves + (pair?.solves ?? 0),
      rounds: 0,
      solverTimings: {ranges: 0, complements: 0},
      timings: {aggregate: aggregateTime, suppress: suppressTime, audit: auditTime, write: clock()}
    };
  } finally {
    db.close();
  }
}

/** audit.json of a rounded release: cells and redacted cells per table, the policy's rules, the tables withheld. */
function roundedReport(
  published: PublishedSystem,
  {redacted, implicit, solves}: ReturnType<typeof auditRounded>,
  withheld: string[],
  pair: PairReport | null
): AuditReport {
  const model = buildModel(published);
  return {
    threshold: ROUND5_THRESHOLD,
    tables: countTables.map((spec) => {
      const cells = model.cells.filter((cell) => cell.table === spec.name);
      return {
        name: spec.name,
        rows: published.tables[spec.name]?.length ?? 0,
        cells: cells.length,
        suppressed: cells.filter((cell) => cell.value === null).length
      };
    }),
    headline: {
      cells: HEADLINE_COUNTS.length,
      suppressed: HEADLINE_COUNTS.filter((name) => published.headline[name] === null).length
    },
    checks: (Object.keys(ROUND5_RULES) as Round5Rule[]).map((rule) => ({
      rule,
      description: ROUND5_RULES[rule],
      passed: true as const
    })),
    // The solver checked every count (roundedRanges.ts); `hidden` counts the redacted ones.
    ranges: {
      threshold: ROUND5_THRESHOLD,
      hidden: redacted,
      implicit,
      solves: solves + (pair?.solves ?? 0),
      ...(pair ? {ledger: {release: pair.release, cells: pair.cells}} : {})
    },
    withheld
  };
}
