// Where the explorer's filter-change time goes beyond its own script: the browser's style, layout and
// script time (Chromium's counters) over the 50 scripted changes of exploreLatency.ts, per change.
//   npm run build && npx tsx test/bench/exploreFrames.ts   (VUOTO_DIST picks another build; PROFILE=1 adds
//   CPU self time by function over the changes; TRACE=1 the browser's own events by total duration)
import {launchChromium} from "../../src/node/chromium.js";
import {serveStatic} from "../../src/node/staticServer.js";
import {openWatchedPage} from "../browser/chromium.js";
import {filterLatency} from "./exploreLatency.js";

const server = await serveStatic(process.env.VUOTO_DIST ?? "dist");
const browser = await launchChromium();
try {
  const {page} = await openWatchedPage(browser, server.url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${server.url}/fi/explore`, {waitUntil: "load"});
  await page.waitForFunction(() => "__vuotoExplore" in window, null, {timeout: 60_000});
  const metrics = async () =>
    Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map(({name, value}) => [name, value]));
  if (process.env.PROFILE) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", {interval: 200});
    await cdp.send("Profiler.start");
  }
  if (process.env.TRACE)
    await browser.startTracing(page, {categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"]});
  const before = await metrics();
  const {p50, p95, samples} = await filterLatency(page);
  const after = await metrics();
  if (process.env.TRACE) {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: Array<{name: string; ph: string; dur?: number; tid: number}>;
    };
    const byName = new Map<string, number>();
    for (const event of trace.traceEvents)
      if (event.ph === "X" && event.dur)
        byName.set(
          `${event.name} (thread ${event.tid})`,
          (byName.get(`${event.name} (thread ${event.tid})`) ?? 0) + event.dur / 1000
        );
    for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${(ms / samples.length).toFixed(2).padStart(6)} ms/change  ${name}`);
  }
  if (process.env.PROFILE) {
    const {profile} = await cdp.send("Profiler.stop");
    const self = new Map<number, number>();
    profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
    const byFunction = new Map<string, number>();
    for (const node of profile.nodes) {
      const file = node.callFrame.url.split("/").pop() ?? "";
      const key = `${node.callFrame.functionName || "(anonymous)"} ${file}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0));
    }
    const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const [name, ms] of top) console.log(`  ${(ms / samples.length).toFixed(2).padStart(6)} ms/change  ${name}`);
  }
  const per = (name: string) => (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / samples.length;
  console.log(
    `per change: script ${per("ScriptDuration").toFixed(1)} ms, style ${per("RecalcStyleDuration").toFixed(1)} ms, ` +
      `layout ${per("LayoutDuration").toFixed(1)} ms, tasks ${per("TaskDuration").toFixed(1)} ms; ` +
      `style recalcs ${((after.RecalcStyleCount! - before.RecalcStyleCount!) / samples.length).toFixed(1)}, layouts ` +
      `${((after.LayoutCount! - before.LayoutCount!) / samples.length).toFixed(1)}, nodes ${after.Nodes}; ` +
      `filter p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`
  );
} finally {
  await browser.close();
  await server.close();
}
