// Where a report page's time goes before its first chart, from the browser's own Performance API and
// Chromium's counters (cold cache, headless Debian Chromium, the built site on 127.0.0.1): requests by
// kind and the waterfall's depth, long tasks, script, layout and style time, and the first paint.
//   npm run build && npx tsx test/bench/firstChart.ts [/fi/affected …]   (VUOTO_DIST picks another build;
//   PROFILE=1 adds CPU self time by script, PROFILE=functions by function, PROFILE=phases the time
//   spent under each of the page's own functions and when, from navigation; TRACE=1 the browser's own
//   events on the page's main thread before the chart, such as parsing, compiling, style and layout,
//   by total time: nested events are counted in each of theirs)
import {reportPages} from "../../observablehq.config.js";
import {launchChromium} from "../../src/node/chromium.js";
import {serveStatic} from "../../src/node/staticServer.js";

// The page's own functions whose time (their callees' included) makes a phase of the wait: charts and
// widgets, figure(), Parquet decoding. Time under none of them in a page's bundle is module evaluation
// or a cell's own code; time in no script is the browser's (parse, style, layout, paint, GC).
const PHASES = [
  "readPublishedRows",
  "Choropleth",
  "TileCartogram",
  "KeyDates",
  "HeadlineFigures",
  "DataDownloads",
  "ExportBadge",
  "CrisisNational",
  "CrisisSmallMultiples",
  "CrisisTable",
  "CumulativeLines",
  "PublicationTimeline",
  "WeeklyTimeline",
  "CountBars",
  "CategoryBars",
  "countyFigures",
  "districtFigures",
  "figure"
];

interface ProfileNode {
  id: number;
  callFrame: {functionName: string; url: string};
  children?: number[];
}

/** Inclusive CPU time by phase, with the span (first–last sample, ms from the profile's start) of each. */
function phases(profile: {nodes: ProfileNode[]; startTime: number; samples?: number[]; timeDeltas?: number[]}) {
  const parent = new Map<number, ProfileNode>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const phaseOf = (leaf: ProfileNode): string => {
    let inBundle = false;
    for (let node: ProfileNode | undefined = leaf; node; node = parent.get(node.id)) {
      if (PHASES.includes(node.callFrame.functionName)) return node.callFrame.functionName;
      if (/\.(modules|inline)-[0-9a-f]+\.js$/.test(node.callFrame.url)) inBundle = true;
    }
    if (inBundle) return "page code";
    const name = leaf.callFrame.functionName;
    return leaf.callFrame.url ? "framework" : name === "(idle)" ? "idle" : `browser ${name}`;
  };
  const spans = new Map<string, {ms: number; first: number; last: number}>();
  let at = 0;
  profile.samples?.forEach((id, i) => {
    const dt = (profile.timeDeltas?.[i] ?? 0) / 1000;
    at += dt;
    const phase = phaseOf(byId.get(id)!);
    const span = spans.get(phase) ?? {ms: 0, first: at, last: at};
    spans.set(phase, {ms: span.ms + dt, first: span.first, last: at});
  });
  return [...spans]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([phase, {ms, first, last}]) => `${phase} ${ms.toFixed(0)} ms (${first.toFixed(0)}–${last.toFixed(0)})`)
    .join("; ");
}

const paths =
  process.argv.length > 2
    ? process.argv.slice(2)
    : reportPages.filter((p) => p.lang === "fi" && !p.path.endsWith("methods")).map((p) => p.path);
const server = await serveStatic(process.env.VUOTO_DIST ?? "dist");
const browser = await launchChromium();
try {
  for (const path of paths) {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.addInitScript(() => {
      const tasks: Array<[number, number]> = [];
      (window as unknown as {__tasks: typeof tasks}).__tasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
      }).observe({type: "longtask", buffered: true});
    });
    if (process.env.PROFILE) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", {interval: 200});
      await cdp.send("Profiler.start");
    }
    if (process.env.TRACE)
      await browser.startTracing(page, {
        categories: ["devtools.timeline", "v8", "disabled-by-default-v8.compile", "blink"]
      });
    await page.goto(server.url + path, {waitUntil: "commit"});
    const chart = await page
      .waitForFunction(
        () => (document.querySelector("[data-chart] svg [aria-label]")?.checkVisibility() ? performance.now() : 0),
        null,
        {polling: "raf", timeout: 120_000}
      )
      .then((handle) => handle.jsonValue());
    if (process.env.TRACE) {
      const trace = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: Array<{name: string; ph: string; dur?: number; pid: number; tid: number; args?: {name?: string}}>;
      };
      // The page's renderer main thread: of the threads named CrRendererMain, the busiest.
      const busy = new Map<string, number>();
      const mains = new Set(
        trace.traceEvents
          .filter((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain")
          .map((event) => `${event.pid}:${event.tid}`)
      );
      for (const event of trace.traceEvents)
        if (event.ph === "X" && event.dur && mains.has(`${event.pid}:${event.tid}`))
          busy.set(`${event.pid}:${event.tid}`, (busy.get(`${event.pid}:${event.tid}`) ?? 0) + event.dur);
      const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
      const byName = new Map<string, number>();
      for (const event of trace.traceEvents)
        if (event.ph === "X" && event.dur && `${event.pid}:${event.tid}` === main)
          byName.set(event.name, (byName.get(event.name) ?? 0) + event.dur / 1000);
      const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20);
      console.log(`  main thread: ${top.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join("; ")}`);
    }
    if (process.env.PROFILE) {
      // Self time by script, from a sampled CPU profile: which code runs before the chart.
      const {profile} = await cdp.send("Profiler.stop");
      const byUrl = new Map<string, number>();
      const dt = new Map<number, number>();
      profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
      for (const node of profile.nodes) {
        const url = node.callFrame.url.replace(/^.*\/(_[a-z]+\/)/, "$1") || `(${node.callFrame.functionName})`;
        // PROFILE=functions: by function, since a page's modules are now one bundle.
        const key =
          process.env.PROFILE === "functions"
            ? `${node.callFrame.functionName || "(anonymous)"} ${url.split("/").pop()}:${node.callFrame.lineNumber + 1}`
            : url;
        byUrl.set(key, (byUrl.get(key) ?? 0) + (dt.get(node.id) ?? 0));
      }
      if (process.env.PROFILE === "phases") console.log(`  phases: ${phases(profile)}`);
      const top = [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, process.env.PROFILE === "functions" ? 25 : 12);
      console.log(`  CPU self time: ${top.map(([u, ms]) => `${u} ${ms.toFixed(0)}`).join("; ")}`);
    }
    const metrics = Object.fromEntries(
      (await cdp.send("Performance.getMetrics")).metrics.map(({name, value}) => [name, value])
    );
    const timings = await page.evaluate((until) => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const resources = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
        (entry) => entry.responseEnd <= until
      );
      const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
      return {
        html: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        paint,
        resources: resources.map((r) => ({
          name: new URL(r.name).pathname,
          kind: r.initiatorType,
          start: r.startTime,
          end: r.responseEnd,
          bytes: r.encodedBodySize
        })),
        tasks: (window as unknown as {__tasks: Array<[number, number]>}).__tasks
      };
    }, chart);
    const kind = (name: string) =>
      name.endsWith(".parquet") || name.endsWith(".json")
        ? "data"
        : name.endsWith(".css")
          ? "css"
          : name.endsWith(".js")
            ? "js"
            : "other";
    const byKind = new Map<string, {count: number; bytes: number; lastEnd: number}>();
    for (const r of timings.resources) {
      const k = byKind.get(kind(r.name)) ?? {count: 0, bytes: 0, lastEnd: 0};
      byKind.set(kind(r.name), {count: k.count + 1, bytes: k.bytes + r.bytes, lastEnd: Math.max(k.lastEnd, r.end)});
    }
    const longTasks = timings.tasks.filter(([start]) => start < chart);
    console.log(
      `${path}: first chart ${chart.toFixed(0)} ms; html ${timings.html.toFixed(0)}, DOMContentLoaded ` +
        `${timings.domContentLoaded.toFixed(0)}, first paint ${timings.paint.toFixed(0)} ms; script ` +
        `${(metrics.ScriptDuration! * 1000).toFixed(0)} ms, layout ${(metrics.LayoutDuration! * 1000).toFixed(0)} ms, ` +
        `style ${(metrics.RecalcStyleDuration! * 1000).toFixed(0)} ms, tasks ${(metrics.TaskDuration! * 1000).toFixed(0)} ms; ` +
        `long tasks ${longTasks.length} (${longTasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(", ")})`
    );
    for (const [k, v] of byKind)
      console.log(
        `  ${k}: ${v.count} requests, ${(v.bytes / 1024).toFixed(0)} KB as sent, last ends at ${v.lastEnd.toFixed(0)} ms`
      );
    if (process.env.VERBOSE)
      for (const r of timings.resources.sort((a, b) => a.start - b.start))
        console.log(`    ${r.start.toFixed(0).padStart(5)}–${r.end.toFixed(0).padStart(5)} ${r.name}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
