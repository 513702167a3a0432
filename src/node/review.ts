// The review step between a build and publication. `npm run build` writes the release's record
// (release.json in the release's folder of the ledger, data/ledger/<time>_<version>/, private) and a one-page review sheet, and marks every page of
// dist/ with a draft banner; `npm run release -- --reviewer NAME` records the approval and removes the
// banner. The reviewer's name is input: it is checked for identifiers, and stays in data/, which is
// never published.
import {existsSync} from "node:fs";
import {readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {strings, type Language} from "../lib/strings.js";
import {helsinkiTimestamp} from "../lib/time.js";
import {config, now} from "./config.js";
import {findIdentifierKinds, identifierKindLabel} from "./privacy/identifiers.js";
import {addToLedger, ledgerName, releaseOf} from "./publish/ledger.js";
import {publishedDir} from "./publishedFiles.js";
import {currentVersion, notesSincePrevious} from "./releaseNotes.js";

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

/**
 * The ledger folder of the release in data/published, where its review record (release.json) and
 * review sheet are kept: one folder of releases, not two. A release published without the ledger is
 * added to it here, so that the next one is checked against it and compared with it.
 */
async function releaseFolder(version: string, create: boolean): Promise<string | null> {
  const ledger = config().ledgerDir;
  const name = await releaseOf(ledger, version);
  if (name) return join(ledger, name);
  return create ? addToLedger(ledger, publishedDir(), ledgerName(now(), version)) : null;
}

async function readRecord(folder: string): Promise<ReleaseRecord | null> {
  const file = join(folder, "release.json");
  return existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : null;
}

/** The one-page review sheet: hidden cells per table, the audit's result, the figures that changed. */
export function reviewSheet(
  version: string,
  audit: Record<string, unknown>,
  changes: Awaited<ReturnType<typeof notesSincePrevious>>
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
  const folder = (await releaseFolder(version, true))!;
  const record: ReleaseRecord = (await readRecord(folder)) ?? {
    version,
    built_at: helsinkiTimestamp(now()),
    approved: null
  };
  await writeFile(join(folder, "release.json"), JSON.stringify(record, null, 2) + "\n");
  const audit = JSON.parse(await readFile(join(publishedDir(), "audit.json"), "utf8"));
  const sheet = join(folder, "review.txt");
  await writeFile(sheet, reviewSheet(version, audit, await notesSincePrevious()));
  await eachPage(dist, record.approved ? withoutDraftBanner : withDraftBanner);
  return sheet;
}

/** Marks the current release approved by *reviewer* and takes the draft banner off the built site. */
export async function approveRelease(reviewer: string, dist: string): Promise<string> {
  const version = await currentVersion();
  const folder = await releaseFolder(version, false);
  const record = folder ? await readRecord(folder) : null;
  if (!folder || !record) throw new Error(`missing release ${version}: run npm run build first`);
  record.approved = {at: helsinkiTimestamp(now()), reviewer: reviewer.trim()};
  await writeFile(join(folder, "release.json"), JSON.stringify(record, null, 2) + "\n");
  await eachPage(dist, withoutDraftBanner);
  return version;
}
