// Table files DuckDB cannot read as they are (UTF-16 text, Excel workbooks) are first written to the work
// folder as UTF-8 text, and the load goes on from that copy. The manifest still names, sizes and hashes the
// file the export holds.
import {createHash} from "node:crypto";
import {createReadStream} from "node:fs";
import {join} from "node:path";
import {createGunzip} from "node:zlib";
import type {TableFile} from "./discover.js";
import type {Problem} from "./report.js";
import type {Encoding} from "./sniff.js";
import {transcodeToUtf8} from "./sniff.js";
import {bomEncoding} from "./textEncoding.js";
import {workbookToCsv, type SheetRows} from "./workbook.js";
import type {Workspace} from "./write.js";

export interface Converted {
  /** The UTF-8 copy, named like the original (messages name the export's file). */
  readFile: TableFile;
  /** The original file as the manifest records it. */
  size: number;
  sha256: string;
  encoding: Encoding;
  /** For a workbook: the sheet read and where each CSV record came from. */
  sheet?: SheetRows;
}

/**
 * The UTF-8 copy of *file* when it needs one; null when DuckDB reads the file itself; "refused" when the
 * conversion found problems (pushed to *problems*).
 */
export async function convertForDuckDb(
  file: TableFile,
  workspace: Workspace,
  problems: Problem[]
): Promise<Converted | null | "refused"> {
  if (file.format === "xlsx") {
    const target = join(workspace.dir, `${file.table}.xlsx.csv`);
    const sheet = await workbookToCsv(file, target, problems);
    if (!sheet) return "refused";
    return {readFile: copyOf(file, target), ...(await sizeAndHash(file)), encoding: "binary", sheet};
  }
  if (file.format !== "csv" && file.format !== "tsv") return null;
  const encoding = bomEncoding(await firstBytes(file));
  if (encoding !== "utf-16le" && encoding !== "utf-16be") return null;
  // Line endings are made \n on the way: Windows writes UTF-16 text with \r\n.
  const target = join(workspace.dir, `${file.table}.${encoding}.csv`);
  await transcodeToUtf8(file, target, {encoding, normaliseLineEndings: true});
  return {readFile: copyOf(file, target), ...(await sizeAndHash(file)), encoding};
}

const copyOf = (file: TableFile, path: string): TableFile => ({
  ...file,
  path,
  gzip: false,
  format: file.format === "tsv" ? "tsv" : "csv"
});

/** The first two bytes of a file (decompressed): enough for a UTF-16 byte order mark. */
async function firstBytes(file: TableFile): Promise<Buffer> {
  const raw = createReadStream(file.path, file.gzip ? {} : {end: 1});
  const stream = file.gzip ? raw.pipe(createGunzip()) : raw;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      head = Buffer.concat([head, chunk as Buffer]);
      if (head.length >= 2) break;
    }
  } catch {
    // A damaged gzip stream: the ordinary path reports it.
  } finally {
    raw.destroy();
    stream.destroy();
  }
  return head;
}

async function sizeAndHash(file: TableFile): Promise<{size: number; sha256: string}> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file.path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return {size, sha256: hash.digest("hex")};
}
