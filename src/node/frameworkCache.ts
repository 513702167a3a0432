// Framework reruns a data loader only when its cached output is missing (upstream #1242): a changed
// dataset does not invalidate it. So whenever the published tables change, the cached loader outputs
// are dropped, and `npm run build` or a running `npm run dev` fetch them afresh.
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {projectRoot} from "./paths.js";

const cache = join(projectRoot, "src", ".observablehq", "cache");

/** Drops the cached loader outputs unless they were made for *key* (the published tables' identity). */
export function invalidateLoaderCache(key: string | null): void {
  const keyFile = join(cache, "vuoto-published-key");
  if (key !== null && existsSync(keyFile) && readFileSync(keyFile, "utf8") === key) return;
  rmSync(join(cache, "data"), {recursive: true, force: true});
  mkdirSync(cache, {recursive: true});
  if (key === null) rmSync(keyFile, {force: true});
  else writeFileSync(keyFile, key);
}
