// Issue 13: faults of the machine are reported as what they are. A full disk or a read-only data folder
// exits 74 with its own words; a second load while one holds the data folder exits 75; the same export
// loads twice at a pinned clock; --json prints exactly one object, also for usage errors and through npm.
import {execFileSync, spawnSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {mkdir, mkdtemp, readdir, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test, vi} from "vitest";
import {ioFault} from "../../src/node/ingest/faults.js";
import {loadExport} from "../../src/node/ingest/load.js";
import {LOCK_FILE} from "../../src/node/ingest/write.js";
import {projectRoot} from "../../src/node/paths.js";
import {exportFor, runLoadCli, tempDataDir, TEST_NOW} from "./exports.js";

// Each CLI run starts tsx and DuckDB: seconds on an idle machine, much more on a busy one.
vi.setConfig({testTimeout: 300_000});

test("a full disk is named as one (a real ENOSPC from /dev/full)", () => {
  let error: unknown;
  try {
    writeFileSync("/dev/full", "x");
  } catch (caught) {
    error = caught;
  }
  expect(ioFault(error, "/srv/vuoto/data")).toMatchObject({
    exitCode: 74,
    message: expect.stringContaining("no space left on the device holding /srv/vuoto/data")
  });
  expect(ioFault(new Error("IO Error: Could not write file: No space left on device"), "d")?.exitCode).toBe(74);
  expect(ioFault(new Error("Binder Error: something else"), "d")).toBeNull();
});

// Small file systems of their own, where the machine allows mounting them (root in a container).
const mounts: string[] = [];
async function mountTmpfs(options: string): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), "vuoto-mount-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], {stdio: "ignore"});
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) execFileSync("umount", [dir]);
});
const canMount = spawnSync("mount", ["--version"]).status === 0 && process.getuid?.() === 0;

describe.skipIf(!canMount)("a data folder on a file system of its own", () => {
  test("full: exit 74, 'no space left', no lock or work folder left behind", async () => {
    const dir = await mountTmpfs("size=128k");
    if (!dir) return expect.fail("mount failed");
    // Fill it, leaving no room for a dataset.
    await writeFile(join(dir, "filler"), Buffer.alloc(128 * 1024)).catch(() => {});
    const {code, stderr} = runLoadCli([await exportFor("valid")], dir);
    expect(code).toBe(74);
    expect(stderr.trim()).toBe(
      `no space left on the device holding ${dir}; free some space and load again (data/current was left as it was)`
    );
    expect(await readdir(dir)).toEqual(["filler"]);
  });

  test("read-only: exit 74, 'is read-only', one JSON object with --json", async () => {
    const dir = await mountTmpfs("ro,size=64k");
    if (!dir) return expect.fail("mount failed");
    const {code, stdout, stderr} = runLoadCli([await exportFor("valid"), "--json"], dir);
    expect(code).toBe(74);
    expect(stderr).toContain(`${dir} is read-only`);
    expect(JSON.parse(stdout)).toMatchObject({ok: false, error: "io"});
  });
});

test("one load at a time: a live lock refuses with exit 75, a stale one is taken over", async () => {
  const dataDir = await tempDataDir();
  await writeFile(join(dataDir, LOCK_FILE), `${process.pid}\n`);
  const busy = runLoadCli([await exportFor("valid"), "--json"], dataDir);
  expect(busy.code).toBe(75);
  expect(busy.stderr).toContain(`another load (process ${process.pid}) is writing ${dataDir}`);
  expect(JSON.parse(busy.stdout)).toMatchObject({ok: false, error: "busy"});
  // A process id that cannot be alive (above Linux's pid_max).
  await writeFile(join(dataDir, LOCK_FILE), "4194305\n");
  expect((await loadExport(await exportFor("valid"), {dataDir, now: TEST_NOW})).exitCode).toBe(0);
  expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
});

test("two loads at once: one loads, the other is refused, data/current is whole", async () => {
  const dataDir = await tempDataDir();
  const folder = await exportFor("valid");
  const results = await Promise.allSettled([
    loadExport(folder, {dataDir, now: TEST_NOW}),
    loadExport(folder, {dataDir, now: TEST_NOW})
  ]);
  expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  expect(refused.reason).toMatchObject({exitCode: 75});
  expect((await readdir(join(dataDir, "current"))).sort()).toContain("manifest.json");
});

test("the same export loads twice at the same pinned clock", async () => {
  const dataDir = await tempDataDir();
  const folder = await exportFor("valid");
  for (let i = 0; i < 2; ++i) expect(runLoadCli([folder], dataDir).code).toBe(0);
  expect(await readdir(join(dataDir, "datasets"))).toHaveLength(1);
});

test("--json: one object on stdout for a usage error, and through `npm run --silent`", async () => {
  for (const args of [["--json"], ["--json", "--frobnicate", "x"], ["--json", "/no/such/folder"]]) {
    const {code, stdout} = runLoadCli(args, await tempDataDir());
    expect(code).toBe(64);
    expect(JSON.parse(stdout)).toMatchObject({ok: false, error: "usage"});
  }
  const dataDir = await tempDataDir();
  await mkdir(dataDir, {recursive: true});
  const npm = spawnSync("npm", ["run", "--silent", "load", "--", await exportFor("valid"), "--json"], {
    cwd: projectRoot,
    encoding: "utf-8",
    env: {...process.env, VUOTO_DATA_DIR: dataDir, VUOTO_NOW: TEST_NOW.toISOString()}
  });
  expect(npm.status).toBe(0);
  expect(JSON.parse(npm.stdout)).toMatchObject({ok: true, export_id: "fixture-valid"});
});
