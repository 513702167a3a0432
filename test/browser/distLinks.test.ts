// Every link a built page offers must lead somewhere in dist/: Framework only warns of a broken link
// ("21 broken links") and builds anyway, which is how every page's footer once linked a statement that
// did not exist (/accessibility instead of /fi/accessibility). Links are resolved as a browser does,
// against the page's own URL, and looked up as the static server would (the path, .html, index.html).
import {existsSync, statSync} from "node:fs";
import {readFile, readdir} from "node:fs/promises";
import {join, relative} from "node:path";
import {beforeAll, expect, test} from "vitest";

const dist = process.env.VUOTO_DIST ?? "dist";
const ORIGIN = "http://vuoto.invalid";

let pages: string[];
beforeAll(async () => {
  const entries = await readdir(dist, {recursive: true, withFileTypes: true});
  pages = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)));
});

/** Whether the static server answers *path* (a URL path) with a file of dist/. */
function served(path: string): boolean {
  const file = join(dist, decodeURIComponent(path));
  const isFile = (candidate: string) => existsSync(candidate) && statSync(candidate).isFile();
  return isFile(file) || isFile(`${file}.html`) || isFile(join(file, "index.html"));
}

/** The same-origin targets of a page's links (a, link), without query and fragment. */
function linkTargets(html: string, page: string): Array<{href: string; path: string}> {
  const base = new URL(page.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""), `${ORIGIN}/`);
  return [...html.matchAll(/<(?:a|link)\b[^>]*\shref="([^"]*)"/g)].flatMap(([, href]) => {
    if (!href || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href)) return [];
    const url = new URL(href, base);
    return url.origin === ORIGIN ? [{href, path: url.pathname}] : [];
  });
}

test("the build has pages to check (so the test below can fail)", () => {
  expect(pages.length).toBeGreaterThanOrEqual(21);
});

test("every link on every built page leads to a file the site serves", async () => {
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const html = await readFile(join(dist, page), "utf8");
    for (const {href, path} of linkTargets(html, page)) {
      checked++;
      if (!served(path)) broken.push(`${page}: ${href} → ${path}`);
    }
  }
  expect(checked).toBeGreaterThan(pages.length);
  expect(broken).toEqual([]);
});
