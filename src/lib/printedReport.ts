// The parts of the printed report that are not site pages: the cover, the table of contents, and the
// header and footer Chromium draws on every printed page (in their own document, without the site's CSS).
import {strings, type Language} from "./strings.js";

export interface ReportCover {
  lang: Language;
  exportId: string;
  /** Already formatted in the language: "21.10.2020–26.3.2021". */
  period: string;
  /** Already formatted in the language. */
  buildDate: string;
  release: string;
  synthetic: boolean;
}

/** The printed report's own rules, added to the joined document: the cover, with the contents, has a
 * page of its own, and the chapters flow on, so that no page is left nearly empty. */
export const REPORT_CSS = `
@media print {
.vuoto-print-cover {
  padding-top: 12%;
  break-after: auto;
}
.vuoto-print-cover h1 {
  font-size: 26pt;
  max-width: none;
}
.vuoto-print-cover dl {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.3rem 1.5rem;
  font-size: 12pt;
}
.vuoto-print-cover dd {
  margin: 0;
}
.vuoto-print-toc {
  break-after: page;
}
.vuoto-print-toc ol {
  font-size: 13pt;
  line-height: 2;
}
.vuoto-print-chapter + .vuoto-print-chapter {
  margin-top: 2.5rem;
  border-top: 1px solid #999;
}
}
`;

const escapes: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"};
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => escapes[c] ?? c);

export function coverHtml(cover: ReportCover): string {
  const text = strings[cover.lang].print;
  const rows: Array<[string, string]> = [
    [text.exportLabel, cover.exportId],
    [text.periodLabel, cover.period],
    [text.builtLabel, cover.buildDate],
    [text.releaseLabel, cover.release]
  ];
  return (
    `<section class="vuoto-print-cover">` +
    `<h1>${escape(text.title)}</h1>` +
    (cover.synthetic
      ? `<p class="vuoto-synthetic" role="note">${escape(strings[cover.lang].syntheticNotice)}</p>`
      : "") +
    `<dl>${rows.map(([term, value]) => `<dt>${escape(term)}</dt><dd>${escape(value)}</dd>`).join("")}</dl>` +
    `<p>${escape(strings[cover.lang].builtFrom)}: ${escape(cover.exportId)}</p>` +
    `</section>`
  );
}

/** The contents: one link per report page, to the chapter that holds it (chapter-1, chapter-2, …). */
export function tocHtml(lang: Language, titles: readonly string[]): string {
  const text = strings[lang].print;
  const items = titles.map((title, i) => `<li><a href="#chapter-${i + 1}">${escape(title)}</a></li>`).join("");
  return `<nav class="vuoto-print-toc" aria-labelledby="vuoto-toc-heading"><h2 id="vuoto-toc-heading">${escape(text.contents)}</h2><ol>${items}</ol></nav>`;
}

const templateStyle = "font: 8px sans-serif; width: 100%; margin: 0 12mm; color: #333";

/** On every page of a synthetic build, the synthetic-data mark; otherwise nothing. */
export function headerTemplate(cover: ReportCover): string {
  const mark = cover.synthetic ? escape(strings[cover.lang].print.syntheticMark) : "";
  return `<div style="${templateStyle}; text-align: right; font-weight: bold">${mark}</div>`;
}

/** The export's name and the page number, on every page. */
export function footerTemplate(cover: ReportCover): string {
  const text = strings[cover.lang].print;
  return (
    `<div style="${templateStyle}; display: flex; justify-content: space-between">` +
    `<span>${escape(text.title)} · ${escape(cover.exportId)} · ${escape(text.releaseLabel)} ${escape(cover.release)}</span>` +
    `<span>${escape(text.page)} <span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`
  );
}
