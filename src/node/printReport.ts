// Prints the report of one language, as served, to a single A4 PDF with headless Chromium: a cover, a
// table of contents, then every report page in order. Chromium cannot join PDFs, so each page is drawn
// in a tab of its own (its charts at the printed width), and its rendered content is moved into one
// document, which is printed once: one file, one outline, page numbers that run through the report.
import {mkdir} from "node:fs/promises";
import {dirname} from "node:path";
import type {Browser, Page} from "playwright-core";
import {
  coverHtml,
  footerTemplate,
  headerTemplate,
  REPORT_CSS,
  tocHtml,
  type ReportCover
} from "../lib/printedReport.js";
import type {Language} from "../lib/strings.js";

export interface ReportPage {
  name: string;
  path: string;
}

/** "vuoto-report-fi.pdf": the file name of a language's report. */
export function pdfFileName(lang: Language): string {
  return `vuoto-report-${lang}.pdf`;
}

// The printable width of A4 with the print margins, so charts are drawn at the size they print.
export const PRINT_VIEWPORT = {width: 760, height: 1100};

/** The rendered content of one report page, its ids prefixed with *prefix* so that pages can share a document. */
export async function chapterHtml(page: Page, prefix: string): Promise<string> {
  await page.locator(".vuoto-export").first().waitFor({timeout: 30_000});
  // Charts below the fold are drawn once the page's first chart has been painted (AfterFirstChart), and
  // a cell runs only when its data have come: wait for both, or the report would leave those charts out.
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () => Array.from(document.querySelectorAll(".vuoto-after-first-chart")).every((holder) => holder.hasChildNodes()),
    undefined,
    {timeout: 30_000}
  );
  for (const chart of await page.locator("[data-chart]").all())
    await chart.locator("svg [aria-label]").first().waitFor({timeout: 30_000});
  return page.evaluate((prefix) => {
    const main = document.querySelector("#observablehq-main")!.cloneNode(true) as HTMLElement;
    // The cover says which export the report was built from, once.
    main.querySelectorAll(".vuoto-export, .vuoto-no-print, script").forEach((node) => node.remove());
    // What is left empty (the paragraph that held the export's badge, a code cell's block) would stand
    // between a heading and what follows it, and Chromium may then break the page right under the
    // heading: "Methods and data" was printed alone at the foot of a page.
    main.querySelectorAll("p, div.observablehq--block").forEach((node) => {
      if (!node.textContent?.trim() && !node.querySelector("svg, img, canvas, table, input")) node.remove();
    });
    const ids = new Map<string, string>();
    main.querySelectorAll("[id]").forEach((node) => {
      ids.set(node.id, prefix + node.id);
      node.id = prefix + node.id;
    });
    // Charts point at their own patterns and labels by id (url(#…), href="#…", aria-labelledby). No
    // function is bound to a name in here: tsx (esbuild's keepNames) would wrap it in a __name() call
    // that does not exist in the page, and `npm run pdf` failed with "__name is not defined".
    main.querySelectorAll("*").forEach((node) => {
      for (const attr of Array.from(node.attributes)) {
        if (/^(aria-labelledby|aria-describedby|for)$/.test(attr.name))
          attr.value = attr.value
            .split(/\s+/)
            .map((id) => ids.get(id) ?? id)
            .join(" ");
        else if (attr.value.includes("#"))
          attr.value = attr.value
            .replace(/url\(#([^)]+)\)/g, (whole, id) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
            .replace(/^#(.+)$/, (whole, id) => (ids.has(id) ? `#${ids.get(id)}` : whole));
      }
    });
    return main.innerHTML;
  }, prefix);
}

/** Prints *pages* (one language's report pages, in order) of the site at *siteUrl* to the PDF *file*. */
export async function printReport(
  browser: Browser,
  siteUrl: string,
  pages: readonly ReportPage[],
  file: string,
  cover: ReportCover
): Promise<string> {
  const [first] = pages;
  if (!first) throw new Error("missing report pages: there is nothing to print");
  await mkdir(dirname(file), {recursive: true});
  // bypassCSP: the joined document is assembled by script, which the site's CSP rightly forbids.
  const context = await browser.newContext({viewport: PRINT_VIEWPORT, colorScheme: "light", bypassCSP: true});
  try {
    const chapters: string[] = [];
    for (const [index, {path}] of pages.entries()) {
      const page = await context.newPage();
      await page.emulateMedia({media: "print"});
      await page.goto(siteUrl + path, {waitUntil: "load"});
      chapters.push(await chapterHtml(page, `c${index + 1}-`));
      await page.close();
    }
    // The first page is the host: its stylesheets are the site's, and its own content is replaced.
    const host = await context.newPage();
    await host.goto(siteUrl + first.path, {waitUntil: "load"});
    await host.locator(".vuoto-export").first().waitFor({timeout: 30_000});
    await host.emulateMedia({media: "print"});
    const titles = pages.map(({name}) => name);
    const body =
      coverHtml(cover) +
      tocHtml(cover.lang, titles) +
      chapters
        .map((html, i) => `<section class="vuoto-print-chapter" id="chapter-${i + 1}">${html}</section>`)
        .join("");
    await host.evaluate((body) => {
      document.body.innerHTML = `<main id="vuoto-print-report">${body}</main>`;
    }, body);
    await host.addStyleTag({content: REPORT_CSS});
    await host.pdf({
      path: file,
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(cover),
      footerTemplate: footerTemplate(cover)
    });
    await host.close();
  } finally {
    await context.close();
  }
  return file;
}
