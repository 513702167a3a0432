// Private datasets for the real attack: the embedded sample or a generated export, loaded as
// data/current would be, and variants of it made in DuckDB (districts shrunk to a handful of people,
// a few people removed for a second release).
import {cp, mkdir, readFile, realpath, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {NodeDatabase} from "../../../src/node/duckdbNode.js";
import {generateExport} from "../../../src/node/generate/index.js";
import {loadExport} from "../../../src/node/ingest/load.js";
import {tempFolder} from "../dataset.js";

const NOW = new Date("2026-11-28T12:00:00Z");

/** Loads an export folder (or generates one first) and returns the loaded dataset's folder. */
export async function loadedDataset(source: "sample" | {seed: number; scale: number}): Promise<string> {
  const work = await tempFolder("vuoto-attack-");
  let folder = "data/sample";
  if (source !== "sample") {
    folder = join(work, "export");
    await generateExport({out: folder, ...source});
  }
  const dataDir = join(work, "data");
  const summary = await loadExport(folder, {dataDir, now: NOW});
  if (!summary.ok) throw new Error(`the export in ${folder} did not load: ${summary.problems.length} problems`);
  return realpath(join(dataDir, "current"));
}

export interface Variant {
  /** Districts to keep only this many people of (the people chosen by a hash of their key). */
  shrink?: Record<string, number>;
  /** How many people to remove (chosen by a hash of their key), as a later export would. */
  remove?: number;
  /** Remove them only from the people whose every record is of this district and age group. */
  from?: {district: string; age: string};
}

/** A copy of *dataset* in *out* with fewer people; the manifest gets a new export id and content hash. */
export async function variantDataset(
  db: NodeDatabase,
  dataset: string,
  out: string,
  variant: Variant
): Promise<string> {
  await mkdir(out, {recursive: true});
  for (const file of ["crisis_contacts.parquet", "publication_events.parquet"]) await cp(join(dataset, file), join(out, file)); // prettier-ignore
  const source = `read_parquet('${join(dataset, "affected_records.parquet")}')`;
  const shrink = Object.entries(variant.shrink ?? {});
  const kept = shrink.map(([district, n]) => `(hospital_district = '${district}' AND rank <= ${n})`);
  // Without districts to shrink every district is kept: `NOT IN (NULL)` would be NULL, and keep nobody.
  const inShrunk = shrink.map(([district]) => `'${district}'`).join(", ") || "''";
  // Everyone may be removed, or only the people wholly in one cell (every record of its district and age).
  const {from} = variant;
  const removable = from
    ? `bool_and(coalesce(hospital_district = '${from.district}' AND age_group = '${from.age}', false))`
    : "true";
  await db.run(`COPY (
    WITH people AS (
      SELECT person_key, min(hospital_district) AS hospital_district, ${removable} AS removable
      FROM ${source} GROUP BY person_key),
    ranked AS (
      SELECT person_key, hospital_district, removable,
        row_number() OVER (PARTITION BY hospital_district ORDER BY hash(person_key), person_key) AS rank,
        row_number() OVER (PARTITION BY removable ORDER BY hash(person_key || 'removed'), person_key) AS removal
      FROM people),
    chosen AS (
      SELECT person_key FROM ranked
      WHERE (hospital_district NOT IN (${inShrunk}) ${kept.map((k) => `OR ${k}`).join(" ")})
        AND NOT (removable AND removal <= ${variant.remove ?? 0}))
    SELECT * FROM ${source} WHERE person_key IN (SELECT person_key FROM chosen)
  ) TO '${join(out, "affected_records.parquet")}' (FORMAT parquet)`);
  const manifest = JSON.parse(await readFile(join(dataset, "manifest.json"), "utf8"));
  const tag = JSON.stringify(variant);
  manifest.export_id = `${manifest.export_id}-variant`;
  manifest.content_hash = Buffer.from(tag).toString("hex").padEnd(64, "0").slice(0, 64);
  // A later export with people only removed says so: the ledger's check may then assume it.
  if (variant.remove) manifest.people_change = "removed";
  await writeFile(join(out, "manifest.json"), JSON.stringify(manifest, null, 2));
  return out;
}
