// Issue 12, successive releases: the release ledger. A new release is checked with the newest earlier
// one, hides more where differencing the two would narrow a hidden cell, and is then added to the
// ledger; a ledger folder that is not a release stops the publish with a message saying what to do.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openNodeDatabase, type NodeDatabase} from "../../src/node/duckdbNode.js";
import {projectRoot} from "../../src/node/paths.js";
import {audit} from "../../src/node/publish/audit.js";
import {publish} from "../../src/node/publish/index.js";
import {ledgered, newestRelease} from "../../src/node/publish/ledger.js";
import {linearSystem} from "../../src/node/publish/linearSystem.js";
import {HEADLINE_TABLE, buildModel} from "../../src/node/publish/model.js";
import {readManifest} from "../../src/node/publish/manifest.js";
import {attackReleases, describe as describeFindings} from "./attacker.js";
import {many, tempFolder, writeDataset, type PersonSpec} from "./dataset.js";

const T = 5;
let db: NodeDatabase;
beforeAll(async () => void (db = await openNodeDatabase()));
afterAll(() => db.close());

// Half of the people were published, e-mailed and reported, half not: no part of the people is 0 or
// all of them, in any cell or in the whole (that would be a group attribute of its own).
const person = (district: string, age: string, flagged: boolean): PersonSpec => ({
  district,
  age,
  sex: "female",
  wave: "1",
  published: flagged ? "2020-10-22" : null,
  emailed: flagged ? "2020-10-24" : null,
  reported: flagged ? "2020-10-26" : null
});
const mixed = (district: string, age: string, flagged: number, not: number) => [
  ...many(flagged, person(district, age, true)),
  ...many(not, person(district, age, false))
];

/**
 * Two exports: in the first, district 00 has six people of 18-24 and six of 25-34; the second has
 * three of the 18-24 removed and says so. Each release alone hides the three and what protects them;
 * together, the 18-24 cell can only have lost people, so it lies in 3..6 unless the second release
 * hides more.
 */
function exports(): [first: PersonSpec[], second: PersonSpec[]] {
  const others = [
    ...mixed("03", "18-24", 10, 10),
    ...mixed("03", "25-34", 10, 10),
    ...mixed("04", "18-24", 10, 10),
    ...mixed("04", "25-34", 10, 10)
  ];
  const first = [...mixed("00", "18-24", 3, 3), ...mixed("00", "25-34", 3, 3), ...others];
  const second = [...mixed("00", "18-24", 2, 1), ...mixed("00", "25-34", 3, 3), ...others];
  return [first, second];
}

async function twoExports(): Promise<{work: string; first: string; second: string; ledger: string}> {
  const work = await tempFolder();
  const [people1, people2] = exports();
  const first = join(work, "export-1");
  const second = join(work, "export-2");
  await mkdir(first);
  await mkdir(second);
  await writeDataset(db, first, {people: people1});
  await writeDataset(db, second, {people: people2, manifest: {people_change: "removed", content_hash: "e".repeat(64)}});
  return {work, first, second, ledger: join(work, "ledger")};
}

describe("the release ledger", () => {
  test("a crisis total the earlier release told (all its weeks closed) is told, and never hidden to protect another", async () => {
    // The engine once hid the headline's crisis contacts for another cell: hidden, it was pinned by the
    // earlier release (the same contacts), so it could be protected by nothing, and the publish refused.
    const work = await tempFolder();
    const [people1, people2] = exports();
    // The same crisis contacts in both exports: two districts, one service, every day of four weeks.
    const crisis = ["03", "04"].flatMap((district) =>
      Array.from({length: 28}, (_, day) => ({
        date: `2020-10-${String(day + 1).padStart(2, "0")}`,
        district,
        service: "crisis_helpline",
        contacts: 30
      }))
    );
    const first = join(work, "export-1");
    const second = join(work, "export-2");
    await mkdir(first);
    await mkdir(second);
    await writeDataset(db, first, {people: people1, crisis});
    await writeDataset(db, second, {people: people2, crisis, manifest: {people_change: "removed", content_hash: "e".repeat(64)}}); // prettier-ignore
    const ledger = join(work, "ledger");
    await publish({data: first, out: join(ledger, "release-1"), threshold: T});
    const earlier = (await newestRelease(db, ledger))!;
    const {published} = await publish({data: second, out: join(work, "again"), threshold: T});
    const model = buildModel(published);
    const link = ledgered(
      {model, linear: linearSystem(model), periodEnd: (await readManifest(second)).period_end},
      earlier,
      "removed"
    );
    const headline = (measure: string) =>
      model.cells.find((cell) => cell.table === HEADLINE_TABLE && cell.measure === measure)!;
    expect(headline("contacts").value).toBeGreaterThan(0);
    expect(link.toldBefore(headline("contacts"))).toBe(true);
    expect(link.cannotHide(headline("contacts"), T)).toBe(true);
    // People were removed since: the new total of people is not told by the earlier one. But three were
    // removed, fewer than the threshold: hidden, the total would lie within 3 below the earlier one (and
    // the district totals add up to it), so it is never hidden to protect another either.
    expect(link.toldBefore(headline("people"))).toBe(false);
    expect(link.cannotHide(headline("people"), T)).toBe(true);
  }, 120_000);

  test("a pair of releases each safe alone but narrowing a cell together: the new one hides more", async () => {
    const {work, first, second, ledger} = await twoExports();
    const one = join(ledger, "release-1");
    await publish({data: first, out: one, threshold: T});
    // Without the ledger, the second release is safe alone but not beside the first (the control).
    const alone = join(work, "alone");
    await publish({data: second, out: alone, threshold: T});
    const control = await attackReleases(one, alone, {threshold: T, people: "removed"});
    expect(control.findings.length, "the pair pins nothing, so this test proves nothing").toBeGreaterThan(0);
    // The audit, given the ledger, refuses that pair and names the release, cell, range and rule.
    const earlier = (await newestRelease(db, ledger))!;
    const manifest = await readManifest(second);
    const {published} = await publish({data: second, out: join(work, "again"), threshold: T});
    expect(() =>
      audit(published, T, [], ({model, linear}) =>
        ledgered({model, linear, periodEnd: manifest.period_end}, earlier, "removed")
      )
    ).toThrow(
      /audit failed: (this release|ledger release release-1), .*: rule protection .* a reader can prove it lies in \d+\.\.\d+/
    );
    // With the ledger, the publisher hides more in the new release, and the attacker finds nothing.
    const two = join(work, "published");
    const result = await publish({data: second, out: two, threshold: T, ledger});
    expect(result.ledger?.checkedWith).toBe("release-1");
    expect(result.ranges.ledger).toEqual({release: "release-1", cells: expect.any(Number)});
    const together = await attackReleases(one, two, {threshold: T, people: "removed"});
    expect(together.stats.targets).toBeGreaterThan(0);
    expect(together.findings, describeFindings(together.findings)).toEqual([]);
    // The new release is in the ledger now, whole, and nothing half-written is left beside it.
    const names = (await readdir(ledger)).sort();
    expect(names).toHaveLength(2);
    const [added = "", kept] = names;
    expect(added).toMatch(/^\d{4}-\d{2}-\d{2}T\d{6}_[0-9a-f]{12}-t5-/);
    expect(kept).toBe("release-1");
    expect((await readdir(join(ledger, added))).sort()).toEqual((await readdir(two)).sort());
  }, 120_000);

  test("an export that says people were removed while the ledger's release has fewer is refused", async () => {
    const {work, first, second, ledger} = await twoExports();
    // The ledger holds the smaller export; the bigger one claims people were only removed since.
    await publish({data: second, out: join(ledger, "release-1"), threshold: T});
    const bigger = join(work, "bigger");
    await mkdir(bigger);
    const [people] = exports();
    await writeDataset(db, bigger, {people, manifest: {people_change: "removed"}});
    await expect(publish({data: bigger, out: join(work, "out"), threshold: T, ledger})).rejects.toThrow(
      /contradict each other .*people removed, as people_change in its manifest\.json says.*move that release out of the ledger/
    );
    void first;
  }, 120_000);

  test.each([
    ["headline.json is not JSON", "not JSON", async (folder: string) => writeFile(join(folder, "headline.json"), "{")],
    [
      "a foreign folder",
      "missing, so this is not a published release",
      async (folder: string) => writeFile(join(folder, "notes.txt"), "hello")
    ],
    [
      "a table that is not Parquet",
      "not a Parquet file",
      async (folder: string) => {
        await publish({data: (await twoExports()).first, out: folder, threshold: T});
        await writeFile(join(folder, "people_by_sex.parquet"), "not parquet");
      }
    ]
  ])(
    "%s in the ledger stops the publish, naming the file and what to do",
    async (_, what, spoil) => {
      const {work, second} = await twoExports();
      const ledger = join(work, "ledger");
      const folder = join(ledger, "2020-01-01T000000_spoilt");
      await mkdir(folder, {recursive: true});
      await spoil(folder);
      const out = join(work, "out");
      await expect(publish({data: second, out, threshold: T, ledger})).rejects.toThrow(
        `invalid ledger release ${folder}/`
      );
      await expect(publish({data: second, out, threshold: T, ledger})).rejects.toThrow(
        new RegExp(`${what}; move that folder out of ${ledger}`)
      );
    },
    120_000
  );

  test("the publish command exits 1 with that message on a spoilt ledger, and adds a release on success", async () => {
    const {work, second} = await twoExports();
    const tsx = join(projectRoot, "node_modules/.bin/tsx");
    const cli = join(projectRoot, "src/cli/publish.ts");
    const ledger = join(work, "data", "ledger");
    const run = () =>
      spawnSync(tsx, [cli, "--data", second, "--out", join(work, "out")], {
        encoding: "utf8",
        env: {...process.env, VUOTO_DATA_DIR: join(work, "data"), VUOTO_THRESHOLD: "5"}
      });
    const ok = run();
    expect([ok.status, ok.stderr]).toEqual([0, expect.stringMatching(/added to the ledger as .*data\/ledger\//)]);
    expect(await readdir(ledger)).toHaveLength(1);
    await mkdir(join(ledger, "zzz-foreign"));
    const bad = run();
    expect([bad.status, bad.stdout, bad.stderr.trim()]).toEqual([
      1,
      "",
      `invalid ledger release ${join(ledger, "zzz-foreign", "headline.json")}: missing, so this is not a published release; move that folder out of ${ledger} (or restore it from the release as it was published), then publish again`
    ]);
  }, 120_000);

  test("a count published as exactly the threshold, now below it with people removed: refused, saying why and what to do", async () => {
    // Five people reported on 2020-10-27 in the first export, four in the second (one removed, as it
    // says). The new 4 must be hidden, hidden it is at least 1, and the first release said 5: 1..5 is
    // fewer than 5 values apart whatever else is hidden. So is their district's cell of people published
    // (5, now 4), named first: the headline totals tell that one person was removed, so it is 4..5.
    // Everyone else is in large groups.
    const reportedOn =
      (day: string) =>
      (p: PersonSpec): PersonSpec => ({...p, reported: p.reported && day});
    const others = [...mixed("03", "18-24", 10, 10), ...mixed("04", "18-24", 10, 10)];
    const late = (n: number) =>
      mixed("03", "25-34", n, 10 - n).map((p, i) => (i < n ? reportedOn("2020-10-27")(p) : p));
    const work = await tempFolder();
    const [first, second] = [join(work, "export-1"), join(work, "export-2")];
    await mkdir(first);
    await mkdir(second);
    await writeDataset(db, first, {people: [...others, ...late(5)]});
    await writeDataset(db, second, {
      people: [...others, ...late(4)],
      manifest: {people_change: "removed", content_hash: "e".repeat(64)}
    });
    const ledger = join(work, "ledger");
    const one = join(ledger, "release-1");
    await publish({data: first, out: one, threshold: T});
    const out = join(work, "out");
    const refusal = await publish({data: second, out, threshold: T, ledger}).then(
      () => "published",
      (error: unknown) => String(error)
    );
    expect(refusal).toMatch(
      /^Error: cannot protect table people_by_district_age, cell \(hospital_district=03, age_group=25-34\), column people_published against ledger release release-1: that release published it as exactly 5, this export says people were only removed since .* within that many below 5, fewer than 5 values apart, whatever else this release hides\. No suppression of this export can prevent it.* What to do: keep ledger release release-1 as the current release/
    );
    // The new count (4) is not published, so the message never shows it.
    expect(refusal).not.toMatch(/\b4\b/);
    expect(await readdir(ledger)).toEqual(["release-1"]);
  }, 120_000);

  // A cell published as v = 4 + k, with k of its people removed: now 4, so it must be hidden, and hidden it
  // lies in 1..v (at least the threshold apart), but the headline totals of both releases tell that k were
  // removed in all, so it also lies in v − k..v: k apart. The rule wants a range at least T wide.
  test.each([
    {k: T - 2, refused: true},
    {k: T - 1, refused: true},
    {k: T, refused: false}
  ])(
    "a cell published as 4 + $k, $k of its people removed (the headline tells how many): refused up front $refused",
    async ({k, refused}) => {
      const others = [
        ...mixed("03", "18-24", 10, 10),
        ...mixed("04", "18-24", 10, 10),
        ...mixed("04", "25-34", 10, 10)
      ];
      // 3 + k flagged (published, e-mailed, reported) and 1 not: no part of the cell is small, none or all, so
      // the first release hides nothing. k flagged are removed, 3 and 1 left: every count of it lost k.
      const cell = (flagged: number, not: number) => mixed("03", "25-34", flagged, not);
      const work = await tempFolder();
      const [first, second] = [join(work, "export-1"), join(work, "export-2")];
      await mkdir(first);
      await mkdir(second);
      await writeDataset(db, first, {people: [...others, ...cell(3 + k, 1)]});
      await writeDataset(db, second, {
        people: [...others, ...cell(3, 1)],
        manifest: {people_change: "removed", content_hash: "e".repeat(64)}
      });
      const ledger = join(work, "ledger");
      const one = join(ledger, "release-1");
      const {published: before} = await publish({data: first, out: one, threshold: T});
      const row = before.tables.people_by_district_age!.find(
        (r) => r.hospital_district === "03" && r.age_group === "25-34"
      );
      expect(row?.people, "the first release publishes the cell").toBe(4 + k);
      const out = join(work, "out");
      const outcome = await publish({data: second, out, threshold: T, ledger}).then(
        () => "published",
        (error: unknown) => String(error)
      );
      const upFront =
        /^Error: cannot protect table people_by_district_age, cell \(hospital_district=03, age_group=25-34\), column people against ledger release release-1: that release published it as exactly \d+, .*the headline totals of both releases tell a reader how many were removed from this count in all, fewer than 5, .*No suppression of this export can prevent it.* What to do: keep ledger release release-1 as the current release/;
      if (refused) {
        expect(outcome).toMatch(upFront);
        // Neither the new count (4) nor how many were removed (a figure of the unpublished release) is shown.
        expect(outcome).not.toMatch(new RegExp(`\\b(4|${k})\\b`));
        expect(await readdir(ledger)).toEqual(["release-1"]);
        expect(existsSync(out)).toBe(false);
        return;
      }
      // k = T: v − k..v is T apart, so the engine may protect the cell (hiding what the first release
      // published, district 03's total among it), and the pair must hold together against the attacker.
      expect(outcome).toBe("published");
      const together = await attackReleases(one, out, {threshold: T, people: "removed", crisis: "same"});
      expect(together.findings, describeFindings(together.findings)).toEqual([]);
    },
    120_000
  );
});
