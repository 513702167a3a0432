// Runs before `observable build` and `observable preview`: makes sure the published tables describe
// the current dataset, so a new export can never be shown with old loader output.
//   1. On a fresh clone there is no data/current/: load the embedded synthetic sample into it.
//   2. Publish again if data/published/ was made from another dataset or threshold (the audit
//      failing fails the build).
//   3. Drop Framework's cached loader outputs when the published tables changed.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {parseCli} from "../node/cliArgs.js";
import {invalidateLoaderCache} from "../node/frameworkCache.js";
import {projectRoot} from "../node/paths.js";
import {currentDir, ensurePublished, publishedDir, publishedKey} from "../node/publishedFiles.js";

parseCli(process.argv.slice(2), {}, "usage: npm run prepare:data (no options)");

if (!existsSync(join(currentDir(), "manifest.json"))) {
  console.warn("prepare: no dataset in data/current yet: loading the embedded synthetic sample (data/sample)");
  const load = spawnSync(
    process.execPath,
    ["--import", "tsx", join(projectRoot, "src", "cli", "load.ts"), join(projectRoot, "data", "sample")],
    {
      stdio: ["ignore", "inherit", "inherit"]
    }
  );
  if (load.status !== 0) process.exit(load.status ?? 1);
}

try {
  if (!(await ensurePublished())) console.warn("prepare: the published tables are up to date");
  const audit = JSON.parse(await readFile(join(publishedDir(), "audit.json"), "utf8"));
  invalidateLoaderCache(publishedKey(audit));
} catch (error) {
  console.error(`prepare: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
