// The parts of every page that Framework writes from the configuration, per language: the navigation
// bar with the language switch, the links to the page's other language versions (hreflang), and the
// footer. Framework passes each page's path ("/sv/affected", "/sv/index"); paths written here are
// absolute, and Framework makes them relative to the page.
import {accessibilityStatement} from "./accessibilityStatement.js";
import {
  LANGUAGE_NAMES,
  LANGUAGES,
  SITE_PAGES,
  DEFAULT_LANGUAGE,
  isLanguage,
  pagePath,
  parsePagePath,
  type SitePage
} from "./languages.js";
import {strings, type Language} from "./strings.js";

const escapes: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"};
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => escapes[c] ?? c);

// Carries the page's state over the language switch: the explorer keeps its filters in the query
// string, so the link to the other language gets the current query string and hash whenever it is
// about to be followed (by mouse, keyboard or touch). A module script; postbuild moves it to a file.
const keepStateScript = `<script type="module">
for (const type of ["pointerdown", "focusin", "click"])
  addEventListener(type, (event) => {
    const link = event.target instanceof Element && event.target.closest("a[data-keep-state]");
    if (link) link.href = link.href.replace(/[?#].*$/, "") + location.search + location.hash;
  }, {capture: true});
</script>`;

function pageOf(path: string): {lang: Language; page: SitePage} {
  const known = parsePagePath(path);
  if (known) return known;
  // A page outside the navigation (the accessibility statement): its language from the path, and a page
  // of its own, so no navigation link is marked current and the language switch keeps to it.
  const [, lang, rest = ""] = path.split("/");
  const slug = rest.replace(/\.html$/, "");
  return isLanguage(lang)
    ? {lang, page: {key: "overview", slug, report: false}}
    : {lang: DEFAULT_LANGUAGE, page: SITE_PAGES[0]};
}

/** The navigation bar: the pages in this language (the current one marked), then the other languages. */
export function navigationHtml(path: string): string {
  const {lang, page} = pageOf(path);
  const text = strings[lang];
  const links = SITE_PAGES.map(
    (target) =>
      `<a href="${pagePath(lang, target.slug)}"${target === page ? ' aria-current="page"' : ""}>${escape(text.pages[target.key])}</a>`
  );
  const switches = LANGUAGES.filter((other) => other !== lang).map(
    (other) =>
      `<a href="${pagePath(other, page.slug)}" hreflang="${other}" lang="${other}" data-keep-state>${LANGUAGE_NAMES[other]}</a>`
  );
  return (
    `<nav class="vuoto-nav" aria-label="${escape(text.reportPages)}"><strong class="vuoto-nav-name">${escape(text.appName)}</strong>${links.join("")}</nav>` +
    `<nav class="vuoto-languages" aria-label="${escape(text.languageSwitch)}">${switches.join("")}</nav>`
  );
}

/**
 * Links to the page's versions in every language (its own included, as search engines ask), relative
 * to the page. Postbuild adds them: Framework would take a <link href> in the head for a file to copy.
 */
export function alternateLinksHtml(path: string): string {
  const {page} = pageOf(path);
  // Every page sits one folder down (/sv/affected, /sv/index.html), so "../" is the site's root.
  const href = (other: string) => `../${other}/${page.slug}`;
  return [...LANGUAGES, "x-default"]
    .map(
      (other) =>
        `<link rel="alternate" hreflang="${other}" href="${href(other === "x-default" ? DEFAULT_LANGUAGE : other)}">`
    )
    .join("\n");
}

/** What every page's head gets from the configuration: the script that keeps state over the switch. */
/** An inline icon, so that no page (the root's redirects included) makes the browser ask for /favicon.ico. */
export const iconLinkHtml =
  '<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%226%22 fill=%22none%22 stroke=%22%23555%22 stroke-width=%222%22/%3E%3C/svg%3E">';

export function headHtml(): string {
  return `${iconLinkHtml}\n${keepStateScript}`;
}

export function footerHtml(path: string): string {
  const {lang} = pageOf(path);
  // Absolute, like every path here: Framework resolves a footer's "./" against the site's root.
  return `${escape(strings[lang].footer)} <a href="${pagePath(lang, "accessibility")}">${escape(accessibilityStatement[lang].footerLink)}</a>`;
}

/** The document title of a page: "Vaikutukset potilaisiin | Vuoto". */
export function pageTitle(path: string): string {
  const {lang, page} = pageOf(path);
  return `${strings[lang].pages[page.key]} | ${strings[lang].appName}`;
}
