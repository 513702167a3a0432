// Publishing in one pass: aggregate the private dataset, suppress across the whole system with the
// solver (protect.ts), audit (audit.ts, then every hidden cell's provable range in rangeAudit.ts), and
// only then write. The output folder is replaced as a whole, so it never mixes two runs.
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {config} from "../config.js";
import {openNodeDatabase} from "../duckdbNode.js";
import {audit, type AuditReport} from "./audit.js";
import {aggregate} from "./aggregate.js";
import {headlineJson, readManifest, type Manifest} from "./manifest.js";
import {protect} from "./protect.js";
import type {RangeAuditReport} from "./rangeAudit.js";
import type {PublishedSystem} from "./system.js";
import {writeTables} from "./write.js";

export const DEFAULT_THRESHOLD = 5;

export interface PublishOptions {
  /** The private normalised dataset (data/current). */
  data: string;
  /** Where the published files go (data/published); replaced as a whole. */
  out: string;
  /** Smallest count published other than 0; default VUOTO_THRESHOLD, else 5. */
  threshold?: number | string;
}

export interface PublishResult {
  threshold: number;
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
}

export function resolveThreshold(value: number | string | undefined = config().threshold): number {
  if (value === undefined || value === "") return DEFAULT_THRESHOLD;
  const threshold = Number(value);
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new Error(`invalid threshold: ${value} (a whole number of at least 2; set --threshold or VUOTO_THRESHOLD)`);
  }
  return threshold;
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const threshold = resolveThreshold(options.threshold);
  const manifest = await readManifest(options.data);
  const clock = timer();
  const db = await openNodeDatabase();
  try {
    const system = await aggregate(db, options.data, {
      periodStart: manifest.period_start,
      periodEnd: manifest.period_end,
      threshold
    });
    const aggregateTime = clock();
    const {
      published,
      primary,
      complementary,
      solves,
      rounds,
      timings: solverTimings,
      witnesses
    } = protect(system, threshold);
    const suppressTime = clock();
    // The rule-by-rule audit first (contract, threshold, margins), then the solver's: every hidden
    // cell's provable range, rebuilt from the published rows alone.
    // The suppression's whole-number solutions serve the audit as hints, each verified against the
    // audit's own system first: they spare solves and cannot pass a cell that does not pass.
    const report = audit(published, threshold, [witnesses]);
    const {ranges} = report;
    const auditTime = clock();
    await writeOutput(db, options.out, published, report, manifest);
    return {
      threshold,
      published,
      report,
      ranges,
      primary,
      complementary,
      solves,
      rounds,
      solverTimings,
      timings: {aggregate: aggregateTime, suppress: suppressTime, audit: auditTime, write: clock()}
    };
  } finally {
    db.close();
  }
}

async function writeOutput(
  db: Awaited<ReturnType<typeof openNodeDatabase>>,
  out: string,
  published: PublishedSystem,
  report: AuditReport,
  manifest: Manifest
): Promise<void> {
  const staging = `${out}.partial`;
  await rm(staging, {recursive: true, force: true});
  await mkdir(staging, {recursive: true});
  await writeTables(db, staging, published);
  const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
  await writeFile(join(staging, "headline.json"), json(headlineJson(published, report.threshold, manifest)));
  // The source's content hash lets a loader tell that the published files lag behind data/current.
  const source = {export_id: manifest.export_id, content_hash: manifest.content_hash};
  await writeFile(join(staging, "audit.json"), json({...report, source}));
  await mkdir(dirname(out), {recursive: true});
  await rm(out, {recursive: true, force: true});
  await rename(staging, out);
}

function timer(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return Math.round(elapsed);
  };
}
