// `npm run load` as a person runs it: exit codes, stdout/stderr, --json, and data/current byte for byte
// after a failed load. VUOTO_DATA_DIR points the CLI at a temp folder, never at the real data/.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {readdir, readFile, readlink} from "node:fs/promises";
import {join} from "node:path";
import {expect, test} from "vitest";
import {projectRoot} from "../../src/node/paths.js";
import {exportFor, tempDataDir, TEST_NOW} from "./exports.js";

function runLoad(args: string[], dataDir: string) {
  const result = spawnSync("npx", ["tsx", "src/cli/load.ts", ...args], {
    cwd: projectRoot,
    encoding: "utf-8",
    env: {...process.env, VUOTO_DATA_DIR: dataDir, VUOTO_NOW: TEST_NOW.toISOString()}
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Every file under *dir* (links followed) with its SHA-256, plus where data/current points. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {"current ->": await readlink(join(dir, "current"))};
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  }
  return out;
}

test("a valid export: exit 0 and one JSON object on stdout", async () => {
  const dataDir = await tempDataDir();
  const {code, stdout} = runLoad([await exportFor("valid"), "--json"], dataDir);
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toEqual({
    ok: true,
    export_id: "fixture-valid",
    tables: {
      affected_records: {rows: 7, accepted: 7, rejected: 0, duplicates: 0},
      publication_events: {rows: 3, accepted: 3, rejected: 0, duplicates: 0},
      crisis_contacts: {rows: 4, accepted: 4, rejected: 0, duplicates: 0}
    },
    totals: {people: 6, records: 7, records_published: 3, people_emailed: 4, people_reported: 4, crisis_contacts: 56}
  });
});

test("without --json: per-table counts and date ranges", async () => {
  const {code, stdout} = runLoad([await exportFor("valid")], await tempDataDir());
  expect(code).toBe(0);
  expect(stdout).toContain(
    "crisis_contacts (crisis_contacts.csv): 4 rows read, 4 accepted, 0 rejected, 0 duplicates; dates 2020-10-21 – 2020-10-23"
  );
});

test("an invalid export: exit 1, problems on stderr, the previous dataset byte-identical", async () => {
  const dataDir = await tempDataDir();
  expect(runLoad([await exportFor("valid")], dataDir).code).toBe(0);
  const before = await snapshot(dataDir);
  const {code, stdout, stderr} = runLoad([await exportFor("impossible-date"), "--json"], dataDir);
  expect(code).toBe(1);
  expect(JSON.parse(stdout)).toMatchObject({ok: false, totals: null});
  expect(stderr).toContain('crisis_contacts.csv:2: date: invalid date: not a date: "31.2.2020"');
  expect(await snapshot(dataDir)).toEqual(before);
});

test("identifiers: exit 2, even with other problems, and the value appears nowhere", async () => {
  const dataDir = await tempDataDir();
  expect(runLoad([await exportFor("valid")], dataDir).code).toBe(0);
  const before = await snapshot(dataDir);
  for (const [name, secrets] of [
    ["identifier-and-invalid", ["040 1234567", "1234567"]],
    ["identifier-email", ["matti.meikalainen@example.fi", "meikalainen"]]
  ] as const) {
    const {code, stdout, stderr} = runLoad([await exportFor(name)], dataDir);
    expect(code).toBe(2);
    expect(stderr).toContain("refused");
    for (const secret of secrets) expect(stdout + stderr).not.toContain(secret);
  }
  expect(await snapshot(dataDir)).toEqual(before);
});

test("usage errors: exit 64 with a usage line", async () => {
  const dataDir = await tempDataDir();
  for (const args of [[], ["/no/such/folder"], [await exportFor("valid"), "--frobnicate"]]) {
    const {code, stderr} = runLoad(args, dataDir);
    expect(code).toBe(64);
    expect(stderr).toContain("usage: npm run load -- <export-folder> [--json] [--skip-invalid]");
  }
});

test("--skip-invalid: rejects.csv beside the dataset names lines, never values", async () => {
  const dataDir = await tempDataDir();
  const {code} = runLoad([await exportFor("unknown-district"), "--skip-invalid"], dataDir);
  expect(code).toBe(0);
  const rejects = await readFile(join(dataDir, "current", "rejects.csv"), "utf-8");
  expect(rejects).toBe("file,line,column,reason\ncrisis_contacts.csv,3,hospital_district,unknown hospital_district\n");
  expect(rejects).not.toContain("Pirkanmaaa");
});
