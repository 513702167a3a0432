// issue 14: pages per language, their navigation, language switch, hreflang links, lang and title.
import {expect, test} from "vitest";
import {parsePagePath, pagePath} from "../../src/lib/languages.js";
import {alternateLinksHtml, footerHtml, navigationHtml, pageTitle} from "../../src/lib/pageChrome.js";
import {redirectPage, withAlternates, withHtmlLang, withTitle} from "../../src/node/htmlLang.js";

test("a site path names its language and page, however Framework spells it", () => {
  expect(parsePagePath("/sv/index")).toMatchObject({lang: "sv", page: {key: "overview"}});
  expect(parsePagePath("/sv/")).toMatchObject({lang: "sv", page: {key: "overview"}});
  expect(parsePagePath("/en/affected.html")).toMatchObject({lang: "en", page: {key: "affected"}});
  expect(parsePagePath("/de/affected")).toBeNull();
  expect(parsePagePath("/fi/nothing")).toBeNull();
  expect(parsePagePath("/fi/affected/more")).toBeNull();
  expect(pagePath("fi", "")).toBe("/fi/");
});

test("the navigation marks the current page and links the same page in the other languages", () => {
  const nav = navigationHtml("/sv/crisis");
  expect(nav.match(/aria-current="page"/g)).toHaveLength(1);
  expect(nav).toContain('<a href="/sv/crisis" aria-current="page">Behovet av krishjälp</a>');
  expect(nav).toContain('<a href="/fi/crisis" hreflang="fi" lang="fi" data-keep-state>Suomi</a>');
  expect(nav).toContain('<a href="/en/crisis" hreflang="en" lang="en" data-keep-state>English</a>');
  expect(nav).not.toContain('hreflang="sv"');
  expect(navigationHtml("/fi/index")).toContain('<a href="/fi/" aria-current="page">Yleiskuva</a>');
});

test("the footer links the accessibility statement in the page's language, by an absolute path", () => {
  // Framework resolves a footer's relative link against the site's root, not the page (/accessibility).
  expect(footerHtml("/sv/crisis")).toMatch(/<a href="\/sv\/accessibility">[^<]+<\/a>$/);
  expect(footerHtml("/fi/accessibility")).toMatch(/<a href="\/fi\/accessibility">/);
});

test("each page links its versions in every language, relative to itself", () => {
  const links = alternateLinksHtml("/fi/explore");
  expect(links.split("\n")).toEqual([
    '<link rel="alternate" hreflang="fi" href="../fi/explore">',
    '<link rel="alternate" hreflang="sv" href="../sv/explore">',
    '<link rel="alternate" hreflang="en" href="../en/explore">',
    '<link rel="alternate" hreflang="x-default" href="../fi/explore">'
  ]);
});

test("postbuild sets lang, the translated title and the hreflang links once", () => {
  const page = "<!DOCTYPE html>\n<html>\n<head><title>Affected patients | Vuoto</title></head><body></body></html>";
  const done = withAlternates(
    withTitle(withHtmlLang(page, "fi"), pageTitle("/fi/affected")),
    alternateLinksHtml("/fi/affected")
  );
  expect(done).toContain('<html lang="fi">');
  expect(done).toContain("<title>Vuodon koskemat potilaat | Vuoto</title>");
  expect(done.match(/rel="alternate"/g)).toHaveLength(4);
  expect(withAlternates(done, alternateLinksHtml("/fi/affected"))).toBe(done);
  expect(withHtmlLang(done, "sv")).toBe(done);
});

test("the root leads to the Finnish overview without a script", () => {
  const root = redirectPage("", "./");
  expect(root).toContain('<html lang="fi">');
  expect(root).toContain('<meta http-equiv="refresh" content="0; url=./fi/">');
  expect(root).not.toContain("<script");
  expect(redirectPage("explore", "./")).toContain("url=./fi/explore");
});
