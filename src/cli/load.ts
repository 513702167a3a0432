// npm run load -- <export-folder> [--json] [--skip-invalid]
// Exit codes: 0 loaded, 1 invalid export (data/current untouched), 2 refused: the export carries
// identifiers, 64 usage error. VUOTO_DATA_DIR overrides the data folder (tests use a temp folder).
import {stat} from "node:fs/promises";
import {join} from "node:path";
import type {NodeDatabase} from "../node/duckdbNode.js";
import {loadExport} from "../node/ingest/load.js";
import {formatProblems, formatSummary, summaryJson} from "../node/ingest/report.js";
import {invalidateLoaderCache} from "../node/frameworkCache.js";
import {checkedConfig} from "../node/cliArgs.js";
import {config} from "../node/config.js";

const USAGE = "usage: npm run load -- <export-folder> [--json] [--skip-invalid]";

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(64);
}

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("-")));
const positional = args.filter((a) => !a.startsWith("-"));
for (const flag of flags) if (flag !== "--json" && flag !== "--skip-invalid") usage(`unknown option: ${flag}`);
if (positional.length !== 1) usage(positional.length === 0 ? "missing export folder" : "more than one export folder");
const folder = positional[0];
if (!(await stat(folder).catch(() => null))?.isDirectory()) usage(`missing export folder: ${folder}`);
const json = flags.has("--json");
const {dataDir, debug} = checkedConfig();

const progress = !json && process.stderr.isTTY ? startProgress() : null;
const summary = await loadExport(folder, {
  dataDir,
  skipInvalid: flags.has("--skip-invalid"),
  onStage: progress?.stage
}).catch((error: unknown) => {
  progress?.stop();
  // An unexpected database error may quote a cell of the export, which could be an identifier: its
  // text is shown only on request. data/current is untouched either way (the swap never happened).
  process.stderr.write(
    debug
      ? `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      : "internal error while loading; data/current was left as it was. The database's message is withheld because it may quote a cell of the export; rerun with VUOTO_DEBUG=1 to see it\n"
  );
  process.exit(1);
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
