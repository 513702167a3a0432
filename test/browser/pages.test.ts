// Every page of the built site, opened in Chromium: charts drawn, nothing broken, nothing off-origin.
import {mkdirSync} from "node:fs";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {reportPages, sitePaths} from "../../observablehq.config.js";
import {parsePagePath} from "../../src/lib/languages.js";
import {strings} from "../../src/lib/strings.js";
import {launchChromium, openWatchedPage} from "./chromium.js";

const siteUrl = inject("siteUrl");
const screenshots = "test/browser/screenshots";
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, {recursive: true});
  browser = await launchChromium();
});
afterAll(() => browser?.close());

// A report page must be readable on a slow connection: everything up to its first chart (or, on a
// page without charts, its export line) weighs less than this, uncompressed. DuckDB-WASM is not in it.
const FIRST_CHART_BUDGET = 1_000_000;
// Pages of prose and tables only; every other page must draw at least one chart.
const PAGES_WITHOUT_CHARTS = sitePaths.filter((path) => path.endsWith("/methods"));

// Codes that must never reach a reader: services, channels and data categories are shown by name.
const RAW_CODES = [
  ...Object.keys(strings.en.services),
  ...Object.keys(strings.en.channels),
  ...Object.keys(strings.en.categories)
].filter((code) => code.includes("_"));
// English texts long enough to be unmistakable, and not the same in Finnish or Swedish: none may be
// left on a Finnish or Swedish page. Plot's own English (month names, "k" for thousands) neither.
function englishOnly(value: unknown, fi: unknown, sv: unknown): string[] {
  if (typeof value === "string") return value.length > 12 && value !== fi && value !== sv ? [value] : [];
  if (value && typeof value === "object" && typeof value !== "function")
    return Object.entries(value).flatMap(([key, item]) =>
      englishOnly(item, (fi as Record<string, unknown>)[key], (sv as Record<string, unknown>)[key])
    );
  return [];
}
const ENGLISH_TEXTS = englishOnly(strings.en, strings.fi, strings.sv);
const ENGLISH_WORDS =
  /\b(January|February|March|April|June|July|August|September|October|November|December|undefined|NaN)\b/;

test.each(sitePaths)("page %s draws its charts with no error and no off-origin request", async (path) => {
  const {page, problems, requests} = await openWatchedPage(browser, siteUrl);
  await page.goto(siteUrl + path, {waitUntil: "load"});
  // Every page says which export it was built from; once that is shown, its charts are on the way.
  await page.locator(".vuoto-export").first().waitFor({timeout: 30_000});
  // A chart counts as drawn when its container holds an SVG with marks in it.
  const charts = page.locator("[data-chart]");
  if (!PAGES_WITHOUT_CHARTS.includes(path)) {
    await expect.poll(() => charts.count(), {timeout: 30_000}).toBeGreaterThan(0);
    await charts.first().locator("svg [aria-label]").first().waitFor({timeout: 30_000});
  }
  const transferred = await page.evaluate(() =>
    performance
      .getEntriesByType("navigation")
      .concat(performance.getEntriesByType("resource"))
      .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0)
  );
  console.warn(`${path}: ${transferred} bytes before the first chart`);
  expect(transferred).toBeGreaterThan(0);
  // The explorer is for interaction and may load DuckDB-WASM; the report pages may not need it.
  if (reportPages.some((report) => report.path === path)) {
    expect(transferred).toBeLessThan(FIRST_CHART_BUDGET);
    expect(requests.some((url) => url.includes("duckdb"))).toBe(false);
  }
  for (const chart of await charts.all()) {
    await chart.locator("svg [aria-label]").first().waitFor({timeout: 30_000});
  }
  // issue 14: the language is named, the other versions linked, and nothing is left untranslated.
  const {lang} = parsePagePath(path)!;
  expect(await page.locator("html").getAttribute("lang")).toBe(lang);
  expect(await page.locator('head link[rel="alternate"][hreflang]').count()).toBe(4);
  expect(await page.locator("#observablehq-header [aria-current=page]").count()).toBe(1);
  const shown = await page.locator("body").innerText();
  expect(RAW_CODES.filter((code) => shown.includes(code))).toEqual([]);
  expect(shown).not.toMatch(/\{\w+\}|\[object /);
  if (lang !== "en") {
    expect(ENGLISH_TEXTS.filter((text) => shown.includes(text))).toEqual([]);
    expect(shown).not.toMatch(ENGLISH_WORDS);
  }
  await page.screenshot({
    path: `${screenshots}/${path.slice(1).replace(/\/$/, "/index").replaceAll("/", "-")}.png`,
    fullPage: true
  });
  expect(problems).toEqual([]);
  expect(requests.every((url) => url.startsWith(siteUrl))).toBe(true);
  await page.context().close();
});
