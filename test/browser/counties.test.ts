// issue 16: the district/county choice on the overview, affected and crisis pages and in the explorer,
// in Chromium against the built site (made from the sample, a municipality-coded export): kept in the
// URL, carried over by the language switch, usable by keyboard, and, for an export without
// municipalities, the one sentence that replaces the choice. The same county figure on every page: figures.test.ts.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {expect, inject, test} from "vitest";
import {openNodeDatabase, selectToParquet} from "../../src/node/duckdbNode.js";
import {literal} from "../../src/lib/sql.js";
import {strings} from "../../src/lib/strings.js";
import {useWatchedPages} from "./watchedPages.js";

const siteUrl = inject("siteUrl");
const {open} = useWatchedPages(siteUrl);

const countyRadio = (page: Page) => page.locator('[data-area-control] input[value="county"]');
const districtRadio = (page: Page) => page.locator('[data-area-control] input[value="district"]');

test("the overview: ?area=county draws the county map, says the tile grid has districts only, and back", async () => {
  const page = await open("/en/?area=county", "[data-area-control]");
  await page.locator('[data-chart="county-choropleth"] svg [aria-label]').first().waitFor();
  expect(await countyRadio(page).isChecked()).toBe(true);
  expect(await page.locator("[data-no-county-tiles]").textContent()).toBe(strings.en.geo.noCountyTiles);
  expect(await page.locator('[data-chart="cartogram"]').count()).toBe(0);
  await districtRadio(page).check();
  await page.locator('[data-chart="cartogram"] svg').first().waitFor();
  expect(new URL(page.url()).search).toBe("");
  await countyRadio(page).check();
  await page.locator('[data-chart="county-choropleth"]').waitFor();
  expect(new URL(page.url()).search).toBe("?area=county");
});

test("keyboard: arrow keys move between the choices, and the page follows", async () => {
  const page = await open("/fi/affected", "[data-area-control]");
  await page.locator('[data-chart="district-count"] svg').first().waitFor();
  await districtRadio(page).focus();
  await page.keyboard.press("ArrowRight");
  await page.locator('[data-chart="county-count"] svg [aria-label]').first().waitFor();
  expect(await countyRadio(page).isChecked()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.getAttribute("value"))).toBe("county");
  expect(new URL(page.url()).searchParams.get("area")).toBe("county");
  expect(await page.locator('[data-chart="district-count"]').count()).toBe(0);
  await page.keyboard.press("ArrowLeft");
  await page.locator('[data-chart="district-count"] svg').first().waitFor();
  expect(new URL(page.url()).searchParams.get("area")).toBeNull();
});

test("the language switch keeps the choice", async () => {
  const page = await open("/fi/affected?area=county", "[data-area-control]");
  await page.locator('[data-chart="county-count"]').waitFor();
  await page.locator('.vuoto-languages a[hreflang="sv"]').click();
  await page.waitForURL(/\/sv\/affected\?area=county$/);
  await page.locator('[data-chart="county-count"] svg [aria-label]').first().waitFor();
  expect(await countyRadio(page).isChecked()).toBe(true);
  expect(await page.locator("[data-area-control] legend").textContent()).toBe(strings.sv.geo.areaLabel);
});

test("the crisis page keeps districts with counties chosen, and says so in one sentence", async () => {
  const page = await open("/sv/crisis?area=county", "[data-area-control]");
  await page.locator('[data-chart="crisis-districts"] svg [aria-label]').first().waitFor();
  expect(await page.locator("[data-crisis-districts-only]").textContent()).toBe(strings.sv.geo.crisisDistrictsOnly);
  await districtRadio(page).check();
  await page.locator("[data-crisis-districts-only]").waitFor({state: "detached"});
});

test("the explorer: ?area=county shows people by county, its link keeps it, and the control changes it", async () => {
  const page = await open("/en/explore?area=county", "[data-area-control]", {timeout: 120_000});
  await page.waitForFunction(() => "__vuotoExplore" in window, null, {timeout: 120_000});
  await page.locator('[data-card="counties"] svg [aria-label]').first().waitFor();
  expect(await page.locator('[data-card="districts"]').count()).toBe(0);
  expect(
    await page.evaluate(
      () => (window as unknown as {__vuotoExplore: {state(): {area: string}}}).__vuotoExplore.state().area
    )
  ).toBe("county");
  await districtRadio(page).check();
  await page.waitForURL((url) => !url.search.includes("area="));
  expect(await page.locator('[data-card="districts"]').isVisible()).toBe(true);
  await page.goBack();
  await page.waitForURL(/area=county/);
  expect(await countyRadio(page).isChecked()).toBe(true);
});

test("the explorer's county card downloads name no filter, since people_by_county has none; its header says so too", async () => {
  const page = await open("/en/explore?area=county&district=06&age=18-24&service=chat", "[data-area-control]", {
    timeout: 120_000
  });
  await page.waitForFunction(() => "__vuotoExplore" in window, null, {timeout: 120_000});
  await page.locator('[data-card="counties"] svg [aria-label]').first().waitFor();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('[data-card="counties"] [data-download="svg"]').click()
  ]);
  expect(file.suggestedFilename()).toBe("vuoto-counties_all.svg");
  const svg = readFileSync((await file.path())!, "utf8");
  const written = [...svg.matchAll(/<text x="4"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  expect(written[1]).toBe(strings.en.explore.noFiltersShort);
  // The hidden county totals read as their ranges in the card, with the sentence that says why.
  expect(await page.locator('[data-card="counties"]').textContent()).toContain(strings.en.figures.rangeNote);
});

test("an export without municipalities: no choice, one sentence, districts, even for a link with area=county", async () => {
  // people_by_county as publish writes it for a format 1.0 export: the table's columns and no rows.
  const folder = join("dist", "_file", "data");
  const file = readdirSync(folder).find((name) => /^people-by-county\.[0-9a-f]+\.parquet$/.test(name));
  if (!file) throw new Error(`missing people-by-county parquet in ${folder}`);
  const db = await openNodeDatabase();
  const empty = await selectToParquet(db, `SELECT * FROM read_parquet(${literal(join(folder, file))}) LIMIT 0`);
  for (const [path, chart] of [
    ["/fi/?area=county", "cartogram"],
    ["/en/affected?area=county", "district-count"],
    ["/sv/crisis?area=county", "crisis-districts"]
  ] as const) {
    const page = await open("/", "body");
    await page.route("**/people-by-county.*.parquet", (route) =>
      route.fulfill({status: 200, contentType: "application/octet-stream", body: Buffer.from(empty)})
    );
    await page.goto(siteUrl + path, {waitUntil: "load"});
    await page.locator(`[data-chart="${chart}"] svg [aria-label]`).first().waitFor();
    const lang = path.slice(1, 3) as "fi" | "sv" | "en";
    expect(await page.locator("[data-districts-only]").textContent(), path).toBe(strings[lang].geo.districtsOnly);
    expect(await page.locator("[data-area-control]").count(), path).toBe(0);
    expect(await page.locator("[data-crisis-districts-only]").count(), path).toBe(0);
    await page.context().close();
  }
});
