// A Node DuckDB holding the fabricated published tables (test/support/publishedFixture.ts), loaded
// from real Parquet files in a temp folder, as the page loads them in the browser.
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {publishedTables} from "../../src/lib/publishedTables.js";
import {writePublishedFixture} from "../support/publishedFixture.js";

export async function openPublishedDatabase(): Promise<{db: NodeDatabase; dir: string; close(): Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), "vuoto-explore-"));
  await writePublishedFixture(dir);
  const db = await openNodeDatabase();
  for (const {name} of publishedTables) {
    await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${join(dir, `${name}.parquet`)}')`);
  }
  return {
    db,
    dir,
    async close() {
      db.close();
      await rm(dir, {recursive: true, force: true});
    }
  };
}
