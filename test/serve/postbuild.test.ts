// Postbuild steps that serving depends on: precompressed copies that decompress to the file, and pages
// that can be zoomed.
import {mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {expect, test} from "vitest";
import {precompressSite} from "../../src/node/precompress.js";
import {withZoomAllowed} from "../../src/node/viewport.js";

test("precompressSite writes .br and .gz that decompress to the file, for text and wasm of 1 KiB or more only", async () => {
  const root = await mkdtemp(join(tmpdir(), "vuoto-precompress-"));
  try {
    const script = Buffer.from("export const x = 1;\n".repeat(200));
    await writeFile(join(root, "big.js"), script);
    await writeFile(join(root, "edge.css"), Buffer.alloc(1024, "a"));
    await writeFile(join(root, "small.css"), Buffer.alloc(1023, "a"));
    await writeFile(join(root, "data.parquet"), Buffer.alloc(5000, "p"));
    const copies = await precompressSite(root);
    expect(copies.map(({file}) => file.slice(root.length + 1)).sort()).toEqual(["big.js", "edge.css"]);
    expect((await readdir(root)).sort()).toEqual([
      "big.js",
      "big.js.br",
      "big.js.gz",
      "data.parquet",
      "edge.css",
      "edge.css.br",
      "edge.css.gz",
      "small.css"
    ]);
    expect(brotliDecompressSync(await readFile(join(root, "big.js.br"))).equals(script)).toBe(true);
    expect(gunzipSync(await readFile(join(root, "big.js.gz"))).equals(script)).toBe(true);
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});

test("withZoomAllowed removes maximum-scale and keeps the rest of the viewport", () => {
  expect(withZoomAllowed('<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">')).toBe(
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
  );
  const plain = '<meta name="viewport" content="width=device-width, initial-scale=1">';
  expect(withZoomAllowed(plain)).toBe(plain);
});
