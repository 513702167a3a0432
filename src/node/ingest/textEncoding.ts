// Text files as spreadsheets and editors write them: UTF-8 with or without a byte order mark, UTF-16
// with one (Excel's "Unicode text" is UTF-16LE), else Windows-1252 as Finnish Excel writes CSV.
import {isUtf8} from "node:buffer";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/** The encoding a byte order mark announces, or null when there is none. */
export function bomEncoding(head: Uint8Array): "utf-8-bom" | "utf-16le" | "utf-16be" | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/** WHATWG decoder labels; TextDecoder drops the byte order mark itself. */
export const DECODER_LABEL: Record<TextEncoding, string> = {
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  "windows-1252": "windows-1252"
};

/** A whole small file (a manifest) as text, and the encoding it was read in. */
export function decodeText(bytes: Uint8Array): {text: string; encoding: TextEncoding} {
  const encoding = bomEncoding(bytes) ?? (isUtf8(bytes) ? "utf-8" : "windows-1252");
  return {text: new TextDecoder(DECODER_LABEL[encoding]).decode(bytes), encoding};
}

// C0 and C1 control characters other than tab and line breaks, and the bidirectional overrides and
// isolates that make a terminal or page show text in another order than it is stored.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** True when *text* holds a character that must never be printed from input (see UNPRINTABLE). */
export function hasUnprintable(text: string): boolean {
  return UNPRINTABLE.test(text);
}
