// The public part of data/current/manifest.json, as headline.json carries it for the methods page. The
// input files' names, sizes and hashes stay in the private manifest: a size or a per-file hash would let
// someone holding a candidate export confirm it, or tell how many rows a table had before suppression.
// content_hash, one hash over the whole export, is enough for provenance.
import {ROUND5_DESCRIPTION, type Policy} from "./rounding.js";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {PublishedSystem} from "./system.js";

export interface Manifest {
  export_id: string | null;
  produced_by: string | null;
  produced_at: string | null;
  period_start: string | null;
  period_end: string | null;
  schema_version: string | null;
  notes: string | null;
  loaded_at: string | null;
  vuoto_version: string | null;
  content_hash: string | null;
  /** The export says it is made-up data (`"synthetic": true` in its manifest.json). */
  synthetic: boolean;
  /**
   * What the export promises about the people since the export before it (`"people_change": "removed"`
   * or `"added"`): only then may the ledger's check assume it. Null: anything may have changed.
   */
  people_change: "removed" | "added" | null;
}

const TEXT_FIELDS = [
  "export_id",
  "produced_by",
  "produced_at",
  "period_start",
  "period_end",
  "schema_version",
  "notes",
  "loaded_at",
  "vuoto_version",
  "content_hash"
] as const;

/** Reads the manifest the load step wrote; the export's own fields sit under `export_manifest`. */
export async function readManifest(folder: string): Promise<Manifest> {
  const file = join(folder, "manifest.json");
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? `missing ${file}: run npm run load first` : `invalid ${file}: not JSON`);
  }
  const own = raw.export_manifest ?? raw.export;
  const nested = (typeof own === "object" && own ? own : {}) as Record<string, unknown>;
  const text = (name: string) => {
    const value = raw[name] ?? nested[name];
    return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
  };
  const manifest = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])) as Omit<
    Manifest,
    "synthetic" | "people_change"
  >;
  const change = text("people_change");
  if (change !== null && change !== "removed" && change !== "added")
    throw new Error(`invalid ${file}: people_change must be "removed" or "added" (or left out)`);
  return {
    ...manifest,
    period_start: localDate(manifest.period_start),
    period_end: localDate(manifest.period_end),
    synthetic: (raw.synthetic ?? nested.synthetic) === true,
    people_change: change
  };
}

function localDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** Decided by the export's explicit flag only: a word in its notes is no promise that nobody real is in it. */
export function isSynthetic(manifest: Manifest): boolean {
  return manifest.synthetic;
}

export function headlineJson(
  published: PublishedSystem,
  threshold: number,
  manifest: Manifest,
  policy: Policy = "suppress"
) {
  const m = manifest;
  return {
    ...published.headline,
    threshold,
    // Which policy built the release; a rounded one also says how (the attacker reads its base).
    policy,
    ...(policy === "round5" ? {rounding: ROUND5_DESCRIPTION} : {}),
    synthetic: isSynthetic(manifest),
    export: {
      export_id: m.export_id,
      produced_by: m.produced_by,
      produced_at: m.produced_at,
      period_start: m.period_start,
      period_end: m.period_end,
      schema_version: m.schema_version,
      loaded_at: m.loaded_at,
      vuoto_version: m.vuoto_version,
      content_hash: m.content_hash
    }
  };
}
