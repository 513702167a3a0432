// Postbuild's loading-path steps: a package's private modules folded into its file (one instance of
// every module kept), and each page's published files preloaded with its modules.
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";
import {bundleSiteModules, withoutPreloads} from "../../src/node/bundleModules.js";
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
