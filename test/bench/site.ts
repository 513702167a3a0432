// Only the browser part of the bench, on a site already built, run several times back to back: the
// figures a change to the pages' loading path or the explorer is judged by, with the machine's load,
// and the median of each figure over the runs (a shared machine moves single runs by a third).
//   npm run build && npx tsx test/bench/site.ts [runs, default 3]   (VUOTO_DIST picks another build)
import {readFile} from "node:fs/promises";
import {measureSite} from "./browser.js";

const runs = Number(process.argv[2] ?? 3);
if (!(runs >= 1)) throw new Error(`invalid runs: ${process.argv[2]} (a count of at least 1)`);
const dist = process.env.VUOTO_DIST ?? "dist";
const load = async () => (await readFile("/proc/loadavg", "utf8").catch(() => "")).split(" ").slice(0, 3).join(" ");

const figures = new Map<string, number[]>();
const note = (name: string, value: number | null) => {
  if (value !== null) figures.set(name, [...(figures.get(name) ?? []), value]);
};
for (let run = 1; run <= runs; ++run) {
  const before = await load();
  const {pages, explorer} = await measureSite(dist);
  for (const page of pages) {
    note(`${page.path} first chart ms`, page.firstChartMs);
    note(`${page.path} headline ms`, page.headlineMs);
    note(`${page.path} gzip KB before chart`, page.gzipBytes / 1024);
  }
  note("explore first chart ms", explorer.firstChartMs);
  note("explore ready ms", explorer.readyMs);
  note("explore filter p50 ms", explorer.p50);
  note("explore filter p95 ms", explorer.p95);
  note("explore queries p95 ms", explorer.phases.queries.p95);
  note("explore draw p95 ms", explorer.phases.draw.p95);
  const charts = pages.flatMap((page) => (page.firstChartMs === null ? [] : [page.firstChartMs]));
  console.log(
    `run ${run} (load ${before} → ${await load()}): report first chart ${Math.min(...charts).toFixed(0)}–` +
      `${Math.max(...charts).toFixed(0)} ms; explore filter p50 ${explorer.p50.toFixed(1)} ms, p95 ` +
      `${explorer.p95.toFixed(1)} ms (queries p95 ${explorer.phases.queries.p95.toFixed(1)}, draw p95 ` +
      `${explorer.phases.draw.p95.toFixed(1)})`
  );
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`medians over ${runs} runs:`);
for (const [name, values] of figures) console.log(`  ${name}: ${median(values).toFixed(1)}`);
