// Latency of the Explore page: time from a filter change to every chart redrawn (and the next frame),
// over 50 scripted changes in headless Chromium on the built site. `npm run bench` runs it on each
// site it measures; on its own it prints p50/p95/max in ms (and "over budget" past issue 15's 50 ms), and exits
// non-zero only when the page reports an error:
//   npm run build && npx tsx test/bench/exploreLatency.ts   (VUOTO_DIST picks another build)
import {readFile} from "node:fs/promises";
import type {Page} from "playwright-core";
import {launchChromium} from "../../src/node/chromium.js";
import type {ExploreState} from "../../src/lib/exploreState.js";
import {emptyState} from "../../src/lib/exploreState.js";
import {serveStatic} from "../../src/node/staticServer.js";
import {openWatchedPage} from "../browser/chromium.js";

const CHANGES = 50;
const districts = ["25", "06", "03", "18", "00", "11"];
const ages = ["18-24", "25-34", "65+", "0-14"];
const services = ["chat", "parish", "crisis_helpline"];
const weeks: Array<[string, string]> = [
  ["2020-10-19", "2020-11-01"],
  ["2020-08-03", "2020-12-27"],
  ["2021-01-04", "2021-01-31"]
];

// A fixed walk through states, as clicks and brushes would make them: one change at a time.
export function scriptedStates(): ExploreState[] {
  const states: ExploreState[] = [];
  let state = emptyState;
  for (let i = 0; i < CHANGES; ++i) {
    switch (i % 5) {
      case 0: state = {...state, districts: i % 10 ? [districts[i % districts.length]!] : []}; break;
      case 1: state = {...state, ageGroups: [ages[i % ages.length]!]}; break;
      case 2: state = {...state, services: i % 4 ? [services[i % services.length]!] : []}; break;
      case 3: [state.from, state.to] = weeks[i % weeks.length]!, state = {...state}; break;
      default: state = {...state, measure: state.measure === "people" ? "contacts" : "people", ageGroups: []};
    }
    states.push(state);
  }
  return states;
} // prettier-ignore

export interface FilterLatency {
  p50: number;
  p95: number;
  max: number;
  samples: number[];
  /** p50 and p95 of the queries and of the drawing, from the explorer's own performance measures. */
  phases: Record<"queries" | "draw", {p50: number; p95: number}>;
  /** Per query ("charts", the one query of a change; "cached" when answered from an earlier change): runs, p50 and p95 in ms. */
  queries: Record<string, {count: number; p50: number; p95: number}>;
}

/** Applies the 50 scripted filter changes on an Explore page that is ready (`window.__vuotoExplore`). */
export async function filterLatency(page: Page): Promise<FilterLatency> {
  const samples = await page.evaluate(async (states) => {
    const explore = (window as unknown as {__vuotoExplore: {applyFilter(state: unknown): Promise<void>}})
      .__vuotoExplore;
    const times: number[] = [];
    for (const state of states) {
      const start = performance.now();
      await explore.applyFilter(state);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      times.push(performance.now() - start);
    }
    return times;
  }, scriptedStates());
  const [queries, draw] = await page.evaluate(() =>
    ["explore-queries", "explore-draw"].map((name) => performance.getEntriesByName(name).map((entry) => entry.duration))
  );
  // Each query's own time, by name, with "cached" for answers the explorer kept from an earlier change.
  const perQuery = await page.evaluate(() =>
    performance
      .getEntriesByType("measure")
      .filter((entry) => entry.name.startsWith("explore-query "))
      .map((entry) => [entry.name.slice("explore-query ".length), entry.duration] as [string, number])
  );
  const byQuery = new Map<string, number[]>();
  for (const [name, duration] of perQuery) byQuery.set(name, [...(byQuery.get(name) ?? []), duration]);
  const spread = (values: number[]) => ({p50: quantile(values, 0.5), p95: quantile(values, 0.95)});
  return {
    ...spread(samples),
    max: Math.max(...samples),
    samples,
    phases: {queries: spread(queries!), draw: spread(draw!)},
    queries: Object.fromEntries([...byQuery].map(([name, values]) => [name, {count: values.length, ...spread(values)}]))
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

// A benchmark prints its figures and leaves judging them to people: only a broken page fails it.
if (process.argv[1]?.endsWith("exploreLatency.ts")) {
  const BUDGET = 50;
  const server = await serveStatic(process.env.VUOTO_DIST ?? "dist");
  const browser = await launchChromium();
  try {
    const {page, problems} = await openWatchedPage(browser, server.url);
    await page.goto(`${server.url}/fi/explore`, {waitUntil: "load"});
    await page.waitForFunction(() => "__vuotoExplore" in window, null, {timeout: 60_000});
    const {p50, p95, max, samples, phases, queries} = await filterLatency(page);
    if (problems.length) throw new Error(`the explore page reported problems:\n${problems.join("\n")}`);
    const load = (await readFile("/proc/loadavg", "utf8").catch(() => "")).split(" ").slice(0, 3).join(" ");
    for (const [name, phase] of Object.entries(phases))
      console.log(`${name}: p50 ${phase.p50.toFixed(1)} ms, p95 ${phase.p95.toFixed(1)} ms`);
    for (const [name, {count, p50, p95}] of Object.entries(queries).sort())
      console.log(`  query ${name}: ${count} runs, p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    console.log(
      `explore filter change → charts redrawn, ${samples.length} changes: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms` +
        (p95 > BUDGET ? ` — over budget (p95 ≤ ${BUDGET} ms)` : "") +
        (load ? ` (load average ${load})` : "")
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}
