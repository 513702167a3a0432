// npm run pdf: prints every report page to A4 PDF files in reports/vuoto-report/<language>/ (one per
// page, in page order; fi, sv and en). Builds the site first when dist/ is missing or when run with --build.
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {rm} from "node:fs/promises";
import {join} from "node:path";
import {parseCli} from "../node/cliArgs.js";
import site, {reportPages} from "../../observablehq.config.js";
import {config} from "../node/config.js";
import {launchChromium} from "../node/chromium.js";
import {LANGUAGES} from "../lib/languages.js";
import {printReport} from "../node/printReport.js";
import {serveStatic} from "../node/staticServer.js";

const USAGE = "usage: npm run pdf -- [--build]";
const {build} = parseCli(process.argv.slice(2), {build: {type: "boolean"}}, USAGE);
const dist = site.output;
const outDir = config().reportDir;
if (build || !existsSync(`${dist}/index.html`)) {
  execFileSync("npm", ["run", "build", "--silent"], {stdio: ["ignore", "ignore", "inherit"]});
}
const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  await rm(outDir, {recursive: true, force: true});
  const files: string[] = [];
  for (const lang of LANGUAGES) {
    const pages = reportPages.filter((page) => page.lang === lang);
    files.push(...(await printReport(browser, server.url, pages, join(outDir, lang))));
  }
  console.warn(`wrote ${files.length} PDF files to ${outDir}:\n${files.join("\n")}`);
} finally {
  await browser.close();
  await server.close();
}
