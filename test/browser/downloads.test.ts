// A chart's data downloaded as a researcher would: the ZIP from the affected page, unpacked, carries
// the CSV, metadata.json and README with the export, release, licence and hidden cells.
import {strFromU8, unzipSync} from "fflate";
import {readFile} from "node:fs/promises";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {strings} from "../../src/lib/strings.js";
import {launchChromium} from "./chromium.js";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

test("the district chart's ZIP and XLSX download with their context", async () => {
  const context = await browser.newContext({acceptDownloads: true});
  const page = await context.newPage();
  await page.goto(`${siteUrl}/en/affected`);
  const card = page.locator('[data-chart="district-count"]');
  await card.locator("summary", {hasText: strings.en.downloads.heading}).click();
  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", {name: strings.en.downloads.zipFull}).click()
  ]);
  expect(zip.suggestedFilename()).toBe("people_by_district.zip");
  const files = unzipSync(new Uint8Array(await readFile((await zip.path())!)));
  expect(Object.keys(files).sort()).toEqual(["README.txt", "data.csv", "metadata.json"]);
  const meta = JSON.parse(strFromU8(files["metadata.json"]!));
  expect(meta.source.export_id).toMatch(/^synthetic/);
  expect(meta.source.release).toMatch(/^[0-9a-f]{12}-t\d+-p1$/);
  expect(meta.rows).toBeGreaterThan(15);
  expect(strFromU8(files["README.txt"]!)).toContain("CC BY 4.0");
  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", {name: strings.en.downloads.xlsx}).click()
  ]);
  // An XLSX file is a ZIP holding the workbook.
  expect(Object.keys(unzipSync(new Uint8Array(await readFile((await xlsx.path())!))))).toContain("xl/workbook.xml");
  await context.close();
}, 60_000);
