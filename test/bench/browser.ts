// What a reader waits for, in headless Chromium on a built site served from 127.0.0.1, each page in a
// new browser context (cold cache): on a report page, the time to its headline figures and to its
// first chart, and the bytes fetched until then; on the explorer, the time until DuckDB-WASM has
// loaded the published tables and drawn, then the latency of 50 filter changes.
import {gzipSync} from "node:zlib";
import type {Browser, Page, Response} from "playwright-core";
import {reportPages} from "../../observablehq.config.js";
import {launchChromium} from "../../src/node/chromium.js";
import {serveStatic} from "../../src/node/staticServer.js";
import {filterLatency, type FilterLatency} from "./exploreLatency.js";

export interface PageTiming {
  path: string;
  /** ms from navigation start until the export line or the headline figures are visible. */
  headlineMs: number;
  /** ms until the first chart has marks; null on a page without charts. */
  firstChartMs: number | null;
  /** Response bodies fetched before the first chart (or the headline, without charts), as sent. */
  rawBytes: number;
  /** The same bodies gzipped one by one: about what a compressing server would send. */
  gzipBytes: number;
}

export interface ExplorerTiming extends FilterLatency {
  /** ms from navigation start until the explorer is ready (DuckDB-WASM up, tables loaded, charts drawn). */
  readyMs: number;
  /** ms from navigation start until its first chart has marks. */
  firstChartMs: number;
  /** Bytes on the wire (headers and bodies as sent, compressed or not) before the first chart, cold cache. */
  transferredBeforeChart: number;
  /** ms until the first chart drawn by DuckDB-WASM (the first chart before it is drawn from the published files). */
  engineChartMs: number;
  /** Bytes on the wire before that chart, cold cache. */
  transferredBeforeEngineChart: number;
  /** Bytes on the wire for a second visit in the same browser, until the explorer is ready again. */
  repeatVisitBytes: number;
}

const TIMEOUT = 120_000;

export async function measureSite(dist: string): Promise<{pages: PageTiming[]; explorer: ExplorerTiming}> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const pages: PageTiming[] = [];
    for (const {path} of reportPages) pages.push(await measureReportPage(browser, server.url, path));
    return {pages, explorer: await measureExplorer(browser, server.url)};
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function measureReportPage(browser: Browser, origin: string, path: string): Promise<PageTiming> {
  return withPage(browser, async (page, responses) => {
    await page.goto(origin + path, {waitUntil: "commit"});
    const headlineMs = await visibleAt(page, ".vuoto-headline, .vuoto-export");
    const hasCharts = (await page.locator("[data-chart]").count()) > 0;
    const firstChartMs = hasCharts ? await visibleAt(page, "[data-chart] svg [aria-label]") : null;
    const until = firstChartMs ?? headlineMs;
    const fetched = await page.evaluate(
      (until) =>
        [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
          .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= until)
          .map((entry) => entry.name),
      until
    );
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const url of fetched) {
      const response = responses.get(url);
      if (!response) throw new Error(`${path}: no response seen for ${url}`);
      const body = await response.body();
      rawBytes += (await response.request().sizes()).responseBodySize;
      gzipBytes += gzipSync(body).length;
    }
    return {path, headlineMs, firstChartMs, rawBytes, gzipBytes};
  });
}

async function measureExplorer(browser: Browser, origin: string): Promise<ExplorerTiming> {
  return withPage(browser, async (page) => {
    // Counted from the browser's network events rather than the page's resource timings: DuckDB's
    // worker fetches the wasm itself, and a worker's fetches are not in the page's timings.
    const wire = wireCounter(page);
    const ready = () =>
      page
        .waitForFunction(() => ("__vuotoExplore" in window ? performance.now() : 0), null, {
          polling: "raf",
          timeout: TIMEOUT
        })
        .then((handle) => handle.jsonValue());
    await page.goto(`${origin}/fi/explore`, {waitUntil: "commit"});
    // The first chart may be one of the unfiltered charts drawn before DuckDB-WASM has arrived.
    const firstChartMs = await visibleAt(page, "[data-chart] svg [aria-label], [data-preview-chart] svg [aria-label]");
    const transferredBeforeChart = await wire.total();
    const engineChartMs = await visibleAt(page, "[data-chart] svg [aria-label]");
    const transferredBeforeEngineChart = await wire.total();
    const readyMs = await ready();
    const latency = await filterLatency(page);
    await wire.total();
    wire.reset();
    await page.goto(`${origin}/fi/explore`, {waitUntil: "commit"});
    await ready();
    const repeatVisitBytes = await wire.total();
    return {
      readyMs,
      firstChartMs,
      transferredBeforeChart,
      engineChartMs,
      transferredBeforeEngineChart,
      repeatVisitBytes,
      ...latency
    };
  });
}

/** Bytes of headers and (encoded) bodies of every request finished so far; a cache hit counts 0. */
function wireCounter(page: Page) {
  let sizes: Array<Promise<number>> = [];
  page.on("requestfinished", (request) =>
    sizes.push(
      request
        .sizes()
        .then(({responseBodySize, responseHeadersSize}) => responseBodySize + responseHeadersSize)
        .catch(() => 0)
    )
  );
  return {
    total: async () => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0),
    reset: () => void (sizes = [])
  };
}

/** ms since navigation start at the first animation frame where *selector* matches a visible element. */
async function visibleAt(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    (selector) => {
      const element = document.querySelector(selector);
      return element?.checkVisibility() ? performance.now() : 0;
    },
    selector,
    {polling: "raf", timeout: TIMEOUT}
  );
  return handle.jsonValue();
}

/** A page in a new context (empty cache); any page error or failed request fails the measurement. */
async function withPage<T>(
  browser: Browser,
  measure: (page: Page, responses: Map<string, Response>) => Promise<T>
): Promise<T> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const responses = new Map<string, Response>();
  const problems: string[] = [];
  page.on("response", (response) => {
    responses.set(response.url(), response);
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`failed request: ${request.url()} ${request.failure()?.errorText}`)
  );
  try {
    const result = await measure(page, responses);
    if (problems.length > 0) throw new Error(`${page.url()}:\n${problems.join("\n")}`);
    return result;
  } finally {
    await context.close();
  }
}
