// Brotli and gzip copies of the built site's text and wasm files, written beside each one (x.wasm.br,
// x.wasm.gz), so a server sends them without compressing on every request: DuckDB's 34 MB wasm goes
// out as about 6 MB. `npm run serve` (sirv) picks them up; the README gives nginx, Apache and Caddy
// settings that do the same. Run it last: any later change to a file would leave its copies stale.
import {readdir, readFile, writeFile} from "node:fs/promises";
import {extname, join} from "node:path";
import {promisify} from "node:util";
import {brotliCompress, constants, gzip} from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Parquet and PNG are compressed already; a second pass gains almost nothing.
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg", ".csv", ".txt", ".map"]);
// Below this, the copy saves less than its headers cost.
const MIN_BYTES = 1024;
// Brotli's top quality takes over seven minutes on the DuckDB wasm on a 2-core machine; quality 5 takes
// about 12 s and its result is 19 % larger (6.2 against 5.2 MB). Smaller files get quality 9.
const LARGE_BYTES = 4 * 1024 * 1024;

export interface Precompressed {
  file: string;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/** Writes .br and .gz beside every compressible file of at least 1 KiB under *root*, where they are smaller. */
export async function precompressSite(root: string): Promise<Precompressed[]> {
  const files = (await readdir(root, {recursive: true, withFileTypes: true}))
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name));
  // zlib's asynchronous calls run on libuv's thread pool, so the files are compressed side by side.
  const done = await Promise.all(files.map(precompressFile));
  return done.filter((result): result is Precompressed => result !== null);
}

async function precompressFile(file: string): Promise<Precompressed | null> {
  const bytes = await readFile(file);
  if (bytes.length < MIN_BYTES) return null;
  const quality = bytes.length >= LARGE_BYTES ? 5 : 9;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {[constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length}
    }),
    gzipAsync(bytes, {level: 9})
  ]);
  if (br.length < bytes.length) await writeFile(`${file}.br`, br);
  if (gz.length < bytes.length) await writeFile(`${file}.gz`, gz);
  return {file, bytes: bytes.length, brotliBytes: br.length, gzipBytes: gz.length};
}
