// One streaming pass over each input file: its SHA-256 (for the manifest), its encoding (BOM, strict
// UTF-8, else Windows-1252 as Finnish Excel writes it) and, for delimited text, the header record and
// the delimiter. Windows-1252 files are then transcoded to a UTF-8 temp file, since DuckDB reads UTF-8 only.
import {isUtf8} from "node:buffer";
import {createHash} from "node:crypto";
import {createReadStream, createWriteStream} from "node:fs";
import {open, stat} from "node:fs/promises";
import type {Readable} from "node:stream";
import {pipeline} from "node:stream/promises";
import {createGunzip} from "node:zlib";
import type {TableFile} from "./discover.js";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252" | "binary";
export type Delimiter = "," | ";" | "\t";

export interface Sniffed {
  size: number;
  sha256: string;
  encoding: Encoding;
  /** For csv/tsv: the delimiter and the header's column names (trimmed, as written). */
  delimiter?: Delimiter;
  header?: string[];
  /** No bytes at all once decompressed. */
  empty: boolean;
  /** An odd number of `"`: the file ends inside a quoted field (cut short). */
  unterminatedQuote: boolean;
  /**
   * No line break inside quotes and no blank lines: every row is one physical line, so row n (from 0) is
   * on line n + 2 and no scan is needed to report line numbers.
   */
  oneLinePerRow: boolean;
  /**
   * How lines end: `lf` (or no line break at all), `crlf`, `mixed` (both, or a lone \r besides them) or
   * `cr` (a lone \r only: classic Mac). DuckDB's strict CSV reader takes only the first two.
   */
  lineEndings: LineEndings;
}

export type LineEndings = "lf" | "crlf" | "mixed" | "cr";

const HEAD_BYTES = 1 << 16;
// Reading in 1 MiB chunks rather than Node's default 64 KiB takes a third of the time per byte.
const CHUNK_BYTES = 1 << 20;
const PLAIN_CHUNK_BYTES = 4 << 20;

/**
 * The bytes of an uncompressed file, read into one reused buffer: half the time of a read stream, which
 * allocates every chunk. A chunk is valid only until the next one is asked for.
 */
async function* plainChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path);
  try {
    const buffer = Buffer.allocUnsafe(PLAIN_CHUNK_BYTES);
    for (;;) {
      const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

function openDecompressed(file: TableFile, onRaw?: (chunk: Buffer) => void): Readable {
  const stream = createReadStream(file.path, {highWaterMark: CHUNK_BYTES});
  if (onRaw) stream.on("data", (chunk) => onRaw(chunk as Buffer));
  return file.gzip ? stream.pipe(createGunzip()) : stream;
}

/** What the first bytes of a file tell before the whole of it has been read (see sniffHead). */
export interface SniffedHead {
  /** For csv/tsv: the delimiter and the header's column names, as sniffFile will find them. */
  delimiter?: Delimiter;
  header?: string[];
  /** The head is non-empty and valid UTF-8: the whole file may well be so too. */
  plain: boolean;
}

/**
 * The header of a delimited file and whether its head looks plain, from its first bytes only, so that
 * a load can start its DuckDB pass while sniffFile reads the rest; sniffFile has the last word.
 */
export async function sniffHead(file: TableFile): Promise<SniffedHead> {
  if (file.format === "parquet") return {plain: true};
  let head = Buffer.alloc(0);
  const raw = createReadStream(file.path, file.gzip ? {} : {end: HEAD_BYTES - 1});
  const stream = file.gzip ? raw.pipe(createGunzip()) : raw;
  for await (const chunk of stream) {
    head = Buffer.concat([head, chunk as Buffer]);
    if (head.length >= HEAD_BYTES) break;
  }
  raw.destroy();
  stream.destroy();
  head = head.subarray(0, HEAD_BYTES);
  const utf8Check = utf8Checker();
  const plain = head.length > 0 && utf8Check(head);
  return file.format === "csv" || file.format === "tsv" ? {...headerOf(file, head, "utf-8"), plain} : {plain};
}

/** The delimiter and the trimmed column names of a delimited file's header record, from its first bytes. */
function headerOf(
  file: TableFile,
  head: Buffer,
  encoding: "utf-8" | "windows-1252"
): {delimiter: Delimiter; header: string[]} {
  const headerLine = firstRecord(new TextDecoder(encoding).decode(head));
  const delimiter = file.format === "tsv" ? "\t" : sniffDelimiter(headerLine);
  return {delimiter, header: splitRecord(headerLine, delimiter).map((name) => name.trim())};
}

export async function sniffFile(file: TableFile): Promise<Sniffed> {
  const {size} = await stat(file.path);
  const hash = createHash("sha256");
  if (file.format === "parquet") {
    for await (const chunk of plainChunks(file.path)) hash.update(chunk);
    return {
      size,
      sha256: hash.digest("hex"),
      encoding: "binary",
      empty: size === 0,
      unterminatedQuote: false,
      oneLinePerRow: false,
      lineEndings: "lf"
    };
  }
  const utf8Check = utf8Checker();
  let utf8 = true;
  let head = Buffer.alloc(0);
  let total = 0;
  let quotes = 0;
  let blankLine = false;
  // Line endings: counted only in chunks that hold a \r (most files have none: one native search).
  let lf = 0;
  let crlf = 0;
  let loneCr = 0;
  let lastWasCr = false;
  let quotedLineBreak = false;
  // The last two bytes of the previous chunk, for a blank line cut by a chunk boundary.
  let previous = "";
  // Nothing below keeps a chunk: hash, UTF-8 check and head copy what they need.
  const chunks = file.gzip ? openDecompressed(file, (raw) => hash.update(raw)) : plainChunks(file.path);
  for await (const chunk of chunks) {
    const bytes = chunk as Buffer;
    if (!file.gzip) hash.update(bytes);
    total += bytes.length;
    // indexOf is a native scan, so counting quotes costs little even on files without any.
    // Quote positions come from indexOf, a native scan; a line break between an opening quote and
    // the next quote is a line break inside a field (`""` inside a field closes and reopens: no matter).
    if (quotes % 2 === 1) {
      // A field opened in the previous chunk: a line break before its closing quote is inside it.
      const close = bytes.indexOf(0x22);
      const newline = bytes.indexOf(0x0a);
      if (newline >= 0 && (close < 0 || newline < close)) quotedLineBreak = true;
    }
    for (let i = bytes.indexOf(0x22); i >= 0; i = bytes.indexOf(0x22, i + 1)) {
      if (quotes % 2 === 0) {
        const next = bytes.indexOf(0x22, i + 1);
        const newline = bytes.indexOf(0x0a, i + 1);
        if (newline >= 0 && (next < 0 || newline < next)) quotedLineBreak = true;
      }
      ++quotes;
    }
    if (!blankLine) {
      // A chunk without a carriage return (most files) cannot hold a CRLF blank line: one search spared.
      blankLine =
        bytes.includes("\n\n") ||
        (bytes.includes(0x0d) && bytes.includes("\n\r\n")) ||
        /\n\r?\n/.test(previous + bytes.toString("latin1", 0, 2));
    }
    if (bytes.includes(0x0d) || lastWasCr) {
      if (lastWasCr) bytes[0] === 0x0a ? ++crlf : ++loneCr;
      for (let i = bytes.indexOf(0x0d); i >= 0; i = bytes.indexOf(0x0d, i + 1)) {
        if (i + 1 < bytes.length) bytes[i + 1] === 0x0a ? ++crlf : ++loneCr;
      }
      lastWasCr = bytes[bytes.length - 1] === 0x0d;
    }
    if (lf === 0 && bytes.includes(0x0a)) lf = 1;
    previous = (previous + bytes.toString("latin1", Math.max(0, bytes.length - 2))).slice(-2);
    if (head.length < HEAD_BYTES) head = Buffer.concat([head, bytes.subarray(0, HEAD_BYTES - head.length)]);
    if (utf8) utf8 = utf8Check(bytes);
  }
  if (utf8) utf8 = utf8Check(null);
  if (lastWasCr) ++loneCr;
  // A \n not preceded by \r exists when there are more \n than \r\n; counted only if a \r was seen.
  let bareLf = crlf === 0 ? lf : 0;
  if (crlf > 0) bareLf = (await countLf(file)) - crlf;
  const lineEndings: LineEndings =
    loneCr > 0 ? (crlf > 0 || bareLf > 0 ? "mixed" : "cr") : crlf > 0 ? (bareLf > 0 ? "mixed" : "crlf") : "lf";
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: Encoding = !utf8 ? "windows-1252" : bom ? "utf-8-bom" : "utf-8";
  const sniffed: Sniffed = {
    size,
    sha256: hash.digest("hex"),
    encoding,
    empty: total === 0,
    unterminatedQuote: quotes % 2 === 1,
    oneLinePerRow: !quotedLineBreak && quotes % 2 === 0 && !blankLine && lineEndings !== "cr",
    lineEndings
  };
  if (file.format === "csv" || file.format === "tsv")
    Object.assign(sniffed, headerOf(file, head, utf8 ? "utf-8" : "windows-1252"));
  return sniffed;
}

/** The number of \n in a file (decompressed), by native searches. */
async function countLf(file: TableFile): Promise<number> {
  let n = 0;
  const chunks = file.gzip ? openDecompressed(file) : plainChunks(file.path);
  for await (const chunk of chunks) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) ++n;
  }
  return n;
}

/**
 * Strict UTF-8 validation of a stream, chunk by chunk (null: the end). Node's isUtf8 checks bytes
 * without decoding them into a string; a character cut by a chunk boundary is carried to the next chunk.
 */
function utf8Checker(): (chunk: Buffer | null) => boolean {
  let carry = Buffer.alloc(0);
  return (chunk) => {
    if (chunk === null) return carry.length === 0;
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let end = bytes.length;
    // The last lead byte among the final three: if its character needs more bytes than are left, carry it.
    for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); --i) {
      const b = bytes.readUInt8(i);
      if ((b & 0xc0) === 0x80) continue;
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (i + length > bytes.length) end = i;
      break;
    }
    carry = Buffer.from(bytes.subarray(end));
    return isUtf8(bytes.subarray(0, end));
  };
}

/** The first record of *text* (a quoted field may span lines), without its line ending. */
export function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    // A lone \r ends a line too (classic Mac), else a CR-only file would be one long header.
    else if ((c === "\n" || c === "\r") && !quoted) return text.slice(0, i);
  }
  return text.replace(/\r$/, "");
}

/** The delimiter used most often outside quotes in the header record: `,`, `;` or tab. */
export function sniffDelimiter(header: string): Delimiter {
  const counts = {",": 0, ";": 0, "\t": 0};
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) ++counts[c as Delimiter];
  }
  return (Object.entries(counts) as Array<[Delimiter, number]>).reduce((a, b) => (b[1] > a[1] ? b : a), [",", 0])[0];
}

export function splitRecord(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < record.length; ++i) {
    const c = record[i];
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') ((field += '"'), ++i);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) (fields.push(field), (field = ""));
    else field += c;
  }
  fields.push(field);
  return fields.map((name) => name.replace(/^\uFEFF/, ""));
}

/**
 * Writes *file* decompressed, as UTF-8 (from *encoding*) and, when asked, with every line ending (\r\n or
 * a lone \r) made \n, at *target*, streaming: DuckDB reads UTF-8 only, and its strict reader one kind of
 * line ending.
 */
export async function transcodeToUtf8(
  file: TableFile,
  target: string,
  {encoding = "windows-1252", normaliseLineEndings = false}: {encoding?: string; normaliseLineEndings?: boolean} = {}
): Promise<void> {
  const decoder = new TextDecoder(encoding);
  let heldCr = false;
  const normalise = (text: string, final: boolean) => {
    if (!normaliseLineEndings) return text;
    let all = (heldCr ? "\r" : "") + text;
    heldCr = !final && all.endsWith("\r");
    if (heldCr) all = all.slice(0, -1);
    return all.replace(/\r\n?/g, "\n");
  };
  await pipeline(
    openDecompressed(file),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) yield normalise(decoder.decode(chunk, {stream: true}), false);
      yield normalise(decoder.decode(), true);
    },
    createWriteStream(target)
  );
}
