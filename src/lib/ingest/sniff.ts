// One streaming pass over each input file: its SHA-256 (for the manifest), its encoding (BOM, strict
// UTF-8, else Windows-1252 as Finnish Excel writes it) and, for delimited text, the header record and
// the delimiter. Windows-1252 files are then transcoded to a UTF-8 temp file, since DuckDB reads UTF-8 only.
import {createHash} from "node:crypto";
import {createReadStream, createWriteStream} from "node:fs";
import {stat} from "node:fs/promises";
import type {Readable} from "node:stream";
import {pipeline} from "node:stream/promises";
import {createGunzip} from "node:zlib";
import type {TableFile} from "./discover.js";

export type Encoding = "utf-8" | "utf-8-bom" | "windows-1252" | "binary";
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
   * No quotes and no blank lines: every row is one physical line, so row n (from 0) is on line n + 2 and
   * no scan is needed to report line numbers.
   */
  oneLinePerRow: boolean;
}

const HEAD_BYTES = 1 << 16;

function openDecompressed(file: TableFile, onRaw?: (chunk: Buffer) => void): Readable {
  const stream = createReadStream(file.path);
  if (onRaw) stream.on("data", (chunk) => onRaw(chunk as Buffer));
  return file.gzip ? stream.pipe(createGunzip()) : stream;
}

export async function sniffFile(file: TableFile): Promise<Sniffed> {
  const {size} = await stat(file.path);
  const hash = createHash("sha256");
  if (file.format === "parquet") {
    for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
    return {size, sha256: hash.digest("hex"), encoding: "binary", empty: size === 0, unterminatedQuote: false, oneLinePerRow: false};
  }
  const decoder = new TextDecoder("utf-8", {fatal: true});
  let utf8 = true;
  let head = Buffer.alloc(0);
  let total = 0;
  let quotes = 0;
  let blankLine = false;
  let previous = -1;
  for await (const chunk of openDecompressed(file, (raw) => hash.update(raw))) {
    const bytes = chunk as Buffer;
    total += bytes.length;
    // indexOf is a native scan, so counting quotes costs little even on files without any.
    for (let i = bytes.indexOf(0x22); i >= 0; i = bytes.indexOf(0x22, i + 1)) ++quotes;
    if (!blankLine) {
      blankLine = bytes.includes("\n\n") || bytes.includes("\n\r\n") || (previous === 0x0a && (bytes[0] === 0x0a || bytes[0] === 0x0d));
    }
    if (bytes.length > 0) previous = bytes[bytes.length - 1];
    if (head.length < HEAD_BYTES) head = Buffer.concat([head, bytes.subarray(0, HEAD_BYTES - head.length)]);
    if (utf8) {
      try {
        decoder.decode(bytes, {stream: true});
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding: Encoding = !utf8 ? "windows-1252" : bom ? "utf-8-bom" : "utf-8";
  const sniffed: Sniffed = {
    size,
    sha256: hash.digest("hex"),
    encoding,
    empty: total === 0,
    unterminatedQuote: quotes % 2 === 1,
    oneLinePerRow: quotes === 0 && !blankLine
  };
  if (file.format === "csv" || file.format === "tsv") {
    const text = new TextDecoder(utf8 ? "utf-8" : "windows-1252").decode(head);
    const headerLine = firstRecord(text);
    sniffed.delimiter = file.format === "tsv" ? "\t" : sniffDelimiter(headerLine);
    sniffed.header = splitRecord(headerLine, sniffed.delimiter).map((name) => name.trim());
  }
  return sniffed;
}

/** The first record of *text* (a quoted field may span lines), without its line ending. */
export function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === "\n" && !quoted) return text.slice(0, i).replace(/\r$/, "");
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
      if (c === '"' && record[i + 1] === '"') (field += '"'), ++i;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) fields.push(field), (field = "");
    else field += c;
  }
  fields.push(field);
  return fields.map((name) => name.replace(/^\uFEFF/, ""));
}

/** Writes *file* decompressed and transcoded from Windows-1252 to UTF-8 at *target*, streaming. */
export async function transcodeToUtf8(file: TableFile, target: string): Promise<void> {
  const decoder = new TextDecoder("windows-1252");
  await pipeline(
    openDecompressed(file),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) yield decoder.decode(chunk, {stream: true});
      yield decoder.decode();
    },
    createWriteStream(target)
  );
}
