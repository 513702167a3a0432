// data/current/manifest.json: where the dataset came from (files, checksums, detected dialects), what
// the load counted, and content_hash, which changes exactly when the input files or the schema do, so
// that downstream outputs can tell they are stale.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {SCHEMA_VERSION, type TableName} from "../../lib/schema.js";
import {projectRoot} from "../paths.js";
import type {FileFormat} from "./discover.js";
import type {TableCounts, Totals} from "./report.js";
import type {Delimiter, Encoding} from "./sniff.js";

export interface InputFile {
  table: TableName;
  name: string;
  size: number;
  sha256: string;
  format: FileFormat;
  compression: "gzip" | "none";
  encoding: Encoding;
  delimiter: Delimiter | null;
}

export interface DatasetManifest {
  export_id: string | null;
  schema_version: string;
  vuoto_version: string;
  loaded_at: string;
  content_hash: string;
  skip_invalid: boolean;
  rejects: string | null;
  files: InputFile[];
  tables: Partial<Record<TableName, TableCounts & {file: string}>>;
  totals: Totals;
  export_manifest: Record<string, unknown> | null;
}

/** SHA-256 over the schema version and each input file's table and hash, in table order. */
export function contentHash(files: Array<Pick<InputFile, "table" | "sha256">>): string {
  const hash = createHash("sha256").update(`vuoto export format v${SCHEMA_VERSION}\n`);
  for (const {table, sha256} of [...files].sort((a, b) => a.table.localeCompare(b.table)))
    hash.update(`${table} ${sha256}\n`);
  return hash.digest("hex");
}

export function vuotoVersion(): string {
  return JSON.parse(readFileSync(`${projectRoot}package.json`, "utf-8")).version;
}
