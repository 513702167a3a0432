// Prints report pages of a served site to A4 PDFs with headless Chromium, one file per page, after
// their charts are drawn. Chromium cannot join PDFs, and the pages stay the single source of the
// report, so the printed report is a folder of numbered files in page order.
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import type {Browser} from "playwright-core";

export interface ReportPage {
  name: string;
  path: string;
}

/** "01-overview.pdf" for the first page "/fi/", "02-affected.pdf" for "/fi/affected", … (the language is the folder's). */
export function pdfFileName(index: number, path: string): string {
  const slug = path.split("/").filter(Boolean).slice(1).join("-") || "overview";
  return `${String(index + 1).padStart(2, "0")}-${slug}.pdf`;
}

export async function printReport(
  browser: Browser,
  siteUrl: string,
  pages: readonly ReportPage[],
  outDir: string
): Promise<string[]> {
  await mkdir(outDir, {recursive: true});
  // About the printable width of A4 with the print margins, so charts are drawn at the size they print.
  const context = await browser.newContext({viewport: {width: 760, height: 1100}, colorScheme: "light"});
  const files: string[] = [];
  try {
    for (const [index, {path}] of pages.entries()) {
      const page = await context.newPage();
      await page.goto(siteUrl + path, {waitUntil: "load"});
      await page.locator(".vuoto-export").first().waitFor({timeout: 30_000});
      for (const chart of await page.locator("[data-chart]").all())
        await chart.locator("svg [aria-label]").first().waitFor({timeout: 30_000});
      await page.emulateMedia({media: "print"});
      const file = join(outDir, pdfFileName(index, path));
      await page.pdf({
        path: file,
        format: "A4",
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="font: 8px sans-serif; width: 100%; text-align: center; color: #555"><span class="title"></span> · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`
      });
      files.push(file);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return files;
}
