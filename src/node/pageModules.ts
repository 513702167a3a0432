// A report page waited more for its modules than for anything else: its script imports 17 of the
// site's modules, they import 25 more, and a browser opens six connections to a host, so the page went
// through seven or eight rounds of requests (about 1 s of its 1.2–1.6 s to the first chart) before
// its first cell ran. Postbuild bundles what each page's script imports (rollup, at build time) into
// one module beside the page, and points the script's imports at it: a page fetches its data, the
// Framework runtime and that one file. Every module of a page is in its bundle once, so each still
// has one instance on the page. What a module loads only on demand (import(), such as the download
// writers and DuckDB) stays its own file, loaded as before. The bundle is minified.
//
// Every page carried the texts of all three languages (strings.ts, 113 KB of the 510 KB bundle), and
// the browser parsed them all before the first chart. A page lives in one language's folder and asks
// only strings[lang] for that language, so its bundle keeps that language's texts and no other: the
// authored source stays one module with every language (and its type check that each has every key).
import {createHash} from "node:crypto";
import {readdir, readFile, rm, writeFile} from "node:fs/promises";
import {basename, dirname, join, relative, resolve, sep} from "node:path";
import {transform} from "esbuild";
import {rollup, type Plugin} from "rollup";
import {LANGUAGES} from "../lib/languages.js";
import type {Language} from "../lib/strings.js";

const PAGE_SCRIPT = /<script type="module" src="\.\/([^"]+\.inline-[0-9a-f]+\.js)"><\/script>/g;
// Framework writes a cell's imports as import("../_import/…") and import("../_node/…").
const MODULE_IMPORT = /\bimport\("((?:\.\.?\/)+_(?:import|node)\/[^"]+\.js)"\)/g;
const ENTRY = "\0page-modules";

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);
const sitePath = (root: string, file: string) => relative(root, file).split(sep).join("/");

// Framework's copy of src/lib/strings.ts: _import/lib/strings.<hash>.js.
const STRINGS_MODULE = /[\\/]_import[\\/]lib[\\/]strings\.[0-9a-f]+\.js$/;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * The strings module's code with `export const strings = {en, fi: …, sv: …}` keeping only *lang*'s texts,
 * under every language's key; the other languages' objects are then unused, and rollup leaves them out.
 */
export function stringsForLanguage(code: string, ast: Node, lang: Language): string {
  const body = ast.body as Node[];
  for (const statement of body) {
    const declaration = statement.declaration as Node | null | undefined;
    if (statement.type !== "ExportNamedDeclaration" || declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations as Node[]) {
      const id = declarator.id as Node & {name?: string};
      const init = declarator.init as (Node & {properties: Node[]}) | null;
      if (id.name !== "strings" || init?.type !== "ObjectExpression") continue;
      const keyOf = (property: Node) => {
        const key = property.key as (Node & {name?: string; value?: unknown}) | undefined;
        return property.type === "Property" && !property.computed ? (key?.name ?? key?.value) : undefined;
      };
      const kept = init.properties.filter((property) => keyOf(property) === lang);
      const keys = init.properties.map(keyOf);
      if (kept.length !== 1 || !LANGUAGES.every((language) => keys.includes(language)))
        throw new Error(
          `strings.ts: \`export const strings\` must be an object literal with one entry per language (${LANGUAGES.join(", ")}); ` +
            `postbuild could not keep only "${lang}" in the page bundles`
        );
      // Every language's key answers with the page's texts: a call that falls back to the default
      // language (formatCount without its lang) gets the page's own words rather than nothing.
      const value = kept[0]!.value as Node;
      const answers = LANGUAGES.map((language) => `${language}: only`).join(", ");
      return `${code.slice(0, init.start)}((only) => ({${answers}}))(${code.slice(value.start, value.end)})${code.slice(init.end)}`;
    }
  }
  throw new Error(
    "strings.ts: no `export const strings = {…}`; postbuild could not keep one language in the page bundles"
  );
}

/** Rollup plugin: the strings module with *lang*'s texts only. */
function oneLanguage(lang: Language): Plugin {
  return {
    name: "one-language",
    transform(code, id) {
      return STRINGS_MODULE.test(id) ? stringsForLanguage(code, this.parse(code) as unknown as Node, lang) : null;
    }
  };
}

/**
 * The bundle of *modules* (absolute paths), one namespace export each (m0, m1, …), written for *dir*;
 * with *lang*, the texts of that language only.
 */
export async function bundlePageModules(modules: string[], dir: string, lang?: Language): Promise<string> {
  const reached = await staticallyReached(modules);
  const bundle = await rollup({
    input: ENTRY,
    plugins: [
      ...(lang ? [oneLanguage(lang)] : []),
      {
        name: "page-modules",
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) =>
          id === ENTRY
            ? modules.map((module, i) => `export * as m${i} from ${JSON.stringify(module)};`).join("\n")
            : null,
        // Loaded on demand, and some find their own files from import.meta: they stay where they are,
        // unless the page imports them anyway (then import() answers from the bundle).
        resolveDynamicImport(specifier, importer) {
          if (typeof specifier !== "string" || !importer) return null;
          const id = resolve(dirname(importer), specifier);
          return reached.has(id) ? null : {id, external: true};
        }
      }
    ],
    makeAbsoluteExternalsRelative: false,
    onwarn(warning, warn) {
      // Minified packages keep their own `this` at the top level, and d3's modules import each other
      // in cycles: rollup's notes on both are noise here.
      if (warning.code !== "THIS_IS_UNDEFINED" && warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
    }
  });
  try {
    const {output} = await bundle.generate({
      format: "es",
      dir,
      entryFileNames: "page-modules.js",
      // An on-demand module's path, from the page's folder.
      paths: (id) => {
        const path = relative(dir, id).split(sep).join("/");
        return path.startsWith(".") ? path : `./${path}`;
      },
      inlineDynamicImports: true
    });
    const [chunk] = output;
    if (output.length !== 1 || chunk.type !== "chunk")
      throw new Error(`invalid page bundle in ${dir}: ${output.length} outputs, one expected`);
    // Minified (esbuild, which Framework uses too): the site's own modules and the packages Framework
    // did not minify were sent as written, and the browser parsed every byte before the first chart.
    return (await transform(chunk.code, {minify: true, format: "esm", charset: "utf8"})).code;
  } finally {
    await bundle.close();
  }
}

/**
 * A page's HTML with the modulepreload links to *bundled* modules (site paths) replaced by one link to
 * *bundle* (a path relative to the page), where the first of them was.
 */
export function withBundlePreload(html: string, bundled: Set<string>, bundle: string): string {
  let linked = false;
  return html.replace(/<link rel="modulepreload" href="([^"]+)">\n?/g, (link, href: string) => {
    if (!bundled.has(href.replace(/^(\.\.\/|\.\/|\/)+/, ""))) return link;
    if (linked) return "";
    linked = true;
    return `<link rel="modulepreload" href="./${bundle}">\n`;
  });
}

/** Bundles each page's modules under *root*; returns the pages bundled and the modules each page fetched before. */
export async function bundleSitePages(root: string): Promise<Array<{page: string; modules: number}>> {
  const done: Array<{page: string; modules: number}> = [];
  const bundles = new Map<string, string>();
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const dir = entry.parentPath;
    const path = join(dir, entry.name);
    let html = await readFile(path, "utf8");
    const scripts = new Map<string, string>();
    for (const [, name] of html.matchAll(PAGE_SCRIPT)) scripts.set(name!, await readFile(join(dir, name!), "utf8"));
    const modules: string[] = [];
    for (const text of scripts.values())
      for (const [, specifier] of text.matchAll(MODULE_IMPORT)) {
        const module = resolve(dir, specifier!);
        if (!modules.includes(module)) modules.push(module);
      }
    if (modules.length === 0) continue;
    // A page in a language's folder (fi/, sv/, en/) is shown in that language only.
    const folder = sitePath(root, dir).split("/")[0]!;
    const lang = LANGUAGES.find((language) => language === folder);
    // The same page in another language imports the same modules from a folder of the same depth.
    const key = [lang, ...modules.map((module) => relative(dir, module))].join("\n");
    const code = bundles.get(key) ?? (await bundlePageModules(modules, dir, lang));
    bundles.set(key, code);
    const page = basename(entry.name, ".html");
    const bundle = `${page}.modules-${digest(code)}.js`;
    await writeFile(join(dir, bundle), code);
    // The page's scripts are renamed by their new content, as externaliseScripts named them.
    for (const [name, text] of scripts) {
      const rewritten = text.replace(MODULE_IMPORT, (_, specifier: string) => {
        const i = modules.indexOf(resolve(dir, specifier));
        return `import("./${bundle}").then((modules) => modules.m${i})`;
      });
      if (rewritten === text) continue;
      const renamed = `${page}.inline-${digest(rewritten)}.js`;
      await rm(join(dir, name));
      await writeFile(join(dir, renamed), rewritten);
      html = html.replace(`src="./${name}"`, `src="./${renamed}"`);
    }
    const bundled = new Set(modules.map((module) => sitePath(root, module)));
    // A module the bundle imports statically is in it too, so its preload goes with the others.
    const reached = await staticallyReached(modules);
    for (const module of reached) bundled.add(sitePath(root, module));
    await writeFile(path, withBundlePreload(html, bundled, bundle));
    done.push({page: sitePath(root, path), modules: reached.size});
  }
  return done;
}

/** Every module reached from *modules* by static imports (dynamic ones not followed). */
async function staticallyReached(modules: string[]): Promise<Set<string>> {
  const graph = await rollup({
    input: modules,
    // Under its own name, so a module imported both ways is still loaded for its static import.
    plugins: [{name: "lazy", resolveDynamicImport: (specifier) => ({id: `lazy:${String(specifier)}`, external: true})}],
    onwarn: () => {}
  });
  await graph.close();
  return new Set(graph.watchFiles);
}
