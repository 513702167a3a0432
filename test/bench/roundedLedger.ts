// How long a round5 publish of the embedded sample takes beside a ledger release (issue 12, budget 15 s
// with the audit), by phase: tsx test/bench/roundedLedger.ts [suppress|round5] [removed] (the earlier
// release's policy, default suppress; `removed`: the new export is the sample less three people, and says
// so, instead of the sample again). Prints the load, wall and CPU time, and the pair check's solves.
import {cpus, loadavg} from "node:os";
import {mkdir, rm} from "node:fs/promises";
import {join} from "node:path";
import {loadExport} from "../../src/node/ingest/load.js";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {publish} from "../../src/node/publish/index.js";
import {newestRelease} from "../../src/node/publish/ledger.js";
import {readManifest} from "../../src/node/publish/manifest.js";
import {aggregate} from "../../src/node/publish/aggregate.js";
import {auditRounded, roundSystem} from "../../src/node/publish/rounding.js";
import {auditRoundedPair} from "../../src/node/publish/roundedPair.js";
import {ROUND5_THRESHOLD} from "../../src/node/publish/publishRounded.js";
import {projectRoot} from "../../src/node/paths.js";
import {variantDataset} from "../publish/attack/exports.js";

const earlierPolicy = process.argv[2] === "round5" ? "round5" : "suppress";
const work = join(projectRoot, "test/bench/work/rounded-ledger");
await rm(work, {recursive: true, force: true});
await mkdir(work, {recursive: true});
const summary = await loadExport(join(projectRoot, "data/sample"), {dataDir: join(work, "data"), now: new Date("2026-11-28T12:00:00Z")}); // prettier-ignore
if (!summary.ok) throw new Error("the sample did not load");
const sample = join(work, "data", "current");
const ledger = join(work, "ledger");
await publish({data: sample, out: join(ledger, "release-1"), policy: earlierPolicy});
const removed = process.argv[3] === "removed";
const data = removed ? await withPeopleRemoved(sample, join(work, "removed")) : sample;

async function withPeopleRemoved(dataset: string, out: string): Promise<string> {
  const db = await openNodeDatabase();
  try {
    return await variantDataset(db, dataset, out, {remove: 3});
  } finally {
    db.close();
  }
}

/** Wall and CPU seconds of *step*. */
async function measured<T>(what: string, step: () => T | Promise<T>): Promise<T> {
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  const result = await step();
  const used = process.cpuUsage(cpu);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `${what}: wall ${seconds(performance.now() - wall)} s, cpu ${seconds((used.user + used.system) / 1000)} s`
  );
  return result;
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${cpus().length} cores; earlier release ${earlierPolicy}, people ${removed ? "removed" : "the same"}`
);
const result = await measured("round5 publish with the ledger", () =>
  publish({data, out: join(work, "published"), policy: "round5", ledger})
);
console.log(`  timings (ms): ${JSON.stringify(result.timings)}; solves ${result.solves}; withheld ${JSON.stringify(result.report.withheld)}`); // prettier-ignore
// The phases again, one by one, on the same release.
const db = await openNodeDatabase();
const manifest = await readManifest(data);
const earlier = (await newestRelease(db, ledger))!;
const system = await aggregate(db, data, {periodStart: manifest.period_start, periodEnd: manifest.period_end, threshold: ROUND5_THRESHOLD}); // prettier-ignore
db.close();
const {published} = roundSystem(system);
const alone = await measured("  the release's own audit (auditRounded)", () => auditRounded(published));
console.log(`    solves ${alone.solves}`);
const change = {change: manifest.people_change ?? "any", periodEnd: manifest.period_end} as const;
const pair = await measured("  the pair's check (auditRoundedPair)", () =>
  auditRoundedPair(published, earlier, change)
);
console.log(`    ${pair.cells} earlier counts, solves ${pair.solves}`);
console.log(
  `load average after ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`
);
