// The vitest hooks a browser test file needs around chromium.ts's watched pages (kept apart from it so
// that the bench, which runs outside vitest, can import chromium.ts).
import type {Browser, Page} from "playwright-core";
import {afterAll, afterEach, beforeAll, expect} from "vitest";
import {launchChromium, openWatchedPage, type WatchedPage} from "./chromium.js";

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
