// Framework configuration. Everything here must work offline: no web fonts (globalStylesheets: []),
// no CDN imports (pages import from node_modules explicitly), telemetry off in every npm script.
// Every page is built once per language from src/[lang]/*.md: /fi/…, /sv/…, /en/… (src/lib/languages.ts).
import {LANGUAGES, SITE_PAGES, pagePath} from "./src/lib/languages.js";
import {footerHtml, headHtml, navigationHtml} from "./src/lib/pageChrome.js";
import {strings} from "./src/lib/strings.js";

// The static report, in reading order and per language: what `npm run pdf` prints.
export const reportPages = LANGUAGES.flatMap((lang) =>
  SITE_PAGES.filter((page) => page.report).map((page) => ({
    lang,
    name: strings[lang].pages[page.key],
    path: pagePath(lang, page.slug)
  }))
);
/** Every page in every language, as URL paths. */
export const sitePaths = LANGUAGES.flatMap((lang) => SITE_PAGES.map((page) => pagePath(lang, page.slug)));
/** The accessibility statement (Act 306/2019) in every language: linked from each footer, not the navigation. */
export const statementPaths = LANGUAGES.map((lang) => pagePath(lang, "accessibility"));

export default {
  title: strings.fi.appName,
  root: "src",
  output: process.env.VUOTO_DIST ?? "dist",
  globalStylesheets: [],
  dynamicPaths: [...sitePaths, ...statementPaths],
  // The inline icon (no request for /favicon.ico) and the language switch's script. (The hreflang links
  // are added by postbuild.)
  head: headHtml(),
  // Framework's default style and the air / near-midnight themes, plus the report's own and A4 print rules.
  style: "style.css",
  // A plain navigation bar instead of Framework's sidebar, whose toggle and lists fail axe's checks
  // (an unlabelled checkbox, lists holding non-list items) and which takes a third of a printed page.
  // The navigation bar links the pages, so no pager (it would walk from one language into the next).
  sidebar: false,
  pager: false,
  header: ({path}: {path: string}) => navigationHtml(path),
  search: false,
  linkify: false,
  footer: ({path}: {path: string}) => footerHtml(path)
};
