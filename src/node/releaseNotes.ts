// Release notes from two folders of published files (data/published, or a release in the ledger):
// the headline totals from headline.json and every table from its Parquet file, read with DuckDB.
// The ledger (data/ledger) is the one folder of releases: the previous release is read from it, and
// the build's review record of each release is kept in that release's ledger folder (review.ts).
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {HEADLINE_COUNTS} from "../lib/publishedTables.js";
import {compareReleases, type PublishedRelease, type ReleaseNotes} from "../lib/releaseNotes.js";
import {sql} from "../lib/sql.js";
import {releaseVersion} from "../lib/release.js";
import {config} from "./config.js";
import {openNodeDatabase} from "./duckdbNode.js";
import {previousRelease} from "./publish/ledger.js";
import {publishedDir} from "./publishedFiles.js";

/** The version of the release in data/published (headline.json's export hash, threshold and policy). */
export async function currentVersion(folder = publishedDir()): Promise<string> {
  const headline = JSON.parse(await readFile(join(folder, "headline.json"), "utf8"));
  return releaseVersion(headline.export?.content_hash, headline.threshold, headline.policy);
}

/** What changed since the release before data/published in the ledger; null when there is none. */
export async function notesSincePrevious(
  ledger = config().ledgerDir,
  current = publishedDir()
): Promise<{previous: string; notes: ReleaseNotes} | null> {
  const previous = await previousRelease(ledger, await currentVersion(current));
  return previous ? {previous, notes: await releaseNotes(join(ledger, previous), current)} : null;
}

export async function readPublishedRelease(folder: string): Promise<PublishedRelease> {
  const headline = JSON.parse(await readFile(join(folder, "headline.json"), "utf8"));
  const totals = Object.fromEntries(
    HEADLINE_COUNTS.map((name) => [name, typeof headline[name] === "number" ? headline[name] : null])
  );
  const db = await openNodeDatabase();
  try {
    const tables: PublishedRelease["tables"] = {};
    for (const file of (await readdir(folder)).filter((name) => name.endsWith(".parquet")).sort())
      tables[file.replace(/\.parquet$/, "")] = await db.query(sql`SELECT * FROM read_parquet(${join(folder, file)})`);
    return {totals, tables};
  } finally {
    db.close();
  }
}

/** What changed from the release published in *previousFolder* to the one in *currentFolder*. */
export async function releaseNotes(previousFolder: string, currentFolder: string): Promise<ReleaseNotes> {
  return compareReleases(await readPublishedRelease(previousFolder), await readPublishedRelease(currentFolder));
}
