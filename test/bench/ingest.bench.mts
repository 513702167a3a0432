// Benchmark: a ~1M-row crisis_contacts export loaded by `loadExport` vs DuckDB's plain
// COPY (SELECT * FROM read_csv(...)) TO parquet of the same file. Run: npx tsx test/bench/ingest.bench.mts [rows]
import {cp, mkdir, rm} from "node:fs/promises";
import {join} from "node:path";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {loadExport} from "../../src/node/ingest/load.js";
import {projectRoot} from "../../src/node/paths.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const work = join(projectRoot, "test/bench/work/ingest");
await rm(work, {recursive: true, force: true});
await mkdir(join(work, "export"), {recursive: true});
for (const table of ["affected_records", "publication_events"]) {
  await cp(join(projectRoot, `test/fixtures/ingest/valid/${table}.csv`), join(work, "export", `${table}.csv`));
}
const db = await openNodeDatabase();
const csv = join(work, "export", "crisis_contacts.csv");
// (date, district, service) rows from 2008 on, districts in mixed spellings. Only about a million such
// keys exist up to now, so a bigger export repeats keys: it is loaded with --skip-invalid (repeats dropped).
await db.run(`COPY (SELECT CASE WHEN i % 2 = 0 THEN strftime(DATE '2008-01-01' + CAST((i // 154) % 6700 AS INTEGER), '%Y-%m-%d') ELSE strftime(DATE '2008-01-01' + CAST((i // 154) % 6700 AS INTEGER), '%-d.%-m.%Y') END AS date,
  ['00','03','04','05','Pirkanmaa','Päijät-Hämeen shp','08','09','10','11','12','13','14','15','16','17','18','19','20','21','HUS','unknown'][(i % 154) // 7 + 1] AS hospital_district,
  ['crisis_helpline','victim_support','red_cross_helpline','health_centre','parish','chat','other'][i % 7 + 1] AS service,
  (i * 7919) % 50 AS contacts, ['yes','no','unknown',''][i % 4 + 1] AS breach_related FROM range(${rows}) t(i)) TO '${csv}' (HEADER)`);
// Wall time depends on what else the machine runs; CPU time (all DuckDB threads are in this process) less so.
let t0 = performance.now();
let c0 = process.cpuUsage();
await db.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${join(work, "raw.parquet")}' (FORMAT parquet)`);
const raw = (performance.now() - t0) / 1000;
const rawCpu = cpuSince(c0);
db.close();
t0 = performance.now();
c0 = process.cpuUsage();
const summary = await loadExport(join(work, "export"), {
  dataDir: join(work, "data"),
  skipInvalid: rows > 1_000_000,
  onStage: (stage) => console.error(((performance.now() - t0) / 1000).toFixed(2), stage)
});
const load = (performance.now() - t0) / 1000;
const loadCpu = cpuSince(c0);
console.log(
  JSON.stringify({
    rows,
    exit: summary.exitCode,
    raw_copy_s: +raw.toFixed(2),
    load_s: +load.toFixed(2),
    ratio: +(load / raw).toFixed(2),
    raw_copy_cpu_s: +rawCpu.toFixed(2),
    load_cpu_s: +loadCpu.toFixed(2),
    cpu_ratio: +(loadCpu / rawCpu).toFixed(2),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    problems: summary.problems.length
  })
);

function cpuSince(start: NodeJS.CpuUsage): number {
  const {user, system} = process.cpuUsage(start);
  return (user + system) / 1e6;
}
