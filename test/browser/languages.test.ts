// issue 14: the root leads to Finnish, and the language switch keeps the page and the explorer's state.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {launchChromium, openWatchedPage} from "./chromium.js";

const siteUrl = inject("siteUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test("the site's root opens the Finnish overview", async () => {
  const {page, problems} = await openWatchedPage(browser, siteUrl);
  await page.goto(`${siteUrl}/`, {waitUntil: "load"});
  await page.waitForURL(`${siteUrl}/fi/`);
  expect(await page.locator("html").getAttribute("lang")).toBe("fi");
  await page.locator(".vuoto-export").first().waitFor({timeout: 30_000});
  expect(problems).toEqual([]);
  await page.context().close();
});

test("the language switch opens the same explorer view in Swedish, then in English", async () => {
  const {page, problems} = await openWatchedPage(browser, siteUrl);
  const search = "?district=25&service=crisis_helpline&measure=contacts";
  await page.goto(`${siteUrl}/fi/explore${search}`, {waitUntil: "load"});
  await page.locator('[data-chart="districts"] svg [aria-label]').first().waitFor({timeout: 30_000});
  expect(await page.locator(".chip").allTextContents()).toEqual(
    expect.arrayContaining([
      expect.stringContaining("Sairaanhoitopiiri: HUS"),
      expect.stringContaining("Kriisipuhelin")
    ])
  );
  await page.getByRole("link", {name: "Svenska"}).click();
  await page.waitForURL(`${siteUrl}/sv/explore${search}`);
  expect(await page.locator("html").getAttribute("lang")).toBe("sv");
  await page.locator('[data-chart="districts"] svg [aria-label]').first().waitFor({timeout: 30_000});
  const chips = await page.locator(".chip").allTextContents();
  expect(chips.join(" ")).toContain("Sjukvårdsdistrikt: HUS");
  expect(chips.join(" ")).toContain("Tjänst: Kristelefon");
  expect(await page.locator('.measure input[value="contacts"]').isChecked()).toBe(true);
  // A state changed on this page travels too.
  await page.getByRole("button", {name: /Ta bort avgränsning.*Kristelefon/}).click();
  await expect.poll(() => page.url()).not.toContain("service=");
  await page.getByRole("link", {name: "English"}).click();
  await page.waitForURL(`${siteUrl}/en/explore?district=25&measure=contacts`);
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  expect(problems).toEqual([]);
  await page.context().close();
});
