// Framework 1.13 writes <html> without a language, and one <title> from front matter whatever the
// language; screen readers need the language to pick a voice, and printed PDFs show the title. Both
// follow the page's folder (/fi/, /sv/, /en/). The site's root leads to the default language.
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join, relative, sep} from "node:path";
import {DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, SITE_PAGES, parsePagePath} from "../lib/languages.js";
import {alternateLinksHtml, iconLinkHtml, pageTitle} from "../lib/pageChrome.js";
import {strings} from "../lib/strings.js";

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function withHtmlLang(html: string, lang: string): string {
  return html.replace(/<html(?![^>]*\blang=)/, `<html lang="${lang}"`);
}

export function withTitle(html: string, title: string): string {
  return html.replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(title)}</title>`);
}

export function withAlternates(html: string, links: string): string {
  return html.includes('rel="alternate"') ? html : html.replace("</head>", `${links}\n</head>`);
}

/** Sets lang (and, on language pages, the title and the hreflang links) on every HTML page under *root*, by its folder. */
export async function setSiteLang(root: string): Promise<void> {
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    const sitePath = "/" + relative(root, path).split(sep).join("/");
    const page = parsePagePath(sitePath);
    let html = withHtmlLang(await readFile(path, "utf8"), page?.lang ?? DEFAULT_LANGUAGE);
    if (page) html = withAlternates(withTitle(html, pageTitle(sitePath)), alternateLinksHtml(sitePath));
    await writeFile(path, html);
  }
}

/**
 * A page for the site's root (and for each page's old, language-less address): it sends the reader on
 * to the Finnish page at once, with no script, and links every language for readers who stop it.
 */
export function redirectPage(slug: string, toRoot: string): string {
  const target = `${toRoot}${DEFAULT_LANGUAGE}/${slug}`;
  const links = LANGUAGES.map(
    (lang) => `<a href="${toRoot}${lang}/${slug}" hreflang="${lang}" lang="${lang}">${LANGUAGE_NAMES[lang]}</a>`
  ).join(" · ");
  const alternates = LANGUAGES.map(
    (lang) => `<link rel="alternate" hreflang="${lang}" href="${toRoot}${lang}/${slug}">`
  ).join("\n");
  return `<!DOCTYPE html>
<html lang="${DEFAULT_LANGUAGE}">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${target}">
<title>${escapeHtml(strings[DEFAULT_LANGUAGE].appName)}</title>
${iconLinkHtml}
<link rel="canonical" href="${target}">
${alternates}
</head>
<body>
<p>${links}</p>
</body>
</html>
`;
}

/** Writes the root page and one redirect per old page address (/affected → /fi/affected). */
export async function writeRedirects(root: string): Promise<void> {
  for (const {slug} of SITE_PAGES)
    await writeFile(join(root, slug ? `${slug}.html` : "index.html"), redirectPage(slug, "./"));
}
