// npm run pdf: prints the whole report, one A4 PDF per language, to <reportDir>/vuoto-report-<language>.pdf
// (fi, sv and en): a cover, the contents, then the report pages in order. Builds the site first when
// dist/ is missing or when run with --build.
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import site, {reportPages} from "../../observablehq.config.js";
import type {Headline} from "../components/exportBadge.js";
import {formatDate} from "../lib/format.js";
import {LANGUAGES} from "../lib/languages.js";
import type {ReportCover} from "../lib/printedReport.js";
import {releaseVersion} from "../lib/release.js";
import type {Language} from "../lib/strings.js";
import {launchChromium} from "../node/chromium.js";
import {parseCli} from "../node/cliArgs.js";
import {config, now} from "../node/config.js";
import {pdfFileName, printReport} from "../node/printReport.js";
import {publishedDir} from "../node/publishedFiles.js";
import {serveStatic} from "../node/staticServer.js";

const USAGE = "usage: npm run pdf -- [--build]";
const {build} = parseCli(process.argv.slice(2), {build: {type: "boolean"}}, USAGE);
const dist = site.output;
const outDir = config().reportDir;
if (build || !existsSync(`${dist}/index.html`)) {
  execFileSync("npm", ["run", "build", "--silent"], {stdio: ["ignore", "ignore", "inherit"]});
}
const headline: Headline = JSON.parse(await readFile(join(publishedDir(), "headline.json"), "utf8"));
const day = (value: string | undefined, lang: Language) =>
  value ? formatDate(new Date(`${value.slice(0, 10)}T00:00:00Z`), {lang}) : "–";
const coverOf = (lang: Language): ReportCover => ({
  lang,
  exportId: headline.export.export_id,
  period: `${day(headline.export.period_start, lang)}–${day(headline.export.period_end, lang)}`,
  buildDate: formatDate(now(), {lang}),
  release: releaseVersion(headline.export.content_hash as string | undefined, headline.threshold, headline.policy),
  synthetic: headline.synthetic
});

const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  const files: string[] = [];
  for (const lang of LANGUAGES) {
    const pages = reportPages.filter((page) => page.lang === lang);
    files.push(await printReport(browser, server.url, pages, join(outDir, pdfFileName(lang)), coverOf(lang)));
  }
  console.warn(`wrote ${files.length} PDF files:\n${files.join("\n")}`);
} finally {
  await browser.close();
  await server.close();
}
