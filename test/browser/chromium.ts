// Debian Chromium driven by playwright-core, and a page that records everything that went wrong.
// No vitest here: the bench (test/bench/exploreLatency.ts) runs outside vitest and imports this;
// the test hooks are in watchedPages.ts.
import type {Browser, Page} from "playwright-core";
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
