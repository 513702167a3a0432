// Latency of the Explore page: time from a filter change to every chart redrawn (and the next frame),
// over 50 scripted changes in headless Chromium on the built site. `npm run bench` runs it on each
// site it measures; on its own it prints p50/p95/max in ms:
//   npm run build && npx tsx test/bench/exploreLatency.ts   (VUOTO_DIST picks another build)
import type {Page} from "playwright-core";
import {launchChromium} from "../../src/lib/chromium.js";
import type {ExploreState} from "../../src/lib/exploreState.js";
import {emptyState} from "../../src/lib/exploreState.js";
import {serveStatic} from "../../src/lib/staticServer.js";

const CHANGES = 50;
const districts = ["25", "06", "03", "18", "00", "11"];
const ages = ["18-24", "25-34", "65+", "0-14"];
const services = ["chat", "parish", "crisis_helpline"];
const weeks = [["2020-10-19", "2020-11-01"], ["2020-08-03", "2020-12-27"], ["2021-01-04", "2021-01-31"]];

// A fixed walk through states, as clicks and brushes would make them: one change at a time.
function scriptedStates(): ExploreState[] {
  const states: ExploreState[] = [];
  let state = emptyState;
  for (let i = 0; i < CHANGES; ++i) {
    switch (i % 5) {
      case 0: state = {...state, districts: i % 10 ? [districts[i % districts.length]] : []}; break;
      case 1: state = {...state, ageGroups: [ages[i % ages.length]]}; break;
      case 2: state = {...state, services: i % 4 ? [services[i % services.length]] : []}; break;
      case 3: [state.from, state.to] = weeks[i % weeks.length], state = {...state}; break;
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
  /** Median time of the queries and of the drawing, from the explorer's own performance measures. */
  phases: {queries: number; draw: number};
}

/** Applies the 50 scripted filter changes on an Explore page that is ready (`window.__vuotoExplore`). */
export async function filterLatency(page: Page): Promise<FilterLatency> {
  const samples = await page.evaluate(async (states) => {
    const explore = (window as unknown as {__vuotoExplore: {applyFilter(state: unknown): Promise<void>}}).__vuotoExplore;
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
    ["explore-queries", "explore-draw"].map((name) => {
      const durations = performance.getEntriesByName(name).map((entry) => entry.duration).sort((a, b) => a - b);
      return durations[Math.floor(durations.length / 2)] ?? NaN;
    })
  );
  const sorted = [...samples].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {p50: quantile(0.5), p95: quantile(0.95), max: sorted[sorted.length - 1], samples, phases: {queries, draw}};
}

if (process.argv[1]?.endsWith("exploreLatency.ts")) {
  const server = await serveStatic(process.env.VUOTO_DIST ?? "dist");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(`${server.url}/explore`, {waitUntil: "load"});
    await page.waitForFunction(() => "__vuotoExplore" in window, null, {timeout: 60_000});
    const {p50, p95, max, samples, phases} = await filterLatency(page);
    console.log(
      `explore filter change → charts redrawn, ${samples.length} changes: ` +
        `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms` +
        ` (median queries ${phases.queries.toFixed(1)} ms, draw ${phases.draw.toFixed(1)} ms)`
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
