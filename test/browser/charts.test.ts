// issue 15, "charts that tell the truth": partial weeks, event labels, empty states, drawn in Chromium
// from the built site (English pages: the assertions name their texts).
import type {Page} from "playwright-core";
import {expect, inject, test} from "vitest";
import {strings} from "../../src/lib/strings.js";
import {useWatchedPages} from "./watchedPages.js";

const siteUrl = inject("siteUrl");
const en = strings.en;
const {open, watch} = useWatchedPages(siteUrl);

const notes = (page: Page, chart: string) =>
  page.locator(`[data-chart="${chart}"] .vuoto-figure-note`).allTextContents();

test("the crisis page marks the export's partial first and last weeks and leaves them out of the district charts", async () => {
  const page = await open("/en/crisis", '[data-chart="crisis-districts"] svg [aria-label]');
  // The sample export runs from Saturday 1 Aug 2020 to Wednesday 31 Mar 2021: 2 and 3 days.
  const partial = page.locator('[data-chart="crisis-national"] .vuoto-partial-week rect');
  expect(await partial.count()).toBe(2);
  const titles = await partial.locator("title").allTextContents();
  expect(titles.some((t) => t.includes(en.figures.partialWeek("2")))).toBe(true);
  expect(titles.some((t) => t.includes(en.figures.partialWeek("3")))).toBe(true);
  expect(await notes(page, "crisis-national")).toContain(en.figures.partialWeeksNote);
  expect(await notes(page, "crisis-districts")).toContain(en.figures.partialPeriodsLeftOut);
  // No district period starts on the partial week's Monday, nor on the last partial week's.
  const periods = await page.locator('[data-chart="crisis-districts"] table tbody tr').allTextContents();
  expect(periods.length).toBeGreaterThan(0);
  expect(periods.filter((row) => /27\/07\/2020|29\/03\/2021/.test(row))).toEqual([]);
});

test("the explorer's weekly timeline draws the partial first and last weeks hollow, titled with their days", async () => {
  const page = await open("/en/explore", '[data-chart="timeline"] svg rect');
  const titles = await page.locator('[data-chart="timeline"] svg rect title').allTextContents();
  expect(titles.filter((t) => t.includes(en.figures.partialWeek("2")))).toHaveLength(1);
  expect(titles.filter((t) => t.includes(en.figures.partialWeek("3")))).toHaveLength(1);
  expect(await page.locator('[data-card="timeline"] .explore-note').textContent()).toContain(
    en.figures.partialWeeksNote
  );
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  what: string;
}

/**
 * The boxes of a chart's event labels, of its data marks (bars, lines, areas, dots and the other
 * labels) and of its axis ticks, and the SVG's own box, as laid out by Chromium.
 */
function chartBoxes(page: Page, chart: string) {
  return page
    .locator(`[data-chart="${chart}"] svg`)
    .last()
    .evaluate((svg) => {
      const box = (e: Element, what: string) => {
        const r = e.getBoundingClientRect();
        return {x: r.x, y: r.y, width: r.width, height: r.height, what: `${what}: ${e.textContent?.slice(0, 40)}`};
      };
      const all = (selector: string, what: string) =>
        [...svg.querySelectorAll(selector)].map((e) => box(e, what)).filter((b) => b.width > 0 && b.height > 0);
      return {
        svg: box(svg, "svg"),
        events: all(".vuoto-event-labels text", "event label"),
        data: [
          ...all('g[aria-label="rect"] rect', "bar"),
          ...all('g[aria-label="line"] path', "line"),
          ...all('g[aria-label="area"] path', "area"),
          ...all('g[aria-label="dot"] > *', "dot"),
          ...all('g[aria-label="text"]:not(.vuoto-event-labels) text', "label"),
          ...all('g[aria-label="y-axis label"] text', "axis label")
        ],
        ticks: all('g[aria-label="x-axis tick label"] text, g[aria-label="y-axis tick label"] text', "tick")
      };
    });
}

const meets = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const clashes = (labels: Box[], others: Box[]) =>
  labels.flatMap((a) => others.filter((b) => a !== b && meets(a, b)).map((b) => `${a.what} × ${b.what}`));
const outside = (boxes: Box[], frame: Box) =>
  boxes
    .filter(
      (b) =>
        b.x < frame.x - 0.5 ||
        b.y < frame.y - 0.5 ||
        b.x + b.width > frame.x + frame.width + 0.5 ||
        b.y + b.height > frame.y + frame.height + 0.5
    )
    .map((b) => b.what);

test.each([
  ["/en/timeline", ["published-daily", "published-cumulative", "people-cumulative"]],
  ["/en/crisis", ["crisis-national"]]
])("on %s, event labels meet no data mark and no other label, and no tick is clipped", async (path, charts) => {
  const page = await open(path, `[data-chart="${charts.at(-1)}"] svg [aria-label]`);
  for (const width of [1280, 390]) {
    await page.setViewportSize({width, height: 900});
    for (const chart of charts) {
      await expect
        .poll(async () => (await chartBoxes(page, chart)).events.length, {timeout: 10_000})
        .toBeGreaterThan(0);
      const {svg, events, data, ticks} = await chartBoxes(page, chart);
      expect(data.length, chart).toBeGreaterThan(0);
      expect(clashes(events, data), `${chart} at ${width} px`).toEqual([]);
      expect(clashes(events, events), `${chart} at ${width} px`).toEqual([]);
      expect(outside([...events, ...ticks], svg), `${chart} at ${width} px`).toEqual([]);
    }
  }
  // An asterisk on an event label is explained on the same page.
  const text = await page.locator("main").innerText();
  if (/\S \*/.test(text)) expect(text).toContain(en.figures.asteriskNote);
});

test("a date range with no publications says what is empty and why, instead of a zero title", async () => {
  const page = await open("/en/timeline", '[data-chart="published-daily"] svg [aria-label]');
  const inputs = page.locator(".vuoto-range input");
  await inputs.nth(0).fill("2020-11-01");
  await inputs.nth(0).dispatchEvent("change");
  await inputs.nth(1).fill("2020-12-31");
  await inputs.nth(1).dispatchEvent("change");
  const sentence = en.figures.emptyRange("01/11/2020", "31/12/2020");
  await expect.poll(() => page.locator('[data-chart="published-daily"]').innerText()).toContain(sentence);
  await expect.poll(() => page.locator('[data-chart="published-cumulative"]').innerText()).toContain(sentence);
  const shown = await page.locator("main").innerText();
  expect(shown).not.toMatch(/\b0 record|by –|NaN/);
});

test("a district published by month only, chosen in the explorer, gets a sentence instead of an empty axis", async () => {
  const page = await open("/en/explore?district=21", '[data-chart="districts"] svg [aria-label]');
  const timeline = page.locator('[data-chart="timeline"]');
  await expect.poll(() => timeline.innerText()).toContain(en.figures.monthlyOnly("Lapland"));
  expect(await timeline.innerText()).not.toMatch(/\.000|:00/);
  expect(await timeline.locator("svg").count()).toBe(0);
});

test("the explorer draws its unfiltered charts before DuckDB-WASM has arrived, with the figures the explorer then shows", async () => {
  const {page} = await watch();
  // DuckDB-WASM held back until the preview has been read: on a slow line it arrives long after.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/duckdb/, async (route) => (await held, route.continue()));
  await page.goto(`${siteUrl}/en/explore`, {waitUntil: "load"});
  const preview = page.locator("[data-explore-preview]");
  for (const name of ["timeline", "districts", "ageGroups", "services", "channels"])
    await preview.locator(`[data-preview-chart="${name}"] svg [aria-label]`).first().waitFor({timeout: 30_000});
  expect(await page.locator("[data-chart]").count()).toBe(0);
  expect(await preview.innerText()).toContain(en.explore.previewLoading);
  const figures = (root: string) =>
    page.$$eval(`${root} [data-figure]`, (elements) =>
      elements
        .map((e) => `${e.getAttribute("data-figure")}=${e.getAttribute("data-value")}/${e.getAttribute("data-exact")}`)
        .sort()
    );
  const before = await figures("[data-explore-preview]");
  expect(before.length).toBeGreaterThan(20);
  release();
  await page.locator('[data-chart="districts"] svg [aria-label]').first().waitFor({timeout: 60_000});
  await expect.poll(() => preview.count()).toBe(0);
  expect(await figures(':is([data-chart="districts"], [data-chart="ageGroups"])')).toEqual(before);
});
