// Issue 17, releases that can be compared: the ledger (data/ledger) is the one folder of releases. The
// release notes read the previous release from it (not the one the publish just added), and the
// build's review record and sheet are kept in the release's own ledger folder; no data/releases.
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {publish} from "../../src/node/publish/index.js";
import {previousRelease, versionOf} from "../../src/node/publish/ledger.js";
import {currentVersion, notesSincePrevious} from "../../src/node/releaseNotes.js";
import {approveRelease, writeReview} from "../../src/node/review.js";
import {many, tempFolder, writeDataset} from "./dataset.js";

let db: NodeDatabase;
const saved = process.env.VUOTO_DATA_DIR;
beforeAll(async () => void (db = await openNodeDatabase()));
afterAll(() => {
  db.close();
  if (saved === undefined) delete process.env.VUOTO_DATA_DIR;
  else process.env.VUOTO_DATA_DIR = saved;
});

test("a ledger folder's name carries its release version; other names carry none", () => {
  expect(versionOf("2026-11-29T170102_82761e9c347d-t5-p1")).toBe("82761e9c347d-t5-p1");
  expect(versionOf("2026-11-29T170102_82761e9c347d-t5-p1-2")).toBe("82761e9c347d-t5-p1");
  expect(versionOf("2026-11-29T170102_unhashed-round5")).toBe("unhashed-round5");
  expect(versionOf("release-1")).toBeNull();
});

test("release notes compare with the release before this one in the ledger, and the review lives there", async () => {
  const work = await tempFolder();
  process.env.VUOTO_DATA_DIR = join(work, "data");
  const [data, ledger, dist] = [join(work, "data"), join(work, "data", "ledger"), join(work, "dist")];
  const out = join(data, "published");
  await mkdir(dist, {recursive: true});
  await writeFile(join(dist, "index.html"), '<html lang="fi"><body><main>Vuoto</main></body></html>');
  const person = {district: "03", age: "25-34", sex: "female", wave: "1", published: "2020-10-22"};
  const exportOf = async (name: string, people: number, hash: string) => {
    const folder = join(work, name);
    await mkdir(folder);
    await writeDataset(db, folder, {people: many(people, person), manifest: {content_hash: hash.repeat(64)}});
    return folder;
  };

  await publish({data: await exportOf("export-1", 40, "a"), out, threshold: 5, ledger});
  // The only release in the ledger is this one: nothing to compare with.
  expect(await notesSincePrevious()).toBeNull();
  const firstSheet = await readFile(await writeReview(dist), "utf8");
  expect(firstSheet).toContain("Changes: no earlier release in the ledger.");
  await approveRelease("Maria Virtanen", dist);
  const [first] = await readdir(ledger);
  expect(versionOf(first!)).toBe(await currentVersion());
  expect(JSON.parse(await readFile(join(ledger, first!, "release.json"), "utf8")).approved.reviewer).toBe(
    "Maria Virtanen"
  );

  await publish({data: await exportOf("export-2", 47, "b"), out, threshold: 5, ledger});
  // The publish added the new release to the ledger; the previous one is the first, not itself.
  expect(await readdir(ledger)).toHaveLength(2);
  expect(await previousRelease(ledger, await currentVersion())).toBe(first);
  const since = await notesSincePrevious();
  expect(since?.previous).toBe(first);
  expect(since?.notes.totals).toContainEqual({name: "people", before: 40, after: 47, change: 7});
  const sheet = await writeReview(dist);
  expect(sheet.startsWith(ledger)).toBe(true);
  expect(await readFile(sheet, "utf8")).toContain(`Changes since ${first}:`);
  // The new release awaits its own approval; nothing went to a second folder of releases.
  const second = (await readdir(ledger)).find((name) => name !== first)!;
  expect(JSON.parse(await readFile(join(ledger, second, "release.json"), "utf8")).approved).toBeNull();
  expect(existsSync(join(data, "releases"))).toBe(false);
}, 180_000);
