// The benchmark's figures: the machine they came from, the budgets they are held to, and the markdown
// table that test/bench/results.md and the README show.
import {cpus, release, totalmem, type} from "node:os";
import {parseArgs} from "node:util";
import {join} from "node:path";
import type {ExplorerTiming, PageTiming} from "./browser.js";
import type {FileKindResult} from "./fileKinds.js";

export interface Measurement {
  seconds: number;
  /** Peak RSS of the process tree, bytes. */
  peakRss: number;
}

export interface ScaleResult {
  label: string;
  rows: {crisis_contacts: number; affected_records: number};
  load: Measurement;
  /** DuckDB's plain CSV → Parquet COPY of the same files. */
  floor: Measurement;
  /** load time / floor time. */
  ratio: number;
  publish: Measurement;
  /** What the publish (with its audit) did: hidden cells, solves, solver time. */
  publishFigures?: PublishFigures;
  build: Measurement;
}

/** The figures `tsx src/cli/publish.ts --json` prints. */
export interface PublishFigures {
  hidden: {primary: number; complementary: number};
  rounds: number;
  solves: {suppression: number; audit: number};
  ms: {aggregate: number; suppress: number; audit: number; write: number; ranges: number; complements: number};
  /** Per solver phase: wall time, solves and time inside HiGHS (ms); absent in figures from before it. */
  phases?: Record<"primary" | "complements" | "ranges" | "audit", {ms: number; solves: number; highsMs: number}>;
}

/** One line: hidden cells, solves and where the time went. */
export function describePublish({hidden, rounds, solves, ms, phases}: PublishFigures): string {
  const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
  const phase = (name: string, {ms, solves, highsMs}: {ms: number; solves: number; highsMs: number}) =>
    `${name} ${s(ms)} (${solves} solves, HiGHS ${s(highsMs)})`;
  if (phases)
    return (
      `${hidden.primary + hidden.complementary} cells hidden (${hidden.primary} primary, ${hidden.complementary} complementary) in ${rounds} rounds; ` +
      `aggregate ${s(ms.aggregate)}, ${phase("model and primary", phases.primary)}, ${phase("complementary LPs", phases.complements)}, ` +
      `${phase("range checks", phases.ranges)}, ${phase("audit", phases.audit)}, write ${s(ms.write)}`
    );
  return (
    `${hidden.primary + hidden.complementary} cells hidden (${hidden.primary} primary, ${hidden.complementary} complementary); ` +
    `${solves.suppression + solves.audit} solves (${solves.suppression} in ${rounds} suppression rounds, ${solves.audit} in the audit); ` +
    `suppress ${s(ms.suppress)} (range checks ${s(ms.ranges)}, complementary LPs ${s(ms.complements)}), audit ${s(ms.audit)}`
  );
}

export interface SiteResult {
  label: string;
  pages: PageTiming[];
  explorer: ExplorerTiming;
}

export interface Budget {
  name: string;
  value: string;
  met: boolean;
}

export interface Results {
  machine: Machine;
  date: string;
  mode: "quick" | "full" | "ingest only";
  seed: number;
  seconds: number;
  ingest: ScaleResult[];
  /** The same export as UTF-16 text, as workbooks, with a 24 MiB line (absent from runs before issue 13). */
  fileKinds?: FileKindResult[];
  sites: SiteResult[];
  budgets: Budget[];
}

interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  summary: string;
}

export function describeMachine(): Machine {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const cores = cpus().length;
  const memoryGiB = Math.round(totalmem() / 2 ** 30);
  const os = `${type()} ${release()}`;
  const node = process.version;
  return {cpu, cores, memoryGiB, node, os, summary: `${cpu}, ${cores} cores, ${memoryGiB} GiB, Node ${node}, ${os}`};
}

const RATIO_BUDGET = 1.5;
const MEMORY_BUDGET = 2 * 2 ** 30;
// Issue 15's budgets.
const FIRST_CHART_MS_BUDGET = 1000;
const FIRST_CHART_GZIP_BUDGET = 300 * 1024;
const EXPLORER_COLD_BUDGET = 8 * 1024 * 1024;
const REPEAT_VISIT_BUDGET = 100 * 1024;
const FILTER_P95_BUDGET = 50;

export function evaluateBudgets(ingest: ScaleResult[], sites: SiteResult[]): Budget[] {
  const sample = sites.find((site) => site.label === "sample");
  return [...ingestBudgets(ingest), ...publishBudgets(ingest), ...sites.flatMap(siteBudgets), ...(sample ? [filterBudget(sample)] : [])];
}

/** A budget's row: *measured* against *limit*, met at or under it ("≤"), or only under it when *below* ("<"). */
function budget(name: string, value: string, measured: number, limit: number, {below = false} = {}): Budget {
  return {name, value, met: below ? measured < limit : measured <= limit};
}

/** Publish with the audit (issue 12): 15 s on the sample, 3 minutes at about 10 million rows. */
function publishBudgets(ingest: ScaleResult[]): Budget[] {
  return ingest.flatMap(({label, rows, publish, publishFigures}) => {
    const limit = label === "sample" ? 15 : rows.affected_records >= 9e6 ? 180 : null;
    if (limit === null || !publishFigures) return [];
    return [
      budget(`publish with the audit ≤ ${limit} s (${label})`, seconds(publish.seconds), publish.seconds, limit)
    ];
  });
}

function ingestBudgets(ingest: ScaleResult[]): Budget[] {
  // The ratio is held at the largest export measured (10 million rows in a full run): on small ones the
  // loader's fixed costs (startup, sniffing, the manifest) dominate.
  const largest = ingest.at(-1);
  if (!largest) throw new Error("missing ingest results: the budgets need at least one export");
  const {label, rows, ratio} = largest;
  return [
    budget(
      `load / DuckDB COPY ≤ ${RATIO_BUDGET} (${label}, ${count(rows.crisis_contacts)} crisis rows)`,
      ratio.toFixed(2),
      ratio,
      RATIO_BUDGET
    ),
    ...ingest.map(({label, load}) =>
      budget(`load peak memory < 2 GB (${label})`, `${mib(load.peakRss)} MB`, load.peakRss, MEMORY_BUDGET, {below: true})
    )
  ];
}

function siteBudgets({label, pages, explorer}: SiteResult): Budget[] {
  return [
    ...pages.flatMap(({path, firstChartMs, gzipBytes}) => [
      ...(firstChartMs === null
        ? []
        : [
            budget(`${path} first chart ≤ 1 s (${label})`, ms(firstChartMs), firstChartMs, FIRST_CHART_MS_BUDGET)
          ]),
      budget(
        `${path} ≤ 300 KB gzipped before the first chart (${label})`,
        `${kib(gzipBytes)} KB`,
        gzipBytes,
        FIRST_CHART_GZIP_BUDGET
      )
    ]),
    budget(
      `/explore ≤ 8 MB transferred before its first chart, cold (${label})`,
      `${mb(explorer.transferredBeforeChart)} MB`,
      explorer.transferredBeforeChart,
      EXPLORER_COLD_BUDGET
    ),
    budget(
      `/explore repeat visit < 100 KB transferred (${label})`,
      `${kib(explorer.repeatVisitBytes)} KB`,
      explorer.repeatVisitBytes,
      REPEAT_VISIT_BUDGET,
      {below: true}
    )
  ];
}

function filterBudget({label, explorer}: SiteResult): Budget {
  const {p95} = explorer;
  return budget(`explorer filter change p95 ≤ ${FILTER_P95_BUDGET} ms (${label})`, `${p95.toFixed(1)} ms`, p95, FILTER_P95_BUDGET);
}

export function resultsMarkdown(results: Results): string {
  const {machine} = results;
  const budgets = results.budgets.map((b) => [b.name, b.value, b.met ? "met" : "over budget"]);
  const lines = [
    `Measured ${results.date.slice(0, 10)} (${results.mode} run, seed ${results.seed}, ${results.seconds} s) ` +
      `on ${machine.summary}.`,
    ...ingestSection(results.ingest),
    ...publishSection(results.ingest),
    ...(results.fileKinds?.length ? fileKindsSection(results.fileKinds) : []),
    ...results.sites.flatMap(siteSection),
    ...section("**Budgets**", table(["budget", "measured", ""], budgets))
  ];
  return lines.join("\n") + "\n";
}

/** A heading and a body, each after an empty line. */
function section(heading: string, ...body: string[]): string[] {
  return ["", heading, ...body.flatMap((text) => ["", text])];
}

function publishSection(ingest: ScaleResult[]): string[] {
  const published = ingest.filter((s) => s.publishFigures);
  if (!published.length) return [];
  return section(
    "**Publish with the audit.** Wall time of `src/cli/publish.ts` (aggregate, suppression, audit, write).",
    published.map((s) => `- ${s.label}: ${seconds(s.publish.seconds)}; ${describePublish(s.publishFigures!)}`).join("\n")
  );
}

function ingestSection(ingest: ScaleResult[]): string[] {
  return section(
    "**Ingest and build.** Peak memory is the RSS of the whole process tree. *Floor*: DuckDB's own " +
      "`COPY (SELECT * FROM read_csv(…)) TO … (FORMAT parquet)` of the same files.",
    table(
      ["export", "crisis rows", "affected rows", "load", "load peak", "floor", "floor peak", "load / floor", "publish", "build"],
      ingest.map((s) => [
        s.label,
        count(s.rows.crisis_contacts),
        count(s.rows.affected_records),
        ...measured(s.load),
        ...measured(s.floor),
        s.ratio.toFixed(2),
        seconds(s.publish.seconds),
        seconds(s.build.seconds)
      ])
    )
  );
}

function fileKindsSection(kinds: FileKindResult[]): string[] {
  return section(
    "**File kinds.** The same export written another way, loaded once each through the CLI.",
    table(
      ["export", "written as", "table files", "load", "load peak"],
      kinds.map((k) => [k.label, k.kind, `${mib(k.bytes)} MB`, ...measured(k.load)])
    )
  );
}

function siteSection({label, pages, explorer}: SiteResult): string[] {
  return section(
    `**Browser, ${label} build** (headless Chromium, cold cache, 127.0.0.1). Bytes: response bodies ` +
      "fetched before the first chart, as served and gzipped one by one.",
    table(
      ["page", "headline", "first chart", "bytes before it", "gzipped"],
      pages.map((p) => [
        p.path,
        ms(p.headlineMs),
        p.firstChartMs == null ? "no chart" : ms(p.firstChartMs),
        `${kib(p.rawBytes)} KB`,
        `${kib(p.gzipBytes)} KB`
      ])
    ),
    `Explorer: first chart at ${ms(explorer.firstChartMs)} after ${mb(explorer.transferredBeforeChart)} MB on the wire (cold); ` +
      `first chart drawn by DuckDB-WASM at ${ms(explorer.engineChartMs)} after ${mb(explorer.transferredBeforeEngineChart)} MB; ` +
      `DuckDB-WASM ready with the published tables in ${ms(explorer.readyMs)}; ` +
      `a repeat visit transfers ${kib(explorer.repeatVisitBytes)} KB; ` +
      `${explorer.samples.length} filter changes: p50 ${explorer.p50.toFixed(1)} ms, p95 ${explorer.p95.toFixed(1)} ms, ` +
      `max ${explorer.max.toFixed(1)} ms.`
  );
}

/** A run's time and peak memory, as two cells. */
function measured({seconds: s, peakRss}: Measurement): [string, string] {
  return [seconds(s), `${mib(peakRss)} MB`];
}

function table(header: string[], rows: string[][]): string {
  const numeric = (cell: string) => /^[\d.,]+( \w+)?$/.test(cell) || cell === "no chart";
  const align = header.map((_, i) => (rows.every((row) => numeric(row[i]!)) ? "--:" : "---"));
  return [header, align, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

function ms(milliseconds: number): string {
  return `${milliseconds.toFixed(0)} ms`;
}

/** Mebibytes with one decimal, for sizes near the budgets' megabytes. */
function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function seconds(s: number): string {
  return Number.isNaN(s) ? "–" : `${s.toFixed(1)} s`;
}

export function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

export function kib(bytes: number): string {
  return (bytes / 1024).toFixed(0);
}

/** What `npm run bench` was asked for: its options, read from the command line. */
export function benchOptions(args: string[]) {
  const {values} = parseArgs({
    args,
    options: {
      quick: {type: "boolean", default: false},
      seed: {type: "string", default: "2020"},
      scales: {type: "string"},
      "ingest-only": {type: "boolean", default: false}
    }
  });
  const mode: Results["mode"] = values.quick ? "quick" : values["ingest-only"] ? "ingest only" : "full";
  // Custom scales measure something other than the committed figures, so they never replace them.
  const label = values.scales && mode === "full" ? "custom scales" : mode;
  return {quick: values.quick!, seed: values.seed!, scales: values.scales, ingestOnly: values["ingest-only"]!, mode, label};
}

/**
 * Where a run's figures go. Only a full run replaces the committed results.json and results.md; any
 * other (quick, ingest only, custom scales) writes results.<mode>.* in the git-ignored work/ folder.
 */
export function resultsFiles(bench: string, label: string): {json: string; md: string} {
  const base = label === "full" ? join(bench, "results") : join(bench, "work", `results.${label.replace(/\W+/g, "-")}`);
  return {json: `${base}.json`, md: `${base}.md`};
}
