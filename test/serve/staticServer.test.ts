// The static server `npm run serve` and the browser tests use: nothing outside dist/, the production CSP on
// every answer, precompressed copies when the browser takes them, and caching that lets a repeat visit
// transfer almost nothing.
import {mkdtemp, mkdir, rm, writeFile} from "node:fs/promises";
import {request} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {brotliCompressSync, gzipSync} from "node:zlib";
import {afterAll, beforeAll, expect, test} from "vitest";
import {contentSecurityPolicy} from "../../src/lib/contentSecurityPolicy.js";
import {cacheControlFor, serveStatic, type StaticServer} from "../../src/node/staticServer.js";

let folder: string;
let server: StaticServer;
const wasm = Buffer.alloc(200_000, "duckdb ");

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "vuoto-serve-"));
  const dist = join(folder, "dist");
  await mkdir(join(dist, "_node", "@duckdb", "duckdb-wasm@1.32.0", "dist"), {recursive: true});
  await mkdir(join(dist, "_import"), {recursive: true});
  await mkdir(join(folder, "dist-secret"), {recursive: true});
  await writeFile(join(folder, "dist-secret", "x.txt"), "secret");
  await writeFile(join(dist, "index.html"), "<h1>Overview</h1>");
  await writeFile(join(dist, "explore.html"), "<h1>Explore</h1>");
  await writeFile(join(dist, "_import", "style.58793803.css"), "body{}");
  const wasmPath = join(dist, "_node", "@duckdb", "duckdb-wasm@1.32.0", "dist", "duckdb-eh.wasm");
  await writeFile(wasmPath, wasm);
  await writeFile(`${wasmPath}.br`, brotliCompressSync(wasm));
  await writeFile(`${wasmPath}.gz`, gzipSync(wasm));
  server = await serveStatic(dist);
});
afterAll(async () => {
  await server?.close();
  await rm(folder, {recursive: true, force: true});
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

// node:http rather than fetch: fetch normalises "..%2f" and decompresses, which would hide what is sent.
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, {headers}, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks)})
      );
    });
    req.on("error", reject);
    req.end();
  });
}

test("issue 11: a request cannot read a sibling folder of dist/, however the path is spelled", async () => {
  for (const path of [
    "/..%2fdist-secret%2fx.txt",
    "/%2e%2e/dist-secret/x.txt",
    "/..%5cdist-secret%5cx.txt",
    "/_import/..%2f..%2fdist-secret%2fx.txt",
    "/%2e%2e%2fdist-secret%2fx.txt"
  ]) {
    const answer = await get(path);
    expect(answer.status, path).toBe(404);
    expect(answer.body.toString(), path).not.toContain("secret");
  }
});

test("pages are found by their clean URL and carry the CSP and a validator, revalidated on each visit", async () => {
  const page = await get("/explore");
  expect(page.status).toBe(200);
  expect(page.body.toString()).toBe("<h1>Explore</h1>");
  expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(page.headers["content-security-policy"]).toBe(contentSecurityPolicy);
  expect(page.headers["x-content-type-options"]).toBe("nosniff");
  expect(page.headers["cache-control"]).toBe("no-cache");
  const etag = page.headers.etag as string;
  expect(etag).toMatch(/^W\/"/);
  const again = await get("/explore", {"if-none-match": etag});
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  expect((await get("/")).body.toString()).toBe("<h1>Overview</h1>");
  expect((await get("/nothing-here")).status).toBe(404);
});

test("large assets go out precompressed when the browser accepts it, with Vary, and raw when it does not", async () => {
  const path = "/_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm";
  const brotli = await get(path, {"accept-encoding": "gzip, deflate, br"});
  expect(brotli.headers["content-encoding"]).toBe("br");
  expect(brotli.headers["content-type"]).toBe("application/wasm");
  expect(brotli.headers.vary).toBe("Accept-Encoding");
  expect(brotli.body.length).toBeLessThan(wasm.length / 10);
  const gzip = await get(path, {"accept-encoding": "gzip"});
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gzip.body.length).toBeLessThan(wasm.length / 10);
  const raw = await get(path);
  expect(raw.headers["content-encoding"]).toBeUndefined();
  expect(raw.body.equals(wasm)).toBe(true);
  expect(raw.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("only content-hashed or versioned files are cached for a year; everything else is revalidated", () => {
  const immutable = "public, max-age=31536000, immutable";
  expect(cacheControlFor("/_import/style.58793803.css")).toBe(immutable);
  expect(cacheControlFor("/_file/data/people-by-age.8ed15948.parquet")).toBe(immutable);
  expect(cacheControlFor("/_observablehq/runtime.fa9f71c0.js")).toBe(immutable);
  expect(cacheControlFor("/explore.inline-169bef229b5a.js")).toBe(immutable);
  expect(cacheControlFor("/_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm")).toBe(immutable);
  expect(cacheControlFor("/_node/d3-array@3.2.5/index.8fbc5974.js")).toBe(immutable);
  // Framework names parquet-wasm's folder "@undefined": the path stays the same when the version changes.
  expect(cacheControlFor("/_node/parquet-wasm@undefined/esm/parquet_wasm_bg.wasm")).toBe("no-cache");
  expect(cacheControlFor("/explore")).toBe("no-cache");
  expect(cacheControlFor("/index.html")).toBe("no-cache");
  expect(cacheControlFor("/_import/style.css")).toBe("no-cache");
});
