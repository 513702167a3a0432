// The identifier scan of last resort: every byte of a text file, read as text, split on delimiters,
// quotes and line breaks, each piece that the JS prefilter passes verified. It runs when DuckDB did not
// see every cell: a file refused as a whole (no header, unterminated quote, invalid JSON…) or one with
// rows it could not split (too many or too few fields, a line over the limit). Only kinds and line
// numbers leave this module.
import {createReadStream} from "node:fs";
import {createGunzip} from "node:zlib";
import {IDENTIFIER_CANDIDATE_PATTERN, type IdentifierKind} from "../privacy/identifierPatterns.js";
import {bomEncoding, DECODER_LABEL} from "./textEncoding.js";

// The DuckDB prefilter in JS syntax (also used on workbook cells): RE2's \x{…} becomes \u{…}, \pL \p{L}.
export const IDENTIFIER_CANDIDATE = new RegExp(
  IDENTIFIER_CANDIDATE_PATTERN.replace(/\\x\{([0-9A-Fa-f]+)\}/g, "\\u{$1}").replace(/\\p([LN])/g, "\\p{$1}"),
  "u"
);
// Pieces: what lies between delimiters, quotes and line breaks (no identifier contains them).
const SEPARATORS = /[,;\t"\r\n]/g;

export interface RawHit {
  kind: IdentifierKind;
  /** First line (1-based; \r\n, \n and a lone \r each end one) where the kind was found, and how many pieces. */
  line: number;
  count: number;
}

/** *checked*: texts already verified elsewhere (a file's header names), skipped wherever they appear. */
export async function scanRawText(path: string, gzip: boolean, checked = new Set<string>()): Promise<RawHit[]> {
  const {findIdentifierKinds} = await import("../privacy/identifiers.js");
  const hits = new Map<IdentifierKind, RawHit>();
  let decoder: TextDecoder | null = null;
  let line = 1;
  let carry = "";
  let lastWasCr = false;
  const check = (piece: string, at: number) => {
    if (piece.length < 5 || !IDENTIFIER_CANDIDATE.test(piece) || checked.has(piece.trim())) return;
    for (const kind of findIdentifierKinds(piece)) {
      const hit = hits.get(kind);
      if (hit) ++hit.count;
      else hits.set(kind, {kind, line: at, count: 1});
    }
  };
  // Only new text is searched for separators: a long piece grows in `carry` and is checked once, whole.
  const scan = (text: string, final: boolean) => {
    let start = 0;
    for (const match of text.matchAll(SEPARATORS)) {
      const i = match.index;
      const c = match[0];
      // \n right after \r (also across chunks) ends the same line.
      const crlf = c === "\n" && lastWasCr && i === start && carry === "";
      check(carry + text.slice(start, i), line);
      carry = "";
      start = i + 1;
      if (c === "\r" || (c === "\n" && !crlf)) ++line;
      lastWasCr = c === "\r";
    }
    if (start < text.length) {
      carry += text.slice(start);
      lastWasCr = false;
    }
    if (final) check(carry, line);
  };
  const raw = createReadStream(path);
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  try {
    for await (const chunk of stream) {
      decoder ??= new TextDecoder(DECODER_LABEL[bomEncoding(chunk as Buffer) ?? "utf-8"]);
      scan(decoder.decode(chunk as Buffer, {stream: true}), false);
    }
  } catch {
    // A cut-short or damaged stream: what could be read has been scanned; its fault is reported elsewhere.
  } finally {
    raw.destroy();
  }
  scan(decoder?.decode() ?? "", true);
  return [...hits.values()];
}
