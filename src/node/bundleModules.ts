// Framework 1.13 copies each npm package into dist/_node as its own ES module, and d3's index only
// re-exports thirty d3-* packages: every report page fetched 30 modules for d3 alone, 65 in all, and
// a browser opens six connections to a host, so a page waited for eleven rounds of requests before its
// first line of code ran. Postbuild folds such a package's private dependencies into its own file
// (rollup, at build time): a module is folded in only when nothing outside that package's files
// imports it, so every module still has one instance (d3-time, which the pages import too, stays its
// own file). Pages' modulepreload links to the folded files are taken out.
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join, relative, sep} from "node:path";
import {rollup} from "rollup";

/** The files under *root* (paths relative to it, with "/") whose names match *test*. */
async function files(root: string, test: (name: string) => boolean): Promise<string[]> {
  return (await readdir(root, {recursive: true, withFileTypes: true}))
    .filter((entry) => entry.isFile() && test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/** The module graph reached from *entry* by static imports, with *external* modules not followed. */
async function graph(root: string, entry: string, external: Set<string>) {
  return rollup({
    input: join(root, entry),
    external: (id, importer) => importer !== undefined && external.has(relative(root, id).split(sep).join("/")),
    onwarn(warning, warn) {
      // Minified packages keep their own `this` at the top level; rollup's note on it is noise here.
      if (warning.code !== "THIS_IS_UNDEFINED") warn(warning);
    }
  });
}

/**
 * Folds into *entry* (a module under *root*, such as "_node/d3@7.9.2/index.c8f1bfbe.js") every module
 * it reaches that no file outside its reach imports; returns the folded modules' paths.
 */
export async function bundleModule(root: string, entry: string): Promise<string[]> {
  const whole = await graph(root, entry, new Set());
  // watchFiles: every module rollup loaded, which is the whole graph when nothing is external.
  const reached = whole.watchFiles;
  await whole.close();
  const inside = new Set([...reached].map((id) => relative(root, id).split(sep).join("/")));
  // A module that any other file names stays its own file, or the page would hold two copies of it.
  const shared = new Set<string>();
  for (const file of await files(root, (name) => name.endsWith(".js"))) {
    if (inside.has(file)) continue;
    const text = await readFile(join(root, file), "utf8");
    for (const module of inside)
      if (module !== entry && text.includes(module.split("/").slice(-2).join("/"))) shared.add(module);
  }
  const bundle = await graph(root, entry, shared);
  const {output} = await bundle.generate({format: "es", file: join(root, entry), inlineDynamicImports: true});
  await bundle.close();
  const [chunk] = output;
  if (output.length !== 1 || chunk.type !== "chunk")
    throw new Error(`invalid bundle of ${entry}: ${output.length} outputs`);
  await writeFile(join(root, entry), chunk.code);
  return [...inside].filter((module) => module !== entry && !shared.has(module));
}

/** An HTML page without its modulepreload links to *folded* modules (paths relative to the site's root). */
export function withoutPreloads(html: string, folded: Set<string>): string {
  return html.replace(/<link rel="modulepreload" href="([^"]+)">\n?/g, (link, href: string) =>
    folded.has(href.replace(/^(\.\.\/|\.\/|\/)+/, "")) ? "" : link
  );
}

/** Folds each of *packages* (folder names under _node, such as "d3@") into its entry; rewrites every page's preloads. */
export async function bundleSiteModules(root: string, packages: string[]): Promise<string[]> {
  const folded = new Set<string>();
  const modules = await files(join(root, "_node"), (name) => /^index\.[0-9a-f]{8}\.js$/.test(name));
  for (const name of packages) {
    const entry = modules.find((module) => module.startsWith(name) && module.split("/").length === 2);
    if (!entry) throw new Error(`missing _node/${name}*/index.*.js in ${root}: is the package still used?`);
    for (const module of await bundleModule(root, `_node/${entry}`)) folded.add(module);
  }
  for (const page of await files(root, (name) => name.endsWith(".html"))) {
    const html = await readFile(join(root, page), "utf8");
    await writeFile(join(root, page), withoutPreloads(html, folded));
  }
  return [...folded];
}
