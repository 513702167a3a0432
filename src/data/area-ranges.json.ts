// Every hidden people total of a hospital district or county with the exact range the published tables
// allow, worked out from the published files alone (src/node/areaRanges.ts). Under round5 nothing is
// hidden, so the list is empty.
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {areaRanges, readPublishedSystem} from "../node/areaRanges.js";
import {ensurePublished, publishedDir} from "../node/publishedFiles.js";

await ensurePublished();
const headline = JSON.parse(await readFile(join(publishedDir(), "headline.json"), "utf8"));
const ranges =
  headline.policy === "round5" ? [] : areaRanges(await readPublishedSystem(publishedDir()), headline.threshold);
process.stdout.write(JSON.stringify({threshold: headline.threshold, ranges}));
