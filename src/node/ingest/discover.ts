// Finds the table files of an export folder (`<table>.<ext>`) and its optional manifest.json.
import type {Stats} from "node:fs";
import {lstat, readdir, realpath, stat} from "node:fs/promises";
import {isAbsolute, join, relative} from "node:path";
import {exportTables, TABLE_EXTENSIONS, type TableName} from "../../lib/schema.js";
import {readExportManifest} from "./exportManifest.js";
import type {Problem} from "./report.js";

export type FileFormat = "csv" | "tsv" | "ndjson" | "parquet" | "xlsx";

export interface TableFile {
  table: TableName;
  /** File name inside the export folder. */
  name: string;
  path: string;
  format: FileFormat;
  gzip: boolean;
}

export interface Discovery {
  files: TableFile[];
  exportManifest: Record<string, unknown> | null;
  problems: Problem[];
}

const FORMATS: Record<(typeof TABLE_EXTENSIONS)[number], {format: FileFormat; gzip: boolean}> = {
  ".csv": {format: "csv", gzip: false},
  ".csv.gz": {format: "csv", gzip: true},
  ".tsv": {format: "tsv", gzip: false},
  ".ndjson": {format: "ndjson", gzip: false},
  ".jsonl": {format: "ndjson", gzip: false},
  ".parquet": {format: "parquet", gzip: false},
  ".xlsx": {format: "xlsx", gzip: false},
  // Excel saves "Unicode text" (UTF-16LE, tab-separated) as .txt; the delimiter is found from the header.
  ".txt": {format: "csv", gzip: false}
};

export async function discoverExport(folder: string): Promise<Discovery> {
  const names = new Set(await readdir(folder));
  const problems: Problem[] = [];
  const files: TableFile[] = [];
  for (const spec of exportTables) {
    const found = TABLE_EXTENSIONS.filter((ext) => names.has(`${spec.name}${ext}`)).map((ext) => ({
      table: spec.name,
      name: `${spec.name}${ext}`,
      path: join(folder, `${spec.name}${ext}`),
      ...FORMATS[ext]
    }));
    const [first] = found;
    if (first && found.length > 1) {
      problems.push(
        fileProblem(
          first.name,
          `more than one file for table ${spec.name}: ${found.map((f) => f.name).join(", ")}`,
          "keep one"
        )
      );
    } else if (!first && spec.required) {
      problems.push(
        fileProblem(
          `${spec.name}.csv`,
          `missing table ${spec.name}`,
          `add ${spec.name} as one of ${TABLE_EXTENSIONS.map((e) => spec.name + e).join(", ")}`
        )
      );
    }
    if (first && found.length === 1) {
      const problem = await notARegularFile(folder, first.name);
      if (problem) problems.push(problem);
      else files.push(first);
    }
  }
  let exportManifest: Record<string, unknown> | null = null;
  if (names.has("manifest.json")) {
    const problem = await notARegularFile(folder, "manifest.json");
    if (problem) problems.push(problem);
    else exportManifest = await readExportManifest(join(folder, "manifest.json"), problems);
  }
  return {files, exportManifest, problems};
}

/**
 * Only regular files inside the export folder are read: a symbolic link is followed only when it stays
 * inside, and a pipe (whose reader would wait forever), a device or a folder named like a table is refused.
 */
async function notARegularFile(folder: string, name: string): Promise<Problem | null> {
  const path = join(folder, name);
  const stats = await lstat(path);
  if (stats.isSymbolicLink()) {
    const target = await realpath(path).catch(() => null);
    if (target === null)
      return fileProblem(
        name,
        "dangling symbolic link: what it points to does not exist",
        "copy the file itself into the export folder"
      );
    const inside = relative(await realpath(folder), target);
    if (inside.startsWith("..") || isAbsolute(inside))
      return fileProblem(
        name,
        "symbolic link that leads out of the export folder",
        "copy the file itself into the export folder"
      );
    return kindProblem(name, await stat(target));
  }
  return kindProblem(name, stats);
}

function kindProblem(name: string, stats: Stats): Problem | null {
  if (stats.isFile()) return null;
  const what = stats.isDirectory()
    ? "a folder"
    : stats.isFIFO()
      ? "a named pipe"
      : stats.isSocket()
        ? "a socket"
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? "a device"
          : "not a regular file";
  return fileProblem(name, `not a file: this is ${what}`, "put the table in the export folder as a regular file");
}

export function fileProblem(file: string, message: string, hint?: string): Problem {
  return {kind: "invalid", file, message, hint, examples: [], count: 0};
}
