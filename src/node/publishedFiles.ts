// Where the loaders find the published tables: data/published/, written by src/node/publish/ from the
// private dataset in data/current/. Loaders only hand these files out; they never aggregate on the
// side, so nothing can escape the suppression audit. Before handing anything out they make sure the
// published tables describe the current dataset (content hash and threshold), publishing again if
// not, so neither `npm run build` nor a running `npm run dev` can show an earlier export's figures.
import {mkdir, readFile, rm, stat} from "node:fs/promises";
import {join} from "node:path";
import {config} from "./config.js";
import {publish, resolveThreshold} from "./publish/index.js";
import {fileURLToPath} from "node:url";
import {publishedTable, publishedTableForLoader} from "../lib/publishedTables.js";

export function dataDir(): string {
  return config().dataDir;
}

export function currentDir(): string {
  return join(dataDir(), "current");
}

export function publishedDir(): string {
  return config().publishedDir;
}

async function readJson(path: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return null;
  }
}

/** True when data/published was made from the current dataset with the threshold in force. */
export async function publishedIsFresh(): Promise<boolean> {
  const [manifest, audit] = await Promise.all([
    readJson(join(currentDir(), "manifest.json")),
    readJson(join(publishedDir(), "audit.json"))
  ]);
  if (!manifest)
    throw new Error(
      `missing ${join(currentDir(), "manifest.json")}: run \`npm run load -- <export-folder>\` (or \`npm run build\`, which loads the sample)`
    );
  return audit != null && publishedKey(audit) === `${manifest.content_hash}:${resolveThreshold()}`;
}

/** What a publication was made from: the dataset's content hash and the threshold, as one key. */
export function publishedKey(audit: Record<string, unknown>): string {
  const source = audit.source as {content_hash?: string} | undefined;
  return `${source?.content_hash}:${audit.threshold}`;
}

const LOCK_STALE_MS = 10 * 60_000;

// Framework may run several loaders at once; one of them publishes while the others wait for it.
async function withPublishLock<T>(action: () => Promise<T>): Promise<T> {
  const lock = join(dataDir(), ".publish-lock");
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const info = await stat(lock).catch(() => null);
      if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS) await rm(lock, {recursive: true, force: true});
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await action();
  } finally {
    await rm(lock, {recursive: true, force: true});
  }
}

/** Publishes the current dataset unless data/published already describes it; returns whether it did. */
export async function ensurePublished(): Promise<boolean> {
  if (await publishedIsFresh()) return false;
  return withPublishLock(async () => {
    if (await publishedIsFresh()) return false;
    console.warn("publishing the current dataset (aggregate, suppress, audit)");
    await publish({data: currentDir(), out: publishedDir(), ledger: config().ledgerDir});
    return true;
  });
}

async function readPublished(file: string): Promise<Buffer> {
  await ensurePublished();
  return readFile(join(publishedDir(), file));
}

/** The Parquet bytes of one published table. */
export function publishedTableBytes(name: string): Promise<Buffer> {
  return readPublished(`${publishedTable(name).name}.parquet`);
}

/**
 * The Parquet bytes of the published table that the loader at *loaderUrl* (its import.meta.url) hands
 * out, found by the loader's file name in the contract: every table's loader is the same two lines.
 */
export function publishedLoaderBytes(loaderUrl: string): Promise<Buffer> {
  return publishedTableBytes(publishedTableForLoader(fileURLToPath(loaderUrl).replaceAll("\\", "/")).name);
}

/** A published JSON document (headline.json, audit.json). */
export function publishedJsonBytes(file: "headline.json" | "audit.json"): Promise<Buffer> {
  return readPublished(file);
}
