// Issue 13: only regular files inside the export folder are read. A symbolic link out of it, a dangling
// one, a named pipe, a device, a folder named like a table, a cut-short .csv.gz and a plain file named
// .csv.gz each get one line naming the file, without hanging and without a stack trace.
import {execFileSync} from "node:child_process";
import {copyFile, mkdir, readFile, rm, symlink, truncate, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {expect, test, vi} from "vitest";
import {loadExport} from "../../src/node/ingest/load.js";
import {formatProblems} from "../../src/node/ingest/report.js";
import {exportFor, fixtures, runLoadCli, tempDataDir, TEST_NOW} from "./exports.js";

// Each CLI run starts tsx and DuckDB: seconds on an idle machine, much more on a busy one.
vi.setConfig({testTimeout: 300_000});

const CRISIS = "crisis_contacts.csv";

const cases: Array<[string, (folder: string) => Promise<unknown>, string]> = [
  [
    "a symbolic link out of the folder",
    async (folder) => (await rm(join(folder, CRISIS)), symlink("/etc/passwd", join(folder, CRISIS))),
    "crisis_contacts.csv: symbolic link that leads out of the export folder"
  ],
  [
    "a dangling symbolic link",
    async (folder) => (await rm(join(folder, CRISIS)), symlink("no-such-file.csv", join(folder, CRISIS))),
    "crisis_contacts.csv: dangling symbolic link"
  ],
  [
    "a named pipe",
    async (folder) => (await rm(join(folder, CRISIS)), execFileSync("mkfifo", [join(folder, CRISIS)])),
    "crisis_contacts.csv: not a file: this is a named pipe"
  ],
  [
    "a link to a device",
    async (folder) => (await rm(join(folder, CRISIS)), symlink("/dev/zero", join(folder, CRISIS))),
    "crisis_contacts.csv: symbolic link that leads out of the export folder"
  ],
  [
    "a folder named like a table",
    async (folder) => (await rm(join(folder, CRISIS)), mkdir(join(folder, CRISIS))),
    "crisis_contacts.csv: not a file: this is a folder"
  ],
  [
    "a cut-short .csv.gz",
    async (folder) => {
      await rm(join(folder, CRISIS));
      const gz = gzipSync(await readFile(join(fixtures, "valid", CRISIS)));
      await writeFile(join(folder, `${CRISIS}.gz`), gz.subarray(0, gz.length - 12));
    },
    "crisis_contacts.csv.gz: gzip file cut short"
  ],
  [
    "a plain file named .csv.gz",
    async (folder) => {
      await copyFile(join(fixtures, "valid", CRISIS), join(folder, `${CRISIS}.gz`));
      await rm(join(folder, CRISIS));
    },
    "crisis_contacts.csv.gz: not a gzip file"
  ]
];

test.each(cases)("%s: exit 1 and one line naming the file", async (_, make, expected) => {
  const folder = await exportFor("valid");
  await make(folder);
  const summary = await loadExport(folder, {dataDir: await tempDataDir(), now: TEST_NOW});
  expect(summary.exitCode).toBe(1);
  expect(formatProblems(summary.problems).split("\n")).toEqual([expect.stringContaining(expected)]);
});

test("through the CLI: a pipe and a plain file named .csv.gz, without hanging and without a stack trace", async () => {
  const folder = await exportFor("valid");
  await cases[2]![1](folder);
  await copyFile(join(fixtures, "valid", "publication_events.csv"), join(folder, "publication_events.csv.gz"));
  await rm(join(folder, "publication_events.csv"));
  const {code, stdout, stderr} = runLoadCli([folder], await tempDataDir());
  expect(code).toBe(1);
  expect(stderr.trim().split("\n")).toEqual([
    "invalid export; data/current was left as it was:",
    expect.stringContaining("crisis_contacts.csv: not a file: this is a named pipe"),
    expect.stringContaining("publication_events.csv.gz: not a gzip file")
  ]);
  expect(stdout + stderr).not.toMatch(/\n\s+at |Error:/);
});

test("a symbolic link that stays inside the folder is followed", async () => {
  const folder = await exportFor("valid");
  await mkdir(join(folder, "tables"));
  await copyFile(join(folder, CRISIS), join(folder, "tables", CRISIS));
  await rm(join(folder, CRISIS));
  await symlink(join("tables", CRISIS), join(folder, CRISIS));
  expect((await loadExport(folder, {dataDir: await tempDataDir(), now: TEST_NOW})).exitCode).toBe(0);
});

test("a cut-short file whose head is intact is still caught", async () => {
  const folder = await exportFor("valid");
  const rows = Array.from({length: 50_000}, (_, i) => `2020-10-21,06,crisis_helpline,${i},yes`).join("\n");
  const gz = gzipSync(`date,hospital_district,service,contacts,breach_related\n${rows}\n`);
  await writeFile(join(folder, `${CRISIS}.gz`), gz);
  await truncate(join(folder, `${CRISIS}.gz`), Math.floor(gz.length / 2));
  await rm(join(folder, CRISIS));
  const summary = await loadExport(folder, {dataDir: await tempDataDir(), now: TEST_NOW});
  expect(summary.exitCode).toBe(1);
  expect(formatProblems(summary.problems)).toContain("crisis_contacts.csv.gz: gzip file cut short");
});
