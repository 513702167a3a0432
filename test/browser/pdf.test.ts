// npm run pdf's printing, checked on the built site: each language's report as one A4 PDF with a cover, the
// contents, every page in order, bookmarks, a footer and the synthetic mark on every page. Reads PDFs
// with poppler-utils (pdfinfo, pdftotext): `apt-get install -y poppler-utils`.
import {execFileSync} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {JSDOM} from "jsdom";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {reportPages} from "../../observablehq.config.js";
import {chapterHtml, PRINT_VIEWPORT, printReport} from "../../src/node/printReport.js";
import {strings} from "../../src/lib/strings.js";
import {launchChromium} from "./chromium.js";

const siteUrl = inject("siteUrl");
const text = strings.en;
const languages = ["en", "fi", "sv"] as const;
type Lang = (typeof languages)[number];
// Pages per language: the Finnish and Swedish texts run longer than the English (19 and 18 pages
// against 17 when this was written); a bound each keeps a page nearly empty from going unnoticed. The
// overview's county map (issue 16) and the audit's checks in the page's language made the Swedish
// report one page longer (19; every page well filled, as the test below checks). The hidden county totals
// shown as ranges, with their sentence, and the methods page's note on 2020 districts made the English one
// page longer (18; every page still well filled). The methods page's two paragraphs on successive
// releases (when a second release is published or refused, and a suppressed release after a rounded one)
// made the Finnish and Swedish ones a page longer (20; the last holds the audit's table and its checks).
const maxPages: Record<Lang, number> = {en: 18, fi: 20, sv: 20};
const coverOf = (lang: Lang) => ({
  lang,
  exportId: "export-under-test",
  period: "21/10/2020–26/03/2021",
  buildDate: "29/11/2026",
  release: "82761e9c347d-t5-p1",
  synthetic: true
});
const cover = coverOf("en");
let browser: Browser;
const files = {} as Record<Lang, string>;
const pageCounts = {} as Record<Lang, number>;
let file: string;

const poppler = (tool: string, ...args: string[]) => {
  try {
    return execFileSync(tool, args, {encoding: "utf8"});
  } catch (error) {
    throw new Error(`${tool} failed: install poppler-utils (apt-get install -y poppler-utils)`, {cause: error});
  }
};
const pageTextOf = (pdf: string, page: number) =>
  poppler("pdftotext", "-f", String(page), "-l", String(page), "-layout", pdf, "-").replace(/\s+/g, " ");
const pageText = (page: number) => pageTextOf(file, page);

beforeAll(async () => {
  browser = await launchChromium();
  const directory = mkdtempSync(join(tmpdir(), "vuoto-pdf-"));
  for (const lang of languages) {
    const pages = reportPages.filter((page) => page.lang === lang);
    files[lang] = await printReport(browser, siteUrl, pages, join(directory, `${lang}.pdf`), coverOf(lang));
    pageCounts[lang] = Number(poppler("pdfinfo", files[lang]).match(/Pages:\s+(\d+)/)?.[1]);
  }
  file = files.en;
}, 540_000);
afterAll(() => browser?.close());

test("npm run pdf prints the whole report to one tagged A4 PDF of a few pages", () => {
  const info = poppler("pdfinfo", file);
  expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  expect(info).toMatch(/Tagged:\s+yes/);
  // A cover with the contents, then five pages that flow on: no more than the five separate
  // files held (17 pages without a cover, many of them nearly empty).
  for (const lang of languages) {
    expect(pageCounts[lang], lang).toBeGreaterThanOrEqual(5);
    expect(pageCounts[lang], lang).toBeLessThanOrEqual(maxPages[lang]);
  }
});

// The charts below the fold are drawn after a page's first chart (AfterFirstChart): a chapter taken as
// soon as the page showed its export left them out of the report.
test.each(["/en/", "/fi/crisis"])("the chapter of %s holds every chart the page draws", async (path) => {
  const context = await browser.newContext({viewport: PRINT_VIEWPORT, colorScheme: "light"});
  const page = await context.newPage();
  await page.emulateMedia({media: "print"});
  await page.goto(siteUrl + path, {waitUntil: "load"});
  const chapter = await chapterHtml(page, "t-");
  // Long after everything has come and been drawn: the charts on the page.
  await page.waitForTimeout(2_000);
  const drawn = await page.locator("[data-chart] svg").count();
  await context.close();
  expect(drawn).toBeGreaterThanOrEqual(3);
  const holder = new JSDOM(chapter).window.document;
  expect(holder.querySelectorAll("[data-chart] svg").length).toBe(drawn);
});

test("the cover names the report, the export, its period, the build date, the release and the synthetic mark", () => {
  const first = pageText(1);
  for (const part of [text.print.title, cover.exportId, cover.period, cover.buildDate, cover.release])
    expect(first).toContain(part);
  expect(first).toContain(text.syntheticNotice);
  // The contents share the cover's page, which they would otherwise leave nearly empty.
  expect(first).toContain(text.print.contents);
  for (const page of reportPages.filter((page) => page.lang === "en")) expect(first).toContain(page.name);
});

test.each(languages)(
  "every page of the %s report has the synthetic mark, the export's name and its page number, and none is nearly empty",
  (lang) => {
    const print = strings[lang].print;
    for (let page = 1; page <= pageCounts[lang]; page++) {
      const content = pageTextOf(files[lang], page);
      expect(content, `${lang} page ${page}`).toContain(print.syntheticMark);
      expect(content, `${lang} page ${page}`).toContain(cover.exportId);
      expect(content, `${lang} page ${page}`).toContain(`${print.page} ${page}/${pageCounts[lang]}`);
      // Beyond the header and footer (about 120 characters), a page carries text: not a lone heading.
      expect(content.replace(/\s/g, "").length, `${lang} page ${page}`).toBeGreaterThan(250);
    }
  }
);

test.each(languages)("no page of the %s report ends with a heading whose content is on the next page", (lang) => {
  const chapters = ["overview", "affected", "timeline", "crisis", "methods"] as const;
  // Every chapter's title and section headings: the keys named title or …Heading that hold text.
  const headings = new Set(
    chapters.flatMap((chapter) =>
      Object.entries(strings[lang][chapter])
        .filter(([key, value]) => (key === "title" || key.endsWith("Heading")) && typeof value === "string")
        .map(([, value]) => (value as string).trim())
    )
  );
  expect(headings.has(strings[lang].crisis.districtsHeading)).toBe(true);
  for (let page = 1; page < pageCounts[lang]; page++) {
    const lines = poppler("pdftotext", "-f", String(page), "-l", String(page), "-layout", files[lang], "-")
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter((line) => line !== "");
    // The last line is the footer (the report's title, the export, the page number); the one before it
    // is the page's last line of content.
    const footer = lines.findLastIndex((line) => line.includes(cover.exportId));
    expect(footer, `${lang} page ${page}`).toBeGreaterThan(0);
    expect(headings.has(lines[footer - 1]!), `${lang} page ${page} ends with "${lines[footer - 1]}"`).toBe(false);
  }
});

test("the pages come in order, each with its title and findings, and without navigation", () => {
  const all = poppler("pdftotext", "-layout", file, "-").replace(/\s+/g, " ");
  const titles = [text.overview.title, text.affected.title, text.timeline.title, text.crisis.title, text.methods.title];
  const positions = titles.map((title) => all.lastIndexOf(title));
  for (const position of positions) expect(position).toBeGreaterThan(0);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(all).not.toContain(`${text.pages.overview} ${text.pages.affected} ${text.pages.timeline}`);
  expect(all).toMatch(/Crisis contacts peaked at \d+\.\d× the pre-? ?incident level in the week of \d+\/\d+\/\d{4}/);
  expect(all).toContain(text.methods.suppressionHeading);
});

// The PDF's outline as a tree: pdftohtml -xml writes it as <outline><item page="N">title</item> with each
// item's children in an <outline> right after it.
interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}
const outlineOf = (pdf: string): Bookmark[] => {
  const xml = poppler("pdftohtml", "-xml", "-i", "-stdout", "-q", pdf);
  const root: Bookmark[] = [];
  const open: Bookmark[][] = [];
  for (const [tag, page, title] of xml.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    const current = open.at(-1);
    if (tag === "<outline>") open.push(current ? current.at(-1)!.children : root);
    else if (tag === "</outline>") open.pop();
    else {
      const text = title!
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
      current!.push({title: text, page: Number(page), children: []});
    }
  }
  return root;
};
const flatten = (bookmarks: Bookmark[]): Bookmark[] => bookmarks.flatMap((b) => [b, ...flatten(b.children)]);

// Every heading of a report page that the printed report keeps (not the export's badge, nor what is
// not printed), as the site renders it for print: the report's own heading list, not the PDF's text.
async function printedHeadingsOf(path: string): Promise<Array<{level: number; text: string}>> {
  const context = await browser.newContext({viewport: {width: 760, height: 1100}});
  const page = await context.newPage();
  await page.emulateMedia({media: "print"});
  await page.goto(siteUrl + path, {waitUntil: "load"});
  await page.locator(".vuoto-export").first().waitFor({timeout: 30_000});
  for (const chart of await page.locator("[data-chart]").all())
    await chart.locator("svg [aria-label]").first().waitFor({timeout: 30_000});
  const headings = await page.evaluate(() =>
    Array.from(document.querySelectorAll("#observablehq-main :is(h1, h2, h3, h4, h5, h6)"))
      .filter((h) => !h.closest(".vuoto-export, .vuoto-no-print") && h.checkVisibility())
      .map((h) => ({level: Number(h.tagName[1]), text: h.textContent!}))
  );
  await context.close();
  return headings;
}

test.each(languages)(
  "every bookmark of the %s report is its heading's text exactly, once, in order, and the PDF stays tagged",
  async (lang) => {
    const print = strings[lang].print;
    expect(poppler("pdfinfo", files[lang])).toMatch(/Tagged:\s+yes/);
    const outline = outlineOf(files[lang]);
    const chapters = reportPages.filter((page) => page.lang === lang);
    const headings: Array<Array<{level: number; text: string}>> = [];
    for (const {path} of chapters) headings.push(await printedHeadingsOf(path));
    const chapterTitles = (["overview", "affected", "timeline", "crisis", "methods"] as const).map(
      (chapter) => strings[lang][chapter].title
    );
    // The cover and each chapter's h1 are the top level; the contents and each chapter's h2 are under them.
    expect(outline.map(({title}) => title)).toEqual([print.title, ...chapterTitles]);
    expect(outline[0]!.children.map(({title}) => title)).toEqual([print.contents]);
    // Each h2 is a text of the language's strings word for word (not a heading doubled in the page itself).
    const textsOf = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : value && typeof value === "object"
          ? Object.values(value).flatMap(textsOf)
          : [];
    const texts = new Set(textsOf(strings[lang]));
    for (const [i, chapter] of outline.slice(1).entries()) {
      expect(headings[i]!.filter(({level}) => level === 1).map(({text}) => text)).toEqual([chapter.title]);
      const h2s = headings[i]!.filter(({level}) => level === 2).map(({text}) => text);
      expect(h2s.length, chapter.title).toBeGreaterThan(0);
      for (const h2 of h2s) expect(texts.has(h2), `${h2} in ${lang} strings`).toBe(true);
      expect(
        chapter.children.map(({title}) => title),
        chapter.title
      ).toEqual(h2s);
    }
    // And every bookmark at every level: the headings of the cover, the contents and the chapters, in order.
    expect(flatten(outline).map(({title}) => title)).toEqual([
      print.title,
      print.contents,
      ...headings.flat().map(({text}) => text)
    ]);
    const pages = flatten(outline).map(({page}) => page);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(pages.at(-1)).toBeLessThanOrEqual(pageCounts[lang]);
  }
);
