// Runs before `observable build` and `observable preview`: makes sure the published tables describe
// the current dataset, so a new export can never be shown with old loader output.
//   1. On a fresh clone there is no data/current/: load the embedded sample into it.
//   2. If data/published/ was made from another dataset (content hash) or threshold, publish again
//      (aggregate, suppress, audit: the audit failing fails the build).
//   3. Framework reruns a loader only when its cached output is missing (upstream #1242), so drop the
//      cached outputs of the loaders whenever the published tables changed.
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {projectRoot} from "../lib/paths.js";
import {publishedDir} from "../lib/publishedFiles.js";

const dataDir = process.env.VUOTO_DATA_DIR ?? join(projectRoot, "data");
const manifestPath = join(dataDir, "current", "manifest.json");
const auditPath = join(publishedDir(), "audit.json");
const frameworkCache = join(projectRoot, "src", ".observablehq", "cache");
const loaderCache = join(frameworkCache, "data");
const cacheKeyPath = join(frameworkCache, "vuoto-published-key");

function run(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "src", "cli", script), ...args], {
    stdio: ["ignore", "inherit", "inherit"],
    cwd: projectRoot
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function readJson(path: string): Record<string, unknown> | null {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

if (!existsSync(manifestPath)) {
  console.warn("prepare: no dataset in data/current yet: loading the embedded synthetic sample (data/sample)");
  run("load.ts", [join(projectRoot, "data", "sample")]);
}

const manifest = readJson(manifestPath);
const audit = readJson(auditPath);
const threshold = process.env.VUOTO_THRESHOLD ?? "5";
const fresh =
  audit != null &&
  manifest != null &&
  audit.source_content_hash === manifest.content_hash &&
  String(audit.threshold) === threshold;

if (!fresh) {
  console.warn("prepare: publishing the current dataset (aggregate, suppress, audit)");
  run("publish.ts", ["--data", join(dataDir, "current"), "--out", publishedDir()]);
} else {
  console.warn(`prepare: published tables are up to date with export ${String(manifest?.export_id ?? "")}`);
}

const published = readJson(auditPath);
const cacheKey = `${String(published?.source_content_hash)}:${String(published?.threshold)}`;
if (!existsSync(cacheKeyPath) || readFileSync(cacheKeyPath, "utf8") !== cacheKey) {
  rmSync(loaderCache, {recursive: true, force: true});
  mkdirSync(frameworkCache, {recursive: true});
  writeFileSync(cacheKeyPath, cacheKey);
}
