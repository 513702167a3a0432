// Finds the table files of an export folder (`<table>.<ext>`) and its optional manifest.json.
import {readdir} from "node:fs/promises";
import {join} from "node:path";
import {exportTables, TABLE_EXTENSIONS, type TableName} from "../../lib/schema.js";
import {readExportManifest} from "./exportManifest.js";
import type {Problem} from "./report.js";

export type FileFormat = "csv" | "tsv" | "ndjson" | "parquet";

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
  ".parquet": {format: "parquet", gzip: false}
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
    if (found.length > 1) {
      problems.push(
        fileProblem(
          found[0].name,
          `more than one file for table ${spec.name}: ${found.map((f) => f.name).join(", ")}`,
          "keep one"
        )
      );
    } else if (found.length === 0 && spec.required) {
      problems.push(
        fileProblem(
          `${spec.name}.csv`,
          `missing table ${spec.name}`,
          `add ${spec.name} as one of ${TABLE_EXTENSIONS.map((e) => spec.name + e).join(", ")}`
        )
      );
    }
    if (found.length === 1) files.push(found[0]);
  }
  const exportManifest = names.has("manifest.json")
    ? await readExportManifest(join(folder, "manifest.json"), problems)
    : null;
  return {files, exportManifest, problems};
}

export function fileProblem(file: string, message: string, hint?: string): Problem {
  return {kind: "invalid", file, message, hint, examples: [], count: 0};
}
