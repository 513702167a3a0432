// Moves the inline scripts Framework writes into each page out into files beside the page, so the
// built site runs under a plain `script-src 'self'` policy that any web server can send, with no
// per-page hashes. A file beside its page keeps the page's relative imports resolving the same way.
import {createHash} from "node:crypto";
import {readFile, readdir, writeFile} from "node:fs/promises";
import {basename, dirname, join, relative} from "node:path";

const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g;

/** Rewrites one page's HTML; returns the new HTML and the script files to write beside it. */
export function externaliseInlineScripts(html: string, pageName: string): {html: string; scripts: Map<string, string>} {
  const scripts = new Map<string, string>();
  const rewritten = html.replace(INLINE_SCRIPT, (whole, attributes = "", body: string) => {
    if (/\ssrc\s*=/.test(attributes) || body.trim() === "") return whole;
    const digest = createHash("sha256").update(body).digest("hex").slice(0, 12);
    const file = `${pageName}.inline-${digest}.js`;
    scripts.set(file, body);
    return `<script${attributes} src="./${file}"></script>`;
  });
  return {html: rewritten, scripts};
}

/** Externalises the inline scripts of every HTML file under *root*; returns how many it moved. */
export async function externaliseSiteScripts(root: string): Promise<number> {
  let moved = 0;
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    const {html, scripts} = externaliseInlineScripts(await readFile(path, "utf8"), basename(path, ".html"));
    for (const [file, body] of scripts) await writeFile(join(dirname(path), file), body);
    await writeFile(path, html);
    moved += scripts.size;
    if (scripts.size) console.warn(`externalised ${scripts.size} inline script(s) of ${relative(root, path)}`);
  }
  return moved;
}
