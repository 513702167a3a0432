import {execFile} from "node:child_process";
import {join} from "node:path";
import {promisify} from "node:util";
import {expect, test} from "vitest";
import {projectRoot} from "../../src/node/paths.js";
import {
  benchOptions,
  describeMachine,
  evaluateBudgets,
  resultsFiles,
  resultsMarkdown,
  type ScaleResult,
  type SiteResult
} from "../bench/results.js";

const filesFor = (...args: string[]) => resultsFiles("/b", benchOptions(args).label);

test("only a full benchmark run writes the committed results; a quick one goes to the git-ignored work/", () => {
  expect(filesFor()).toEqual({json: "/b/results.json", md: "/b/results.md"});
  expect(filesFor("--quick")).toEqual({json: "/b/work/results.quick.json", md: "/b/work/results.quick.md"});
  expect(filesFor("--quick", "--seed", "7")).toEqual({
    json: "/b/work/results.quick.json",
    md: "/b/work/results.quick.md"
  });
  expect(filesFor("--ingest-only").json).toBe("/b/work/results.ingest-only.json");
  expect(filesFor("--scales", "31").json).toBe("/b/work/results.custom-scales.json");
  expect(filesFor("--quick", "--scales", "31").json).toBe("/b/work/results.quick.json");
  expect(benchOptions(["--quick"]).mode).toBe("quick");
});

// The budgets at their edges: "≤" budgets are met at the limit, "<" budgets are not.
const scale = (ratio: number, peakRss: number): ScaleResult => {
  const run = {seconds: 1, peakRss};
  const rows = {crisis_contacts: 10, affected_records: 10};
  return {label: "s1", rows, load: run, floor: run, ratio, publish: run, build: run};
};
const site = (label: string, p95: number, repeatVisitBytes: number): SiteResult => ({
  label,
  pages: [{path: "/en/", headlineMs: 1, firstChartMs: 1000, rawBytes: 1, gzipBytes: 300 * 1024 + 1}],
  explorer: {
    ...{readyMs: 1, firstChartMs: 1, transferredBeforeChart: 8 * 2 ** 20, engineChartMs: 1},
    ...{transferredBeforeEngineChart: 1, repeatVisitBytes, p50: 1, p95, max: p95, samples: [p95]}
  } as SiteResult["explorer"]
});
const verdicts = (budgets: {name: string; met: boolean}[]) => budgets.map(({name, met}) => [name, met]);

test("bench budgets are met at a ≤ limit and missed at a < limit; the p95 budget is the sample build's", () => {
  const budgets = evaluateBudgets([scale(1.4, 1), scale(1.5, 2 * 2 ** 30)], [site("sample", 50, 100 * 1024)]);
  expect(verdicts(budgets)).toEqual([
    ["load / DuckDB COPY ≤ 1.5 (s1, 10 crisis rows)", true],
    ["load peak memory < 2 GB (s1)", true],
    ["load peak memory < 2 GB (s1)", false],
    ["/en/ first chart ≤ 1 s (sample)", true],
    ["/en/ ≤ 300 KB gzipped before the first chart (sample)", false],
    ["/explore ≤ 8 MB transferred before its first chart, cold (sample)", true],
    ["/explore repeat visit < 100 KB transferred (sample)", false],
    ["explorer filter change p95 ≤ 50 ms (sample)", true]
  ]);
  const over = evaluateBudgets([scale(1.51, 1)], [site("10m", 50.1, 0)]);
  expect(verdicts(over).filter(([name]) => /COPY|p95|repeat/.test(String(name)))).toEqual([
    ["load / DuckDB COPY ≤ 1.5 (s1, 10 crisis rows)", false],
    ["/explore repeat visit < 100 KB transferred (10m)", true]
  ]);
  expect(() => evaluateBudgets([], [])).toThrow("missing ingest results");
});

test("bench results markdown has one table per kind of result, and marks a missed budget", () => {
  const ingest = [scale(1.6, 1)];
  const sites = [site("sample", 10, 1)];
  const md = resultsMarkdown({
    ...{machine: describeMachine(), date: "2026-11-29T12:00:00Z", mode: "quick", seed: 1, seconds: 3},
    ...{ingest, sites, budgets: evaluateBudgets(ingest, sites)}
  });
  expect(md).toContain("| s1 | 10 | 10 | 1.0 s | 0 MB | 1.0 s | 0 MB | 1.60 | 1.0 s | 1.0 s |");
  expect(md).toContain("| /en/ | 1 ms | 1000 ms | 0 KB | 300 KB |");
  expect(md).toContain("| load / DuckDB COPY ≤ 1.5 (s1, 10 crisis rows) | 1.60 | over budget |");
  expect(md).not.toContain("File kinds");
});

test("the bench's modules load outside vitest (npm run bench runs under tsx, not vitest)", async () => {
  // Importing vitest outside its runner throws "Vitest failed to access its internal state": a helper
  // that the browser tests and the bench share must not import it.
  const modules = ["browser", "exploreLatency", "fileKinds", "measure", "results"];
  const script = modules.map((m) => `await import(${JSON.stringify(`./test/bench/${m}.ts`)});`).join(" ");
  const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
  const run = promisify(execFile)(tsx, ["--eval", `(async () => { ${script} })()`], {cwd: projectRoot});
  await expect(run).resolves.toMatchObject({stderr: ""});
}, 120_000);
