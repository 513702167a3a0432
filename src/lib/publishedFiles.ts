// Where the loaders find the published tables: data/published/, written by src/lib/publish/ from the
// private dataset. Loaders only hand these files out; they never aggregate on the side, so nothing
// can escape the suppression audit.
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {projectRoot} from "./paths.js";
import {publishedTable} from "./publishedTables.js";

export function publishedDir(): string {
  return process.env.VUOTO_PUBLISHED_DIR ?? join(projectRoot, "data", "published");
}

async function readPublished(file: string): Promise<Buffer> {
  const path = join(publishedDir(), file);
  try {
    return await readFile(path);
  } catch {
    throw new Error(`missing ${path}: run \`npm run build\`, which loads the sample if needed and publishes`);
  }
}

/** The Parquet bytes of one published table. */
export function publishedTableBytes(name: string): Promise<Buffer> {
  return readPublished(`${publishedTable(name).name}.parquet`);
}

/** A published JSON document (headline.json, audit.json). */
export function publishedJsonBytes(file: "headline.json" | "audit.json"): Promise<Buffer> {
  return readPublished(file);
}
