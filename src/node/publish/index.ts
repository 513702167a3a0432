// Publishing in one pass: aggregate the private dataset, suppress across the whole system with the
// solver (protect.ts), audit (audit.ts, then every hidden cell's provable range in rangeAudit.ts), and
// only then write. The output folder is replaced as a whole, so it never mixes two runs.
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {config} from "../config.js";
import {openNodeDatabase} from "../duckdbNode.js";
import {audit, type AuditReport} from "./audit.js";
import {aggregate} from "./aggregate.js";
import {releaseVersion} from "../../lib/release.js";
import {now} from "../config.js";
import {
  addToLedger,
  inherentNarrowing,
  ledgered,
  ledgerName,
  LedgerError,
  newestRelease,
  type EarlierRelease
} from "./ledger.js";
import {headlineJson, readManifest, type Manifest} from "./manifest.js";
import {buildModel} from "./model.js";
import {protect, type LedgerLink} from "./protect.js";
import {InfeasibleSystemError} from "./ranges.js";
import type {RangeAuditReport} from "./rangeAudit.js";
import {POLICIES, type Policy} from "./rounding.js";
import {publishRounded} from "./publishRounded.js";
import {auditRoundedPair} from "./roundedPair.js";
import type {PublishedSystem} from "./system.js";
import {writeTables} from "./write.js";
import {emptyPhase, startPhase, type PhaseTime} from "./solverClock.js";

export const DEFAULT_THRESHOLD = 5;

export interface PublishOptions {
  /** The private normalised dataset (data/current). */
  data: string;
  /** Where the published files go (data/published); replaced as a whole. */
  out: string;
  /** Smallest count published other than 0; default VUOTO_THRESHOLD, else 5. */
  threshold?: number | string;
  /**
   * The release ledger (data/ledger, private, never served): one subfolder per earlier release. The new
   * release is checked with the newest one, and added to it once written. Absent: no ledger.
   */
  ledger?: string;
  /** How counts are protected: suppress (the engine, default VUOTO_POLICY, else suppress) or round5. */
  policy?: Policy | string;
}

export interface PublishResult {
  /** Smallest count published other than 0: the threshold, or 8 under round5 (7 or less redacted). */
  threshold: number;
  policy: Policy;
  published: PublishedSystem;
  report: AuditReport;
  /** The solver's audit: hidden cells checked and solves run. */
  ranges: RangeAuditReport;
  /** Private diagnostics (for stderr, not for publishing). */
  primary: number;
  complementary: number;
  /** Solver runs and rounds of the suppression, for the bench. */
  solves: number;
  rounds: number;
  timings: {aggregate: number; suppress: number; audit: number; write: number};
  /** Of the suppression's time, the exact range checks and the LPs that choose complementary cells. */
  solverTimings: {ranges: number; complements: number};
  /**
   * The solver's phases (suppress policy only): the model and primary cells, the complementary-cell LPs,
   * the exact range checks and the audit, each with its solves and its time inside HiGHS.
   */
  breakdown?: {primary: PhaseTime; complements: PhaseTime; ranges: PhaseTime; audit: PhaseTime};
  /** The earlier release checked with this one, and the ledger folder this one was added as. */
  ledger?: {checkedWith: string | null; added: string};
}

export function resolveThreshold(value: number | string | undefined = config().threshold): number {
  if (value === undefined || value === "") return DEFAULT_THRESHOLD;
  const threshold = Number(value);
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new Error(`invalid threshold: ${value} (a whole number of at least 2; set --threshold or VUOTO_THRESHOLD)`);
  }
  return threshold;
}

export function resolvePolicy(value: string | undefined = config().policy): Policy {
  if (value === undefined || value === "") return "suppress";
  if (!(POLICIES as readonly string[]).includes(value))
    throw new Error(`invalid policy: ${value} (suppress or round5; set --policy or VUOTO_POLICY)`);
  return value as Policy;
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const policy = resolvePolicy(options.policy);
  if (policy === "round5") return publishRounded(options);
  const threshold = resolveThreshold(options.threshold);
  const manifest = await readManifest(options.data);
  const clock = timer();
  const db = await openNodeDatabase();
  try {
    // The ledger first: a folder in it that is not a release stops the publish before any work.
    const earlier = options.ledger ? await newestRelease(db, options.ledger) : null;
    const system = await aggregate(db, options.data, {
      periodStart: manifest.period_start,
      periodEnd: manifest.period_end,
      threshold
    });
    // A rounded earlier release publishes no exact counts: the engine, which takes every published
    // count as exact, cannot be tied to it. The pair is checked after the suppression instead, below.
    const link = earlier && earlier.policy === "suppress" ? ledgerLink(earlier, manifest) : undefined;
    // A count that no suppression can protect against the earlier release stops the publish before the
    // engine tries (it would hide cell after cell, then give up): the message says why and what to do.
    const inherent =
      link && earlier && inherentNarrowing(buildModel(system), earlier, manifest.people_change ?? "any", threshold);
    if (inherent) throw new LedgerError(inherent);
    const aggregateTime = clock();
    const {
      published,
      primary,
      complementary,
      solves,
      rounds,
      timings: solverTimings,
      breakdown,
      witnesses
    } = suppress(system, threshold, link, earlier, manifest);
    const suppressTime = clock();
    // The rule-by-rule audit first (contract, threshold, margins), then the solver's: every hidden
    // cell's provable range, rebuilt from the published rows alone (and the ledger's newest release).
    // The suppression's whole-number solutions serve the audit as hints, each verified against the
    // audit's own system first: they spare solves and cannot pass a cell that does not pass.
    const auditPhase = emptyPhase();
    const stop = startPhase(auditPhase);
    const alone = audit(published, threshold, [witnesses], link);
    // After a rounded release, the pair from both releases' published rows (roundedPair.ts): each judged by
    // its own promise. A failure refuses the release (nothing written), naming what to do.
    const pair =
      earlier?.policy === "round5"
        ? auditRoundedPair(
            published,
            earlier,
            {change: manifest.people_change ?? "any", periodEnd: manifest.period_end},
            {policy, threshold}
          )
        : null;
    const report = pair
      ? {
          ...alone,
          ranges: {
            ...alone.ranges,
            solves: alone.ranges.solves + pair.solves,
            ledger: {release: pair.release, cells: pair.cells}
          }
        }
      : alone;
    stop();
    const {ranges} = report;
    const auditTime = clock();
    const added = await writeRelease(db, options, {published, report, manifest, policy, threshold});
    return {
      ...(added ? {ledger: {checkedWith: link || pair ? (earlier?.name ?? null) : null, added}} : {}),
      threshold,
      policy,
      published,
      report,
      ranges,
      primary,
      complementary,
      solves,
      rounds,
      solverTimings,
      breakdown: {...breakdown, audit: auditPhase},
      timings: {aggregate: aggregateTime, suppress: suppressTime, audit: auditTime, write: clock()}
    };
  } finally {
    db.close();
  }
}

function ledgerLink(earlier: EarlierRelease, manifest: Manifest): LedgerLink {
  return ({model, linear}) =>
    ledgered({model, linear, periodEnd: manifest.period_end}, earlier, manifest.people_change ?? "any");
}

function suppress(
  system: Parameters<typeof protect>[0],
  threshold: number,
  link: LedgerLink | undefined,
  earlier: EarlierRelease | null,
  manifest: Manifest
): ReturnType<typeof protect> {
  try {
    return protect(system, threshold, link);
  } catch (error) {
    if (!(error instanceof InfeasibleSystemError) || !earlier) throw error;
    throw new LedgerError(
      `this export and ledger release ${earlier.folder} contradict each other under what the export says changed between them (people ${manifest.people_change ?? "changed anyhow"}, as people_change in its manifest.json says; crisis contacts of closed weeks the same): correct that field, or move that release out of the ledger if it is not the release before this export`
    );
  }
}

/**
 * The one tail of every publish, whatever its policy: the release written to its folder, then a copy of it
 * added to the ledger when there is one, named by the Helsinki time and the release's version. Returns the
 * ledger folder added, or null without a ledger.
 */
export async function writeRelease(
  db: Awaited<ReturnType<typeof openNodeDatabase>>,
  options: Pick<PublishOptions, "out" | "ledger">,
  release: {published: PublishedSystem; report: AuditReport; manifest: Manifest; policy: Policy; threshold: number}
): Promise<string | null> {
  const {published, report, manifest, policy, threshold} = release;
  await writeOutput(db, options.out, published, report, manifest, policy);
  if (!options.ledger) return null;
  const version = releaseVersion(manifest.content_hash, threshold, policy);
  return addToLedger(options.ledger, options.out, ledgerName(now(), version));
}

async function writeOutput(
  db: Awaited<ReturnType<typeof openNodeDatabase>>,
  out: string,
  published: PublishedSystem,
  report: AuditReport,
  manifest: Manifest,
  policy: Policy
): Promise<void> {
  const staging = `${out}.partial`;
  await rm(staging, {recursive: true, force: true});
  await mkdir(staging, {recursive: true});
  await writeTables(db, staging, published);
  const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
  await writeFile(join(staging, "headline.json"), json(headlineJson(published, report.threshold, manifest, policy)));
  // The source's content hash lets a loader tell that the published files lag behind data/current.
  const source = {export_id: manifest.export_id, content_hash: manifest.content_hash};
  await writeFile(join(staging, "audit.json"), json({...report, source}));
  await mkdir(dirname(out), {recursive: true});
  await rm(out, {recursive: true, force: true});
  await rename(staging, out);
}

/** Milliseconds since the last call (or since it was made). */
export function timer(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return Math.round(elapsed);
  };
}
