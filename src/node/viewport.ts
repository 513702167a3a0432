// Framework 1.13 writes `maximum-scale=1` into every page's viewport, which stops people zooming on
// phones (WCAG 1.4.4, Resize text). Postbuild takes it out.
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

export function withZoomAllowed(html: string): string {
  return html.replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=[\d.]+/, "$1");
}

/** Lets every HTML page under *root* be zoomed. */
export async function allowZoom(root: string): Promise<void> {
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    await writeFile(path, withZoomAllowed(await readFile(path, "utf8")));
  }
}
