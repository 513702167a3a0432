// Publishes data/current (private) as data/published: aggregate, suppress, audit, write.
//   tsx src/cli/publish.ts [--data data/current] [--out data/published] [--threshold 5] [--ledger data/ledger]
//                          [--policy suppress|round5] [--json]
// The release is checked with the newest one in the ledger (data/ledger) and then added to it.
// Diagnostics go to stderr (--json: also one line of figures on stdout, for the bench: hidden cells,
// solves, solver and phase times; no count of the data); an audit failure names table, cell and rule
// and exits 1; a bad option
// prints the usage line and exits 64.
import {parseCli} from "../node/cliArgs.js";
import {publish} from "../node/publish/index.js";
import {config} from "../node/config.js";
import {currentDir, publishedDir} from "../node/publishedFiles.js";
import type {PhaseTime} from "../node/publish/solverClock.js";

const USAGE =
  "usage: npm run publish:data -- [--data data/current] [--out data/published] [--threshold 5] [--ledger data/ledger] [--policy suppress|round5] [--json]";
// Defaults are filled in after parsing: they read the environment, which parseCli checks first.
const values = parseCli(
  process.argv.slice(2),
  {
    data: {type: "string"},
    out: {type: "string"},
    threshold: {type: "string"},
    ledger: {type: "string"},
    policy: {type: "string"},
    json: {type: "boolean"}
  },
  USAGE
);
const data = values.data ?? currentDir();
const out = values.out ?? publishedDir();

try {
  const result = await publish({
    data,
    out,
    threshold: values.threshold,
    ledger: values.ledger ?? config().ledgerDir,
    policy: values.policy
  });
  const {aggregate, suppress, audit, write} = result.timings;
  const suppressed = result.report.tables.reduce((n, t) => n + t.suppressed, 0) + result.report.headline.suppressed;
  const cells = result.report.tables.reduce((n, t) => n + t.cells, 0) + result.report.headline.cells;
  console.warn(
    result.policy === "round5"
      ? `publish: policy round5; ${suppressed} of ${cells} cells redacted (7 or less), the rest rounded to 5, totals as sums of the rounded parts`
      : `publish: threshold ${result.threshold}; ${suppressed} of ${cells} cells suppressed (${result.primary} below the threshold, ${result.complementary} to protect them)`
  );
  if (result.policy === "suppress")
    console.warn(
      `publish: solver ${result.rounds} suppression rounds, ${result.solves + result.ranges.solves} solves; range audit of ${result.ranges.hidden} hidden and ${result.ranges.implicit} implied cells passed`
    );
  console.warn(
    result.ledger
      ? `publish: checked with ledger release ${result.ledger.checkedWith ?? "(none yet)"}; added to the ledger as ${result.ledger.added}`
      : "publish: no ledger"
  );
  console.warn(
    `publish: aggregate ${aggregate} ms, suppress ${suppress} ms (range checks ${result.solverTimings.ranges} ms, complementary LPs ${result.solverTimings.complements} ms), audit ${audit} ms, write ${write} ms → ${out}`
  );
  if (result.breakdown) {
    const phase = (name: string, {ms, solves, highsMs}: PhaseTime) =>
      `${name} ${Math.round(ms)} ms (${solves} solves, HiGHS ${Math.round(highsMs)} ms)`;
    const {primary, complements, ranges, audit: auditPhase} = result.breakdown;
    console.warn(
      `publish: time by phase: aggregate ${aggregate} ms; ${phase("model and primary cells", primary)}; ${phase("complementary LPs", complements)}; ${phase("range checks", ranges)}; ${phase("audit", auditPhase)}`
    );
  }
  if (values.json) {
    const figures = {
      hidden: {primary: result.primary, complementary: result.complementary},
      rounds: result.rounds,
      solves: {suppression: result.solves, audit: result.ranges.solves},
      ms: {...result.timings, ranges: result.solverTimings.ranges, complements: result.solverTimings.complements},
      ...(result.breakdown ? {phases: roundPhases(result.breakdown)} : {})
    };
    console.log(JSON.stringify(figures));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

/** Whole milliseconds, for the one line of figures. */
function roundPhases(phases: Record<string, PhaseTime>): Record<string, PhaseTime> {
  return Object.fromEntries(
    Object.entries(phases).map(([name, {ms, solves, highsMs}]) => [
      name,
      {ms: Math.round(ms), solves, highsMs: Math.round(highsMs)}
    ])
  );
}
