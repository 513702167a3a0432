// The review step between a build and publication. `npm run build` writes the release's record
// (data/releases/<version>/release.json, private) and a one-page review sheet, and marks every page of
// dist/ with a draft banner; `npm run release -- --reviewer NAME` records the approval and removes the
// banner. The reviewer's name is input: it is checked for identifiers, and stays in data/, which is
// never published.
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {releaseVersion} from "../lib/release.js";
import type {ReleaseNotes} from "../lib/releaseNotes.js";
import {strings, type Language} from "../lib/strings.js";
import {helsinkiTimestamp} from "../lib/time.js";
import {now} from "./config.js";
import {findIdentifierKinds, identifierKindLabel} from "./privacy/identifiers.js";
import {dataDir, publishedDir} from "./publishedFiles.js";
import {releaseNotes} from "./releaseNotes.js";

export interface ReleaseRecord {
  version: string;
  built_at: string;
  approved: {at: string; reviewer: string} | null;
}

/** Why *name* cannot be recorded as a reviewer, or null when it can. Never repeats the name. */
export function reviewerProblem(name: string | undefined): string | null {
  if (!name?.trim())
    return "missing --reviewer: give the reviewer's name, e.g. npm run release -- --reviewer 'Maria Virtanen'";
  const kinds = findIdentifierKinds(name);
  if (kinds.length)
    return `invalid --reviewer: it holds ${kinds.map((kind) => identifierKindLabel[kind]).join(", ")}; give a name only`;
  if (!/^[\p{L}][\p{L}\p{M} .'-]{0,79}$/u.test(name.trim()))
    return "invalid --reviewer: a name is letters, spaces, hyphens, apostrophes and full stops, at most 80 characters";
  return null;
}

const BANNER_START = "<!-- vuoto-draft -->";
const BANNER_END = "<!-- /vuoto-draft -->";

/** *html* with a draft banner as the first thing in its body (once, however often it is run). */
export function withDraftBanner(html: string, lang: Language): string {
  const banner = `${BANNER_START}<p class="vuoto-draft" role="note">${strings[lang].draftBanner}</p>${BANNER_END}`;
  return withoutDraftBanner(html).replace(/<body([^>]*)>/, (body) => body + banner);
}

export function withoutDraftBanner(html: string): string {
  return html.replace(new RegExp(`${BANNER_START}[\\s\\S]*?${BANNER_END}`, "g"), "");
}

async function eachPage(root: string, change: (html: string, lang: Language) => string): Promise<void> {
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = join(entry.parentPath, entry.name);
    const folder = entry.parentPath.slice(root.length).split("/").filter(Boolean)[0];
    const lang: Language = folder === "sv" || folder === "en" ? folder : "fi";
    const html = await readFile(file, "utf8");
    const changed = change(html, lang);
    if (changed === html) continue;
    await writeFile(file, changed);
    // Precompressed copies of the page would still serve the old version.
    await rm(`${file}.br`, {force: true});
    await rm(`${file}.gz`, {force: true});
  }
}

async function currentVersion(): Promise<string> {
  const headline = JSON.parse(await readFile(join(publishedDir(), "headline.json"), "utf8"));
  return releaseVersion(headline.export?.content_hash, headline.threshold);
}

const releaseFolder = (version: string) => join(dataDir(), "releases", version);

async function readRecord(version: string): Promise<ReleaseRecord | null> {
  const file = join(releaseFolder(version), "release.json");
  return existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : null;
}

async function previousNotes(): Promise<{previous: string; notes: ReleaseNotes} | null> {
  const ledger = join(dataDir(), "ledger");
  if (!existsSync(ledger)) return null;
  const releases = (await readdir(ledger, {withFileTypes: true})).filter((e) => e.isDirectory()).map((e) => e.name);
  const previous = releases.sort().at(-1);
  return previous ? {previous, notes: await releaseNotes(join(ledger, previous), publishedDir())} : null;
}

/** The one-page review sheet: hidden cells per table, the audit's result, the figures that changed. */
export function reviewSheet(
  version: string,
  audit: Record<string, unknown>,
  changes: Awaited<ReturnType<typeof previousNotes>>
): string {
  const tables = (audit.tables ?? []) as Array<{name: string; cells: number; suppressed: number}>;
  const checks = (audit.checks ?? []) as Array<{rule?: string; name?: string; ok?: boolean; passed?: boolean}>;
  const failed = checks.filter((check) => check.ok === false || check.passed === false);
  return [
    `Review sheet for release ${version}`,
    "",
    "Hidden cells per table:",
    ...tables.map(({name, cells, suppressed}) => `  ${name}: ${suppressed} of ${cells}`),
    "",
    `Audit: ${failed.length ? `FAILED (${failed.map((check) => check.rule ?? check.name ?? "?").join(", ")})` : `passed (${checks.length} checks)`}`,
    "",
    changes
      ? [
          `Changes since ${changes.previous}:`,
          ...changes.notes.totals.map(
            ({name, before, after, change}) => `  ${name}: ${before} -> ${after} (${change > 0 ? "+" : ""}${change})`
          ),
          ...changes.notes.cells.map(({table, row, column, became}) => `  ${table} [${row}] ${column}: now ${became}`)
        ].join("\n")
      : "Changes: no earlier release in the ledger.",
    "",
    "Approve with: npm run release -- --reviewer NAME",
    ""
  ].join("\n");
}

/** After a build: records the release (unapproved unless already approved) and writes its review sheet. */
export async function writeReview(dist: string): Promise<string> {
  const version = await currentVersion();
  const folder = releaseFolder(version);
  await mkdir(folder, {recursive: true});
  const record: ReleaseRecord = (await readRecord(version)) ?? {
    version,
    built_at: helsinkiTimestamp(now()),
    approved: null
  };
  await writeFile(join(folder, "release.json"), JSON.stringify(record, null, 2) + "\n");
  const audit = JSON.parse(await readFile(join(publishedDir(), "audit.json"), "utf8"));
  const sheet = join(folder, "review.txt");
  await writeFile(sheet, reviewSheet(version, audit, await previousNotes()));
  await eachPage(dist, record.approved ? withoutDraftBanner : withDraftBanner);
  return sheet;
}

/** Marks the current release approved by *reviewer* and takes the draft banner off the built site. */
export async function approveRelease(reviewer: string, dist: string): Promise<string> {
  const version = await currentVersion();
  const record = await readRecord(version);
  if (!record) throw new Error(`missing release ${version}: run npm run build first`);
  record.approved = {at: helsinkiTimestamp(now()), reviewer: reviewer.trim()};
  await writeFile(join(releaseFolder(version), "release.json"), JSON.stringify(record, null, 2) + "\n");
  await eachPage(dist, withoutDraftBanner);
  return version;
}
