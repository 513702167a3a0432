// Synthetic private datasets in the normalised format (data/current/), written as Parquet by DuckDB.
import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {NodeDatabase} from "../../src/node/duckdbNode.js";
import {normalisedColumns, type TableName} from "../../src/lib/schema.js";
import {literal} from "../../src/lib/sql.js";

export interface PersonSpec {
  /** Shared by the records of one person; by default each spec is a person of its own. */
  key?: string;
  district: string;
  /** Format 1.1's municipality code (the district must be its district). */
  municipality?: string | null;
  age?: string | null;
  sex?: string | null;
  wave?: string | null;
  categories?: string[];
  published?: string | null;
  emailed?: string | null;
  reported?: string | null;
}

export interface Dataset {
  people: PersonSpec[];
  publications?: Array<{date: string; channel: string; records: number}>;
  crisis?: Array<{date: string; district: string; service: string; contacts: number}>;
  manifest?: Record<string, unknown>;
}

/** *count* copies of one person description. */
export function many(count: number, person: PersonSpec): PersonSpec[] {
  return Array.from({length: count}, () => ({...person}));
}

export async function tempFolder(prefix = "vuoto-publish-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes *dataset* as data/current-like Parquet files plus manifest.json into *folder*. */
export async function writeDataset(db: NodeDatabase, folder: string, dataset: Dataset): Promise<void> {
  const records = dataset.people.map((p, i) => ({
    person_key: p.key ?? `p${i}`,
    hospital_district: p.district,
    municipality: p.municipality ?? null,
    age_group: p.age ?? null,
    sex: p.sex ?? null,
    breach_wave: p.wave ?? null,
    data_categories: p.categories?.length ? p.categories.join("|") : null,
    published_on: p.published ?? null,
    emailed_on: p.emailed ?? null,
    reported_on: p.reported ?? null
  }));
  const events = (dataset.publications ?? []).map((e, i) => ({
    event_id: `e${i}`,
    occurred_at: `${e.date}T12:00:00+03:00`,
    occurred_on: e.date,
    channel: e.channel,
    records: e.records,
    description: "free text that must never be published"
  }));
  const crisis = (dataset.crisis ?? []).map((c) => ({
    date: c.date,
    hospital_district: c.district,
    service: c.service,
    contacts: c.contacts,
    breach_related: "unknown"
  }));
  await writeTable(db, folder, "affected_records", records);
  await writeTable(db, folder, "publication_events", events);
  await writeTable(db, folder, "crisis_contacts", crisis);
  await writeManifest(folder, dataset.manifest);
}

export async function writeManifest(folder: string, fields: Record<string, unknown> = {}): Promise<void> {
  const manifest = {
    export_id: "test-export",
    produced_by: "vuoto tests (synthetic)",
    produced_at: "2021-06-01T12:00:00+03:00",
    period_start: null,
    period_end: null,
    schema_version: "1",
    notes: "synthetic test data",
    synthetic: true,
    files: [{name: "affected_records.csv", bytes: 1, sha256: "0".repeat(64), rows: 1}],
    content_hash: "f".repeat(64),
    loaded_at: "2021-06-02T12:00:00+03:00",
    vuoto_version: "0.1.0",
    ...fields
  };
  await writeFile(join(folder, "manifest.json"), JSON.stringify(manifest, null, 2));
}

async function writeTable(db: NodeDatabase, folder: string, table: TableName, rows: object[]): Promise<void> {
  const columns = Object.entries(normalisedColumns[table]);
  const target = literal(join(folder, `${table}.parquet`));
  if (rows.length === 0) {
    await db.run(
      `COPY (SELECT ${columns.map(([n, t]) => `NULL::${t} AS ${n}`).join(", ")} WHERE false) TO ${target} (FORMAT parquet)`
    );
    return;
  }
  const json = join(folder, `${table}.ndjson`);
  await writeFile(json, rows.map((row) => JSON.stringify(row)).join("\n"));
  const schema = columns.map(([n, t]) => `${literal(n)}: ${literal(t === "TIMESTAMPTZ" ? "VARCHAR" : t)}`).join(", ");
  const select = columns.map(([n, t]) => (t === "TIMESTAMPTZ" ? `${n}::TIMESTAMPTZ AS ${n}` : n)).join(", ");
  await db.run(
    `COPY (SELECT ${select} FROM read_json(${literal(json)}, format = 'newline_delimited', columns = {${schema}})) TO ${target} (FORMAT parquet)`
  );
}
