// A page's published files were requested only once every one of its modules had loaded and run: on an
// idle machine a report page fetched its few KB of Parquet a third of a second after its last module.
// Postbuild names them in the page's <head> as preloads, so they download alongside the modules. The
// files are the ones the page registers (Framework's registerFile, in the page's script that
// externaliseScripts.ts moved out), so a preload never fetches what the page does not use.
import {readdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";

const REGISTERED_PATH = /registerFile\("[^"]*", \{[^}]*"path":"([^"]+\.(?:parquet|json))"/g;
const PAGE_SCRIPT = /<script type="module" src="\.\/([^"]+\.inline-[0-9a-f]+\.js)"><\/script>/g;

/** The page's HTML with a preload for each published file its scripts register. */
export function withDataPreloads(html: string, scripts: string[]): string {
  const paths = [...new Set(scripts.flatMap((script) => [...script.matchAll(REGISTERED_PATH)].map((m) => m[1]!)))];
  if (paths.length === 0 || html.includes('rel="preload" as="fetch"')) return html;
  // crossorigin: fetch() asks in cors mode, and a preload is only reused by a request of the same mode.
  const links = paths.map((path) => `<link rel="preload" as="fetch" crossorigin href="${path}">\n`).join("");
  const at = html.indexOf('<link rel="modulepreload"');
  if (at < 0) throw new Error("invalid page: no modulepreload link to put the data preloads before");
  return html.slice(0, at) + links + html.slice(at);
}

/** Adds the data preloads to every page under *root*; returns how many pages got some. */
export async function preloadSiteData(root: string): Promise<number> {
  let pages = 0;
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    const html = await readFile(path, "utf8");
    const names = [...html.matchAll(PAGE_SCRIPT)].map((m) => m[1]!);
    const scripts = await Promise.all(names.map((name) => readFile(join(dirname(path), name), "utf8")));
    const rewritten = withDataPreloads(html, scripts);
    if (rewritten !== html) ((pages += 1), await writeFile(path, rewritten));
  }
  return pages;
}
