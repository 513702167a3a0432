// How long publishing takes on a realistic-size dataset: tsx test/bench/publish.ts [people]
import {mkdir, rm} from "node:fs/promises";
import {join} from "node:path";
import {openNodeDatabase, queryOne} from "../../src/node/duckdbNode.js";
import {publish} from "../../src/node/publish/index.js";
import {projectRoot} from "../../src/node/paths.js";
import {writeRealisticDataset} from "./realistic.js";

const work = join(projectRoot, "test/bench/work/publish");
await rm(work, {recursive: true, force: true});
await mkdir(join(work, "current"), {recursive: true});
const db = await openNodeDatabase();
await writeRealisticDataset(db, join(work, "current"), Number(process.argv[2] ?? 33_000));
const {records, people} = await queryOne<{records: number; people: number}>(
  db,
  `SELECT count(*) AS records, count(DISTINCT person_key) AS people FROM '${join(work, "current/affected_records.parquet")}'`
);
const {crisis} = await queryOne<{crisis: number}>(
  db,
  `SELECT count(*) AS crisis FROM '${join(work, "current/crisis_contacts.parquet")}'`
);
db.close();
const start = performance.now();
const result = await publish({data: join(work, "current"), out: join(work, "published"), threshold: 5});
const total = Math.round(performance.now() - start);
const cells = result.report.tables.reduce((n, t) => n + t.cells, 0);
const suppressed = result.report.tables.reduce((n, t) => n + t.suppressed, 0);
console.warn(`dataset: ${people} people, ${records} records, ${crisis} crisis rows`);
console.warn(
  `cells: ${cells}, suppressed ${suppressed} (${result.primary} primary, ${result.complementary} complementary)`
);
for (const t of result.report.tables)
  console.warn(`  ${t.name}: ${t.rows} rows, ${t.suppressed}/${t.cells} suppressed`);
console.warn(
  `solver: suppression ${result.rounds} rounds, ${result.solves} solves; range audit ${result.ranges.hidden} hidden and ${result.ranges.implicit} implied cells, ${result.ranges.solves} solves`
);
console.warn(`timings (ms): ${JSON.stringify(result.timings)}, total ${total}`);
console.warn(`solver time in suppression (ms): ${JSON.stringify(result.solverTimings)}`);
