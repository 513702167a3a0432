// npm run bench [-- --quick] [--seed N] [--scales 31,312] [--ingest-only]: ingest, build and browser
// figures on synthetic exports at generator scales 3.1, 31 and 312 (about 0.1, 1 and 10 million rows;
// --quick: the smallest only), and on the embedded sample. --ingest-only skips publish, build and browser.
// A full run writes the committed test/bench/results.json and results.md; any other run (--quick,
// --scales, --ingest-only) writes results.<mode>.* under the git-ignored test/bench/work/ instead, so
// a quick check never replaces the published figures. A figure over its budget is printed as "over
// budget", not failed; anything that fails to run fails the benchmark.
import {existsSync} from "node:fs";
import {copyFile, mkdir, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {largestUnclampedCrisisScale} from "../../src/node/generate/crisisContacts.js";
import {projectRoot} from "../../src/node/paths.js";
import {measureSite} from "./browser.js";
import {measureFileKinds, type FileKindResult} from "./fileKinds.js";
import {runMeasured, type Measured} from "./measure.js";
import {
  describeMachine,
  evaluateBudgets,
  kib,
  mib,
  benchOptions,
  describePublish,
  type PublishFigures,
  resultsFiles,
  resultsMarkdown,
  type Results,
  type ScaleResult,
  type SiteResult
} from "./results.js";

const options = benchOptions(process.argv.slice(2));
const ingestOnly = options.ingestOnly;
const seed = options.seed;
if (!/^\d+$/.test(seed)) throw new Error(`invalid --seed: ${seed}`);
// Generator scale units of about 33,000 crisis_contacts rows: 3.1 ≈ 103k, 31 ≈ 1.0M, 312 ≈ 10M.
const scales = options.scales ? options.scales.split(",").map(Number) : options.quick ? [3.1] : [3.1, 31, 312];
if (scales.some((scale) => !(scale > 0))) throw new Error(`invalid --scales: ${options.scales}`);
const CRISIS_MAX_SCALE = largestUnclampedCrisisScale();
const bench = join(projectRoot, "test", "bench");
const work = join(bench, "work");
const tsx = join(projectRoot, "node_modules", ".bin", "tsx");

const machine = describeMachine();
console.log(`machine: ${machine.summary}`);
const started = performance.now();
// Other work on a shared machine moves times by a tenth or more from one minute to the next: each export
// is loaded REPEATS times, each load followed by its floor, and the ratio is the median of the pairs.
const REPEATS = 3;
const exports = options.scales ? [] : [{label: "sample", folder: join(projectRoot, "data", "sample")}];
for (const scale of scales) {
  exports.push({label: `scale ${scale}`, folder: await cachedExport(scale)});
}

const ingest: ScaleResult[] = [];
const sites: SiteResult[] = [];
for (const {label, folder} of exports) {
  const result = await measureScale(label, folder);
  ingest.push(result);
  console.log(
    `${label}: ${result.rows.crisis_contacts.toLocaleString("en-US")} crisis rows; load ${result.load.seconds.toFixed(1)} s, ` +
      `${mib(result.load.peakRss)} MB; floor ${result.floor.seconds.toFixed(1)} s, ${mib(result.floor.peakRss)} MB; ratio ` +
      `${result.ratio.toFixed(2)}` +
      (ingestOnly ? "" : `; publish ${result.publish.seconds.toFixed(1)} s; build ${result.build.seconds.toFixed(1)} s`)
  );
  if (result.publishFigures) console.log(`${label} publish: ${describePublish(result.publishFigures)}`);
  // Published tables are small whatever the export's size: the browser runs on the sample, and in a
  // full run also on the largest export, to show that.
  const browse = label === "sample" || (!options.quick && label === exports[exports.length - 1]!.label);
  if (!ingestOnly && browse) {
    const site = {label, ...(await measureSite(join(runDir(label), "dist")))};
    sites.push(site);
    for (const page of site.pages) {
      console.log(
        `${label} ${page.path}: headline ${page.headlineMs.toFixed(0)} ms, first chart ${page.firstChartMs?.toFixed(0) ?? "–"} ms, ` +
          `${kib(page.rawBytes)} KB (${kib(page.gzipBytes)} KB gzipped) before it`
      );
    }
    const {readyMs, p50, p95, firstChartMs, transferredBeforeChart, repeatVisitBytes} = site.explorer;
    console.log(
      `${label} /explore: first chart ${firstChartMs.toFixed(0)} ms, ${(transferredBeforeChart / 2 ** 20).toFixed(1)} MB ` +
        `on the wire before it; ready ${readyMs.toFixed(0)} ms; repeat visit ${kib(repeatVisitBytes)} KB; ` +
        `filter change p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`
    );
  }
}

// The file kinds of issue 13 (UTF-16, workbooks, a 24 MiB line), on the sample: the plain CSV load of
// the same export is measured alongside, in the same minute.
const fileKinds: FileKindResult[] = [];
const sample = exports.find((e) => e.label === "sample");
if (sample) {
  for (const result of await measureFileKinds(sample.label, sample.folder, work)) {
    fileKinds.push(result);
    console.log(
      `${result.label} as ${result.kind}: ${mib(result.bytes)} MB of tables; load ${result.load.seconds.toFixed(1)} s, ` +
        `${mib(result.load.peakRss)} MB peak`
    );
  }
}

const budgets = evaluateBudgets(ingest, sites);
for (const budget of budgets) {
  console.log(`${budget.met ? "within budget" : "over budget"}: ${budget.name}: ${budget.value}`);
}
const results: Results = {
  machine,
  date: new Date().toISOString(),
  mode: options.mode,
  seed: Number(seed),
  seconds: Math.round((performance.now() - started) / 1000),
  ingest,
  fileKinds,
  sites,
  budgets
};
const files = resultsFiles(bench, options.label);
await mkdir(dirname(files.json), {recursive: true});
await writeFile(files.json, JSON.stringify(results, null, 2) + "\n");
await writeFile(files.md, resultsMarkdown(results));
console.log(
  `wrote ${relative(projectRoot, files.json)} and ${relative(projectRoot, files.md)} in ${results.seconds} s`
);

/** An export made by the generator, kept under test/bench/work/ so a rerun does not make it again. */
async function cachedExport(scale: number): Promise<string> {
  const folder = join(work, "exports", `scale-${scale}-seed-${seed}`);
  if (existsSync(join(folder, "manifest.json"))) return folder;
  const partial = `${folder}.partial`;
  await rm(partial, {recursive: true, force: true});
  console.log(`generating the scale ${scale} export (cached in ${folder})`);
  const generate = ["run", "--silent", "generate", "--", "--out", partial, "--scale", String(scale), "--seed", seed];
  const {seconds} = await runMeasured("npm", generate);
  console.log(`generated in ${seconds.toFixed(0)} s`);
  if (scale > CRISIS_MAX_SCALE) {
    const crisis = await cachedExport(CRISIS_MAX_SCALE);
    await copyFile(join(crisis, "crisis_contacts.csv"), join(partial, "crisis_contacts.csv"));
  }
  await rename(partial, folder);
  return folder;
}

// crisis_contacts has one row per (date, district, service), and the generator grows it by adding days
// before the base period; the loader refuses dates before 2008, so the table cannot pass about 640,000
// rows. A larger export takes its crisis_contacts.csv from the largest scale that stays after 2008, and
// grows by affected_records (one row per record) alone.

function runDir(label: string): string {
  return join(work, "runs", label.replace(/\s+/g, "-"));
}

/** Load, floor, publish and build of one export, each in its own process tree, into a fresh folder. */
async function measureScale(label: string, folder: string): Promise<ScaleResult> {
  const dir = runDir(label);
  await rm(dir, {recursive: true, force: true});
  await mkdir(dir, {recursive: true});
  // The developer's data/ and dist/ stay as they were.
  const env = {
    VUOTO_DATA_DIR: join(dir, "data"),
    VUOTO_PUBLISHED_DIR: join(dir, "published"),
    VUOTO_DIST: join(dir, "dist")
  };
  const loads: Measured[] = [];
  const floors: Measured[] = [];
  for (let i = 0; i < REPEATS; ++i) {
    await rm(join(dir, "data"), {recursive: true, force: true});
    // The loader and the floor start the same way (tsx, no npm in front), so neither pays for npm.
    loads.push(await runMeasured(tsx, [join(projectRoot, "src", "cli", "load.ts"), folder, "--json"], env));
    floors.push(await runMeasured(tsx, [join(bench, "floor.ts"), folder, join(dir, "floor")]));
    await rm(join(dir, "floor"), {recursive: true, force: true});
  }
  const summary = JSON.parse(loads[0]!.stdout.trim().split("\n").pop()!);
  if (!summary.ok) throw new Error(`${label}: the load reported a failure: ${loads[0]!.stdout}`);
  const [loaded, floor] = [median(loads), median(floors)];
  const skipped = {seconds: NaN, peakRss: NaN};
  // Publish with the audit on its own (the build's prepare step then finds it up to date), with its
  // figures: hidden cells, solves and the solver's time.
  const publish = ingestOnly
    ? {...skipped, stdout: ""}
    : await runMeasured(tsx, [join(projectRoot, "src", "cli", "publish.ts"), "--json"], env);
  const figures = ingestOnly ? undefined : (JSON.parse(publish.stdout.trim().split("\n").pop()!) as PublishFigures);
  const build = ingestOnly ? skipped : await runMeasured("npm", ["run", "--silent", "build"], env);
  return {
    label,
    rows: {
      crisis_contacts: summary.tables.crisis_contacts.rows,
      affected_records: summary.tables.affected_records.rows
    },
    load: pick(loaded),
    floor: pick(floor),
    ratio: medianOf(loads.map((load, i) => load.seconds / floors[i]!.seconds)),
    publish: pick(publish),
    ...(figures ? {publishFigures: figures} : {}),
    build: pick(build)
  };
}

function pick({seconds, peakRss}: {seconds: number; peakRss: number}) {
  return {seconds, peakRss};
}

function medianOf(values: number[]): number {
  const median = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  if (median === undefined) throw new Error("missing measurements: a median needs at least one");
  return median;
}

/** The median time of repeated runs, with the highest peak memory among them. */
function median(runs: Measured[]): Measured {
  const middle = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
  if (!middle) throw new Error("missing runs: a median needs at least one");
  return {...middle, peakRss: Math.max(...runs.map((run) => run.peakRss))};
}
