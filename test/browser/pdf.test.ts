// npm run pdf's printing, checked on the built site: one A4 PDF per report page, with the page's
// title, the export it was built from, and no navigation. Reads PDFs with poppler-utils (pdfinfo,
// pdftotext): `apt-get install -y poppler-utils`.
import {execFileSync} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {reportPages} from "../../observablehq.config.js";
import {printReport} from "../../src/node/printReport.js";
import {strings} from "../../src/lib/strings.js";
import {launchChromium} from "./chromium.js";

const siteUrl = inject("siteUrl");
let browser: Browser;
let files: string[];

const poppler = (tool: string, ...args: string[]) => {
  try {
    return execFileSync(tool, args, {encoding: "utf8"});
  } catch (error) {
    throw new Error(`${tool} failed: install poppler-utils (apt-get install -y poppler-utils)`, {cause: error});
  }
};

beforeAll(async () => {
  browser = await launchChromium();
  // The English report: the checks below read its text (languages.test.ts prints the Finnish overview).
  const english = reportPages.filter((page) => page.lang === "en");
  files = await printReport(browser, siteUrl, english, mkdtempSync(join(tmpdir(), "vuoto-pdf-")));
}, 120_000);
afterAll(() => browser?.close());

test("npm run pdf prints every report page to its own A4 PDF, in page order", () => {
  expect(files.map((file) => file.split("/").at(-1))).toEqual([
    "01-overview.pdf",
    "02-affected.pdf",
    "03-timeline.pdf",
    "04-crisis.pdf",
    "05-methods.pdf"
  ]);
  for (const file of files) {
    const info = poppler("pdfinfo", file);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(8);
  }
});

test("each printed page has its title, the export it was built from and its charts' findings, but no navigation", () => {
  const text = strings.en;
  const titles = [text.overview.title, text.affected.title, text.timeline.title, text.crisis.title, text.methods.title];
  files.forEach((file, i) => {
    const content = poppler("pdftotext", "-layout", file, "-").replace(/\s+/g, " ");
    expect(content).toContain(titles[i]);
    expect(content).toContain(text.builtFrom);
    expect(content).toContain("Synthetic sample data");
    expect(content).not.toContain(`${text.pages.overview} ${text.pages.affected} ${text.pages.timeline}`);
  });
  const crisis = poppler("pdftotext", files[3], "-").replace(/\s+/g, " ");
  expect(crisis).toMatch(/Crisis contacts peaked at \d+\.\d× the pre-?incident level in the week of \d{2}\/\d{2}\/\d{4}/);
});
