// Postbuild's loading-path steps: each page's modules bundled into one file, a package's private modules
// folded into its file (one instance of every module kept), and each page's published files preloaded
// with its modules.
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {expect, test} from "vitest";
import {bundleSiteModules, withoutPreloads} from "../../src/node/bundleModules.js";
import {bundleSitePages, stringsForLanguage, withBundlePreload} from "../../src/node/pageModules.js";
import {withDataPreloads} from "../../src/node/preloadData.js";

const preload = (href: string) => `<link rel="modulepreload" href="${href}">\n`;

test("bundleSiteModules folds private modules into the package's file, keeps shared ones, and drops their preloads", async () => {
  const root = await mkdtemp(join(tmpdir(), "vuoto-bundle-"));
  try {
    const write = async (path: string, text: string) => {
      await mkdir(join(root, path, ".."), {recursive: true});
      await writeFile(join(root, path), text);
    };
    await write(
      "_node/pkg@1.0.0/index.0000aaaa.js",
      'export {a} from "../a@1.0.0/index.1111aaaa.js";\nexport {b} from "../b@1.0.0/index.2222aaaa.js";\n'
    );
    await write("_node/a@1.0.0/index.1111aaaa.js", 'export const a = "private a";\n');
    // b is imported by a page too: folding it in would give the page a second instance.
    await write("_node/b@1.0.0/index.2222aaaa.js", "export const b = {instance: 1};\n");
    await write("page.inline-0123456789ab.js", 'import {b} from "./_node/b@1.0.0/index.2222aaaa.js";\n');
    const page =
      preload("./_node/pkg@1.0.0/index.0000aaaa.js") +
      preload("./_node/a@1.0.0/index.1111aaaa.js") +
      preload("./_node/b@1.0.0/index.2222aaaa.js");
    await write("page.html", page);
    expect(await bundleSiteModules(root, ["pkg@"])).toEqual(["_node/a@1.0.0/index.1111aaaa.js"]);
    const bundled = await readFile(join(root, "_node/pkg@1.0.0/index.0000aaaa.js"), "utf8");
    expect(bundled).toContain('"private a"');
    expect(bundled).toContain("from '../b@1.0.0/index.2222aaaa.js'");
    expect(bundled).not.toContain("a@1.0.0");
    const {a, b} = await import(join(root, "_node/pkg@1.0.0/index.0000aaaa.js"));
    const shared = await import(join(root, "_node/b@1.0.0/index.2222aaaa.js"));
    expect([a, b === shared.b]).toEqual(["private a", true]);
    expect(await readFile(join(root, "page.html"), "utf8")).toBe(
      preload("./_node/pkg@1.0.0/index.0000aaaa.js") + preload("./_node/b@1.0.0/index.2222aaaa.js")
    );
    await expect(bundleSiteModules(root, ["gone@"])).rejects.toThrow("missing _node/gone@*/index.*.js");
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});

test("withoutPreloads drops only the folded modules, whatever the page's depth", () => {
  const html = preload("../_node/x@1/index.js") + preload("../_node/y@1/index.js");
  expect(withoutPreloads(html, new Set(["_node/x@1/index.js"]))).toBe(preload("../_node/y@1/index.js"));
  expect(withoutPreloads(html, new Set())).toBe(html);
});

test("withDataPreloads preloads each registered Parquet and JSON file once, before the modules, in cors mode", () => {
  const script = (name: string, path: string) =>
    `registerFile("../data/${name}", {"name":"../data/${name}","path":"${path}","size":3});\n`;
  const scripts = [
    script("a.parquet", "../_file/data/a.1234abcd.parquet") + script("h.json", "../_file/data/h.1234abcd.json"),
    script("a.parquet", "../_file/data/a.1234abcd.parquet") + script("p.png", "../_file/p.1234abcd.png")
  ];
  const html = `<head>\n${preload("../_observablehq/client.js")}</head>`;
  const result = withDataPreloads(html, scripts);
  expect(result).toBe(
    `<head>\n<link rel="preload" as="fetch" crossorigin href="../_file/data/a.1234abcd.parquet">\n` +
      `<link rel="preload" as="fetch" crossorigin href="../_file/data/h.1234abcd.json">\n${preload("../_observablehq/client.js")}</head>`
  );
  // Run twice (postbuild again on the same site), the page keeps one set.
  expect(withDataPreloads(result, scripts)).toBe(result);
  expect(withDataPreloads(html, [])).toBe(html);
  expect(() => withDataPreloads("<head></head>", scripts)).toThrow("no modulepreload link");
});

test("bundleSitePages puts a page's modules in one file beside it, one instance each, and keeps lazy ones lazy", async () => {
  const root = await mkdtemp(join(tmpdir(), "vuoto-pages-"));
  try {
    const write = async (path: string, text: string) => {
      await mkdir(join(root, path, ".."), {recursive: true});
      await writeFile(join(root, path), text);
    };
    await write(
      "_import/lib/counter.1111aaaa.js",
      "// Why the counter is here.\nexport const counter = {instance: 1};\n"
    );
    await write(
      "_import/components/chart.2222aaaa.js",
      'import {counter} from "../lib/counter.1111aaaa.js";\n' +
        'export const chart = () => counter;\nexport const later = () => import("../lib/lazy.3333aaaa.js");\n'
    );
    // Loaded on demand, and finding its own place from import.meta: it must stay where it is.
    await write("_import/lib/lazy.3333aaaa.js", "export const here = import.meta.url;\n");
    await write("_node/pkg@1.0.0/index.4444aaaa.js", 'export const pkg = "pkg";\n');
    const script =
      'export const loaded = Promise.all([import("../_import/components/chart.2222aaaa.js"), ' +
      'import("../_import/lib/counter.1111aaaa.js"), import("../_node/pkg@1.0.0/index.4444aaaa.js")]);\n';
    await write("fi/page.inline-0123456789ab.js", script);
    await write(
      "fi/page.html",
      preload("../_observablehq/client.js") +
        preload("../_import/components/chart.2222aaaa.js") +
        preload("../_import/lib/counter.1111aaaa.js") +
        preload("../_node/pkg@1.0.0/index.4444aaaa.js") +
        '<script type="module" src="./page.inline-0123456789ab.js"></script>\n'
    );
    // A page without module imports is left as it is.
    await write("fi/plain.html", preload("../_observablehq/client.js"));
    expect(await bundleSitePages(root)).toEqual([{page: "fi/page.html", modules: 3}]);
    const html = await readFile(join(root, "fi/page.html"), "utf8");
    const [, bundle] = /href="\.\/(page\.modules-[0-9a-f]{12}\.js)"/.exec(html) ?? [];
    const [, renamed] = /src="\.\/(page\.inline-[0-9a-f]{12}\.js)"/.exec(html) ?? [];
    expect(html).toBe(
      preload("../_observablehq/client.js") +
        preload(`./${bundle}`) +
        `<script type="module" src="./${renamed}"></script>\n`
    );
    expect(renamed).not.toBe("page.inline-0123456789ab.js");
    const files = await readdir(join(root, "fi"));
    expect(files.sort()).toEqual([bundle, "page.html", renamed, "plain.html"].sort());
    const [{chart, later}, {counter}, {pkg}] = await (await import(join(root, "fi", renamed!))).loaded;
    expect([chart() === counter, pkg]).toEqual([true, "pkg"]);
    expect((await later()).here).toBe(pathToFileURL(join(root, "_import/lib/lazy.3333aaaa.js")).href);
    const bundled = await readFile(join(root, "fi", bundle!), "utf8");
    expect(bundled).not.toContain("counter.1111aaaa");
    // Minified: no comments, no indentation.
    expect(bundled).toContain("instance:1");
    expect(bundled).not.toContain("Why the counter");
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});

test("withBundlePreload puts one link to the bundle where the first bundled module's link was", () => {
  const html = preload("../_observablehq/client.js") + preload("../_import/a.js") + preload("../_node/b@1/index.js");
  expect(withBundlePreload(html, new Set(["_import/a.js", "_node/b@1/index.js"]), "p.modules-0123456789ab.js")).toBe(
    preload("../_observablehq/client.js") + preload("./p.modules-0123456789ab.js")
  );
  expect(withBundlePreload(html, new Set(), "p.modules-0123456789ab.js")).toBe(html);
});

test("bundleSitePages gives a page in a language's folder that language's texts only", async () => {
  const root = await mkdtemp(join(tmpdir(), "vuoto-lang-"));
  try {
    const write = async (path: string, text: string) => {
      await mkdir(join(root, path, ".."), {recursive: true});
      await writeFile(join(root, path), text);
    };
    // As Framework writes src/lib/strings.ts: one object per language, then the keyed export.
    await write(
      "_import/lib/strings.1111aaaa.js",
      'const en = {hello: "Hello", count: (n) => `${n} people`};\n' +
        'const fi = {hello: "Hei", count: (n) => `${n} henkilöä`};\n' +
        'const sv = {hello: "Hej", count: (n) => `${n} personer`};\n' +
        "export const strings = {\n  en,\n  fi: {...fi},\n  sv: {...sv}\n};\n"
    );
    const script = 'export const loaded = import("../_import/lib/strings.1111aaaa.js");\n';
    for (const lang of ["fi", "sv", "en"])
      await write(`${lang}/page.html`, `<script type="module" src="./page.inline-0123456789ab.js"></script>\n`);
    for (const lang of ["fi", "sv", "en"]) await write(`${lang}/page.inline-0123456789ab.js`, script);
    // A page in no language's folder keeps every language.
    await write("page.html", `<script type="module" src="./page.inline-0123456789ab.js"></script>\n`);
    await write("page.inline-0123456789ab.js", script.replace("../_import", "./_import"));
    expect((await bundleSitePages(root)).map((b) => b.page).sort()).toEqual(
      ["en/page.html", "fi/page.html", "page.html", "sv/page.html"].sort()
    );
    const texts = async (folder: string) => {
      const html = await readFile(join(root, folder, "page.html"), "utf8");
      const [, renamed] = /src="\.\/(page\.inline-[0-9a-f]{12}\.js)"/.exec(html) ?? [];
      const [, bundle] =
        /^(page\.modules-[0-9a-f]{12}\.js)$/m.exec((await readdir(join(root, folder))).join("\n")) ?? [];
      const {strings} = await (await import(join(root, folder, renamed!))).loaded;
      return {strings, code: await readFile(join(root, folder, bundle!), "utf8")};
    };
    const fi = await texts("fi");
    // Every key answers in the page's language: a default-language fallback gets the page's words.
    expect(Object.keys(fi.strings).sort()).toEqual(["en", "fi", "sv"]);
    expect([fi.strings.fi.hello, fi.strings.fi.count("3"), fi.strings.en.hello]).toEqual(["Hei", "3 henkilöä", "Hei"]);
    expect(fi.code).not.toMatch(/Hello|Hej|personer/);
    const sv = await texts("sv");
    expect([sv.strings.sv.count("2"), sv.strings.fi.hello]).toEqual(["2 personer", "Hej"]);
    expect(sv.code).not.toMatch(/Hello|Hei|henkilöä/);
    const en = await texts("en");
    expect([en.strings.en.hello, en.strings.sv.hello]).toEqual(["Hello", "Hello"]);
    expect(en.code).not.toMatch(/Hei|Hej/);
    const every = (await texts(".")).strings;
    expect([every.en.hello, every.fi.hello, every.sv.hello]).toEqual(["Hello", "Hei", "Hej"]);
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});

test("stringsForLanguage refuses a strings module it cannot cut to one language", async () => {
  const {parseAst} = await import("rollup/parseAst");
  const cut = (code: string) => stringsForLanguage(code, parseAst(code) as never, "fi");
  expect(cut('const fi = {a: "A"};\nexport const strings = {en: {}, fi, sv: {}};\n')).toBe(
    'const fi = {a: "A"};\nexport const strings = ((only) => ({fi: only, sv: only, en: only}))(fi);\n'
  );
  expect(() => cut("export const strings = {en: {}, fi: {}};\n")).toThrow("one entry per language (fi, sv, en)");
  expect(() => cut("export const strings = makeStrings();\n")).toThrow("no `export const strings = {…}`");
});
