// npm run load -- <export-folder> [--json] [--skip-invalid]
// Exit codes: 0 loaded, 1 invalid export (data/current untouched), 2 refused: the export carries
// identifiers, 64 usage error, 74 the data folder is full, read-only or not writable, 75 another load
// holds the data folder. VUOTO_DATA_DIR overrides the data folder (tests use a temp folder).
// With --json, stdout holds exactly one JSON object whatever happens (run it as `npm run --silent load`,
// or npm's own banner comes first).
import {stat} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import type {NodeDatabase} from "../node/duckdbNode.js";
import {ioFault} from "../node/ingest/faults.js";
import {loadExport} from "../node/ingest/load.js";
import {formatProblems, formatSummary, summaryJson} from "../node/ingest/report.js";
import {invalidateLoaderCache} from "../node/frameworkCache.js";
import {checkedConfig} from "../node/cliArgs.js";
import {config} from "../node/config.js";

const USAGE = "usage: npm run load -- <export-folder> [--json] [--skip-invalid]";
// Decided before parsing, so that a usage error is reported as JSON too.
const json = process.argv.slice(2).includes("--json");

/** The one line (and, with --json, the one object) for a run that loaded nothing; then exit. */
function fail(code: number, error: string, message: string, extra = ""): never {
  process.stderr.write(`${message}\n${extra}`);
  if (json)
    process.stdout.write(JSON.stringify({ok: false, error, message, export_id: null, tables: {}, totals: null}) + "\n");
  process.exit(code);
}

function usage(message: string): never {
  fail(64, "usage", message, `${USAGE}\n`);
}

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {json: {type: "boolean"}, "skip-invalid": {type: "boolean"}}
  });
}
try {
  parsed = parseOptions();
} catch (error) {
  // parseArgs names the option it does not know; an option is the user's own typing, not export data.
  const option = /'([^']*)'/.exec((error as Error).message)?.[1];
  usage(option ? `unknown option: ${option}` : "invalid options");
}
const [folder, ...extra] = parsed.positionals;
if (folder === undefined) usage("missing export folder");
if (extra.length) usage("more than one export folder");
if (!(await stat(folder).catch(() => null))?.isDirectory()) usage(`missing export folder: ${folder}`);
const {dataDir, debug} = checkedConfig();

const progress = !json && process.stderr.isTTY ? startProgress() : null;
const summary = await loadExport(folder, {
  dataDir,
  skipInvalid: parsed.values["skip-invalid"] ?? false,
  onStage: progress?.stage
}).catch((error: unknown) => {
  progress?.stop();
  const fault = ioFault(error, dataDir);
  if (fault) fail(fault.exitCode, fault.exitCode === 75 ? "busy" : "io", fault.message);
  // An unexpected database error may quote a cell of the export, which could be an identifier: its
  // text is shown only on request. data/current is untouched either way (the swap never happened).
  if (debug) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  fail(
    1,
    "internal",
    "internal error while loading; data/current was left as it was. The database's message is withheld because it may quote a cell of the export; rerun with VUOTO_DEBUG=1 to see it"
  );
});
progress?.stop();

const diagnostics = [...summary.warnings];
if (summary.problems.length > 0) {
  const heading =
    summary.exitCode === 2
      ? "refused: the export carries identifiers; nothing was loaded"
      : summary.ok
        ? "skipped rows (see rejects.csv):"
        : "invalid export; data/current was left as it was:";
  diagnostics.push(heading, formatProblems(summary.problems));
}
if (diagnostics.length > 0) process.stderr.write(diagnostics.join("\n") + "\n");
if (json) process.stdout.write(summaryJson(summary) + "\n");
else {
  const text = formatSummary(summary);
  if (text) process.stdout.write(text + "\n");
  if (summary.ok)
    process.stdout.write(
      `loaded ${summary.export_id ?? folder} into ${join(dataDir, "current")} (content hash ${summary.content_hash?.slice(0, 12)})\n`
    );
}
// A running `npm run dev` must not keep serving the previous export's figures.
if (summary.ok && dataDir === config({}).dataDir) invalidateLoaderCache(null);
process.exitCode = summary.exitCode;

/** One updating status line on stderr: stage, rows so far, elapsed time. */
function startProgress() {
  const started = performance.now();
  let label = "starting";
  let db: NodeDatabase | null = null;
  const draw = () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const rows = db ? db.progress().rows : 0;
    process.stderr.write(`\r\x1b[K${label}${rows > 0 ? ` · ${rows.toLocaleString("en-US")} rows` : ""} · ${seconds} s`);
  };
  const timer = setInterval(draw, 250);
  return {
    stage(name: string, database: NodeDatabase) {
      label = name;
      db = database;
      draw();
    },
    stop() {
      clearInterval(timer);
      process.stderr.write("\r\x1b[K");
    }
  };
}
