// Every page of the built site checked with axe-core in Chromium once its charts are drawn: no
// serious or critical violation (WCAG 2.1 A and AA rules, plus best practices).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {sitePaths, statementPaths} from "../../observablehq.config.js";
import {launchChromium, openWatchedPage} from "./chromium.js";

const siteUrl = inject("siteUrl");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: {target: string[]}[];
}

// The Finnish pages: every language has the same structure, colours and charts, so one set keeps the suite fast.
// The county views (issue 16) too: another map, other bars, the crisis page's sentence, the explorer's county card.
const countyViews = [
  "/fi/?area=county",
  "/fi/affected?area=county",
  "/fi/crisis?area=county",
  "/fi/explore?area=county"
];
test.each([...[...sitePaths, ...statementPaths].filter((path) => path.startsWith("/fi/")), ...countyViews])(
  "page %s has no serious or critical accessibility violation",
  async (path) => {
    // Both colour schemes are checked before anything is asserted, so one run reports every failure.
    const found: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const {page} = await openWatchedPage(browser, siteUrl);
      await page.emulateMedia({colorScheme});
      await page.goto(siteUrl + path, {waitUntil: "load"});
      await page.locator(".vuoto-export, .vuoto-statement").first().waitFor({timeout: 30_000});
      // The explorer's preview (drawn before DuckDB is ready) gives way to the explorer itself: check that.
      await page.locator("[data-explore-preview]").waitFor({state: "detached", timeout: 60_000});
      if (path.includes("/explore"))
        await page.waitForFunction(() => "__vuotoExplore" in window, null, {timeout: 120_000});
      for (const chart of await page.locator("[data-chart]").all())
        await chart.locator("svg [aria-label]").first().waitFor({timeout: 30_000});
      // The strict CSP forbids inline scripts, so axe is injected through the DevTools protocol's
      // script evaluation, which CSP does not govern.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {axe: {run(context: Document, options: object): Promise<{violations: Violation[]}>}}
        ).axe;
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map(({id, impact, help, nodes}) => ({
          id,
          impact,
          help,
          nodes: nodes.slice(0, 3).map(({target}) => ({target}))
        }));
      });
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      found.push(
        ...serious.map(
          (v) =>
            `${colorScheme}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
        )
      );
      await page.context().close();
    }
    expect(found).toEqual([]);
  }
);
