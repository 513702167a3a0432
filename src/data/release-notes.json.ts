// What changed since the previous release in the ledger (data/ledger/<release>/, the newest folder by
// name), computed from the published files of both; {"previous": null} when the ledger has none.
import {existsSync} from "node:fs";
import {readdir} from "node:fs/promises";
import {join} from "node:path";
import {dataDir, publishedDir} from "../node/publishedFiles.js";
import {releaseNotes} from "../node/releaseNotes.js";

const ledger = join(dataDir(), "ledger");
const releases = existsSync(ledger)
  ? (await readdir(ledger, {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  : [];
const previous = releases.at(-1) ?? null;
const notes = previous ? await releaseNotes(join(ledger, previous), publishedDir()) : null;
process.stdout.write(JSON.stringify({previous, notes}));
