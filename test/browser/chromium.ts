// Debian Chromium driven by playwright-core, and a page that records everything that went wrong.
import type {Browser, Page} from "playwright-core";
import {afterAll, afterEach, beforeAll, expect} from "vitest";
import {launchChromium} from "../../src/node/chromium.js";

export {launchChromium};

export interface WatchedPage {
  page: Page;
  /** Console errors, page errors, failed requests and requests to other origins, as text. */
  problems: string[];
  /** Every URL requested. */
  requests: string[];
}

export async function openWatchedPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, acceptDownloads: true});
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // A navigation away while assets load aborts them; that is not a failure of the site.
    if (request.failure()?.errorText !== "net::ERR_ABORTED")
      problems.push(`failed request: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("request", (request) => {
    const url = request.url();
    requests.push(url);
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"))
      problems.push(`request to another origin: ${url}`);
  });
  return {page, problems, requests};
}

/**
 * The hooks a browser test file needs: one Chromium for the file, and a watched page per test whose
 * problems fail that test and whose context is closed after it. Call once, at the file's top level.
 */
export function useWatchedPages(origin: string) {
  let browser: Browser | undefined;
  let current: WatchedPage | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());
  afterEach(async () => {
    if (!current) return;
    const {page, problems} = current;
    current = undefined;
    // Closed before the check, so a failing test does not leave its context open.
    await page.context().close();
    expect(problems).toEqual([]);
  });
  async function watch(): Promise<WatchedPage> {
    if (!browser) throw new Error("useWatchedPages: no browser yet (call watch() inside a test)");
    current = await openWatchedPage(browser, origin);
    return current;
  }
  return {
    /** A new watched page in a context of its own, checked and closed after the test. */
    watch,
    /** A watched page at *path* (under the origin), once an element matching *ready* is there. */
    async open(path: string, ready: string, {timeout = 60_000} = {}): Promise<Page> {
      const {page} = await watch();
      await page.goto(origin + path, {waitUntil: "load"});
      await page.locator(ready).first().waitFor({timeout});
      return page;
    }
  };
}
