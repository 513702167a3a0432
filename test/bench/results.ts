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
  build: Measurement;
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
  const budgets: Budget[] = [];
  // The ratio is held at the largest export measured (10 million rows in a full run): on small ones the
  // loader's fixed costs (startup, sniffing, the manifest) dominate.
  const largest = ingest[ingest.length - 1]!;
  budgets.push({
    name: `load / DuckDB COPY ≤ ${RATIO_BUDGET} (${largest.label}, ${count(largest.rows.crisis_contacts)} crisis rows)`,
    value: largest.ratio.toFixed(2),
    met: largest.ratio <= RATIO_BUDGET
  });
  for (const scale of ingest) {
    budgets.push({
      name: `load peak memory < 2 GB (${scale.label})`,
      value: `${mib(scale.load.peakRss)} MB`,
      met: scale.load.peakRss < MEMORY_BUDGET
    });
  }
  for (const site of sites) {
    for (const page of site.pages) {
      if (page.firstChartMs !== null)
        budgets.push({
          name: `${page.path} first chart ≤ 1 s (${site.label})`,
          value: `${page.firstChartMs.toFixed(0)} ms`,
          met: page.firstChartMs <= FIRST_CHART_MS_BUDGET
        });
      budgets.push({
        name: `${page.path} ≤ 300 KB gzipped before the first chart (${site.label})`,
        value: `${kib(page.gzipBytes)} KB`,
        met: page.gzipBytes <= FIRST_CHART_GZIP_BUDGET
      });
    }
    const {explorer} = site;
    budgets.push(
      {
        name: `/explore ≤ 8 MB transferred before its first chart, cold (${site.label})`,
        value: `${(explorer.transferredBeforeChart / 2 ** 20).toFixed(1)} MB`,
        met: explorer.transferredBeforeChart <= EXPLORER_COLD_BUDGET
      },
      {
        name: `/explore repeat visit < 100 KB transferred (${site.label})`,
        value: `${kib(explorer.repeatVisitBytes)} KB`,
        met: explorer.repeatVisitBytes < REPEAT_VISIT_BUDGET
      }
    );
  }
  const sample = sites.find((site) => site.label === "sample");
  if (sample) {
    budgets.push({
      name: `explorer filter change p95 ≤ ${FILTER_P95_BUDGET} ms (sample)`,
      value: `${sample.explorer.p95.toFixed(1)} ms`,
      met: sample.explorer.p95 <= FILTER_P95_BUDGET
    });
  }
  return budgets;
}

export function resultsMarkdown(results: Results): string {
  const {machine} = results;
  const lines = [
    `Measured ${results.date.slice(0, 10)} (${results.mode} run, seed ${results.seed}, ${results.seconds} s) ` +
      `on ${machine.summary}.`,
    "",
    "**Ingest and build.** Peak memory is the RSS of the whole process tree. *Floor*: DuckDB's own " +
      "`COPY (SELECT * FROM read_csv(…)) TO … (FORMAT parquet)` of the same files.",
    "",
    table(
      ["export", "crisis rows", "affected rows", "load", "load peak", "floor", "floor peak", "load / floor", "publish", "build"],
      results.ingest.map((s) => [
        s.label,
        count(s.rows.crisis_contacts),
        count(s.rows.affected_records),
        seconds(s.load.seconds),
        `${mib(s.load.peakRss)} MB`,
        seconds(s.floor.seconds),
        `${mib(s.floor.peakRss)} MB`,
        s.ratio.toFixed(2),
        seconds(s.publish.seconds),
        seconds(s.build.seconds)
      ])
    )
  ];
  if (results.fileKinds?.length) {
    lines.push(
      "",
      "**File kinds.** The same export written another way, loaded once each through the CLI.",
      "",
      table(
        ["export", "written as", "table files", "load", "load peak"],
        results.fileKinds.map((k) => [
          k.label,
          k.kind,
          `${mib(k.bytes)} MB`,
          seconds(k.load.seconds),
          `${mib(k.load.peakRss)} MB`
        ])
      )
    );
  }
  for (const site of results.sites) {
    const {explorer} = site;
    lines.push(
      "",
      `**Browser, ${site.label} build** (headless Chromium, cold cache, 127.0.0.1). Bytes: response bodies ` +
        "fetched before the first chart, as served and gzipped one by one.",
      "",
      table(
        ["page", "headline", "first chart", "bytes before it", "gzipped"],
        site.pages.map((p) => [
          p.path,
          `${p.headlineMs.toFixed(0)} ms`,
          p.firstChartMs == null ? "no chart" : `${p.firstChartMs.toFixed(0)} ms`,
          `${kib(p.rawBytes)} KB`,
          `${kib(p.gzipBytes)} KB`
        ])
      ),
      "",
      `Explorer: first chart at ${explorer.firstChartMs.toFixed(0)} ms after ${(explorer.transferredBeforeChart / 2 ** 20).toFixed(1)} MB on the wire (cold); ` +
        `first chart drawn by DuckDB-WASM at ${explorer.engineChartMs.toFixed(0)} ms after ${(explorer.transferredBeforeEngineChart / 2 ** 20).toFixed(1)} MB; ` +
        `DuckDB-WASM ready with the published tables in ${explorer.readyMs.toFixed(0)} ms; ` +
        `a repeat visit transfers ${kib(explorer.repeatVisitBytes)} KB; ` +
        `${explorer.samples.length} filter changes: p50 ${explorer.p50.toFixed(1)} ms, p95 ${explorer.p95.toFixed(1)} ms, ` +
        `max ${explorer.max.toFixed(1)} ms.`
    );
  }
  const budgets = results.budgets.map((b) => [b.name, b.value, b.met ? "met" : "over budget"]);
  lines.push("", "**Budgets**", "", table(["budget", "measured", ""], budgets));
  return lines.join("\n") + "\n";
}

function table(header: string[], rows: string[][]): string {
  const numeric = (cell: string) => /^[\d.,]+( \w+)?$/.test(cell) || cell === "no chart";
  const align = header.map((_, i) => (rows.every((row) => numeric(row[i]!)) ? "--:" : "---"));
  return [header, align, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
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
