// Issue 13, "done when": every identifier the loader refuses appears in no output, no written file and
// nothing that reaches the site. Three exports go through `npm run load` into one data folder: one refused
// for identifiers in its manifest, a header and cells of every table (exit 2); one refused for a value
// that is allowed elsewhere but not as export_id (exit 1); one accepted whose private fields (notes, keys,
// free text) hold a name. Then every data loader in src/data/ runs (publishing the current dataset), and
// every byte of their output, of the published folder and of every message is searched, Parquet also
// decoded.
import {spawnSync} from "node:child_process";
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {expect, test, vi} from "vitest";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {projectRoot} from "../../src/node/paths.js";
import {exportFor, runLoadCli, tempDataDir, TEST_NOW} from "../ingest/exports.js";

vi.setConfig({testTimeout: 600_000});

const NAME = "Liisa Virtanen";
/** Values refused anywhere, in every spelling a careless search would miss. */
const IDENTIFIERS = [
  "131052-308T",
  "liisa.virtanen@hus.fi",
  "040 123 4567",
  "0401234567",
  "358401234567",
  "401234567",
  "FI21 1234 5600 0007 85",
  "FI2112345600000785"
];
const KEY = "zq-e2e-key";

async function edit(folder: string, file: string, change: (text: string) => string) {
  await writeFile(join(folder, file), change(await readFile(join(folder, file), "utf-8")));
}

async function manifest(folder: string, fields: Record<string, unknown>) {
  const base = JSON.parse(await readFile(join(folder, "manifest.json"), "utf-8"));
  await writeFile(join(folder, "manifest.json"), JSON.stringify({...base, ...fields}));
}

/** Refused for identifiers in the manifest, a header cell and cells of every table, each a different door. */
async function identifierExport() {
  const folder = await exportFor("valid");
  await manifest(folder, {
    produced_by: `${NAME} <liisa.virtanen@hus.fi>, puh. 040 123 4567`,
    export_id: "hetu131052-308T",
    notes: "tilille FI21 1234 5600 0007 85"
  });
  await edit(folder, "affected_records.csv", (t) => t.replace("p003,", "p131052-308T,"));
  // A phone number in a count column, where it would otherwise be only "too large".
  await edit(folder, "crisis_contacts.csv", (t) => t.replace(",crisis_helpline,12,", ",crisis_helpline,358401234567,"));
  await edit(folder, "publication_events.csv", (t) =>
    t
      .replace("event_id,", "liisa.virtanen@hus.fi,event_id,")
      .replace(/\ne1,/, "\n,e1,")
      .replace("first batch", "puh0401234567")
  );
  return folder;
}

/** The name is refused as export_id (not a safe name) though allowed in notes. */
async function unsafeIdExport() {
  const folder = await exportFor("valid");
  await manifest(folder, {export_id: NAME});
  return folder;
}

/** Accepted: the name and a key sit where they are allowed and kept private. */
async function acceptedExport() {
  const folder = await exportFor("valid");
  await manifest(folder, {export_id: "fixture-e2e", notes: `lähettäjä ${NAME}`, produced_by: "HUS tietohallinto"});
  await edit(folder, "affected_records.csv", (t) => t.replaceAll("p002,", `${KEY},`));
  await edit(folder, "publication_events.csv", (t) => t.replace("first batch", `"posted, says ${NAME}"`));
  return folder;
}

/** Every file under *dir* (relative path → bytes), and Parquet files also decoded as text. */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (entry.isFile())
      files.set(join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name)));
  }
  return files;
}

async function decodedParquet(path: string): Promise<string> {
  const db = await openNodeDatabase();
  try {
    const rows = await db.query({sql: "SELECT * FROM read_parquet(?)", params: [path]});
    return JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? String(v) : v));
  } finally {
    db.close();
  }
}

const holding = (haystacks: Map<string, Buffer | string>, secrets: string[]) =>
  [...haystacks].flatMap(([where, bytes]) =>
    secrets.filter((secret) => bytes.includes(secret)).map((secret) => `${where}: ${secret}`)
  );

test("refused values reach no message, no written file, no published file and no data loader's output", async () => {
  const dataDir = await tempDataDir();
  const env = {VUOTO_DATA_DIR: dataDir, VUOTO_NOW: TEST_NOW.toISOString(), OBSERVABLE_TELEMETRY_DISABLE: "true"};
  const messages = new Map<string, string>();

  const accepted = runLoadCli([await acceptedExport()], dataDir);
  expect(accepted.code, accepted.stderr).toBe(0);
  messages.set("load of the accepted export", accepted.stdout + accepted.stderr);
  const refused = runLoadCli([await identifierExport()], dataDir);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain(
    "manifest.json: field produced_by: identifier: e-mail address; the export is refused"
  );
  expect(refused.stderr).toMatch(/publication_events\.csv:1: column 1: header: identifier/);
  messages.set("load refused for identifiers", refused.stdout + refused.stderr);
  const refusedJson = runLoadCli(["--json", await identifierExport()], dataDir);
  expect(refusedJson.code).toBe(2);
  messages.set("load refused for identifiers, --json", refusedJson.stdout + refusedJson.stderr);
  const unsafe = runLoadCli([await unsafeIdExport()], dataDir);
  expect(unsafe.code).toBe(1);
  expect(unsafe.stderr).toContain("manifest.json: invalid export_id: not a safe name");
  messages.set("load refused for an unsafe export_id", unsafe.stdout + unsafe.stderr);

  // What reaches the site: each data loader's output, as Framework would write it under dist/_file/.
  const outputs = new Map<string, Buffer | string>();
  const loaders = (await readdir(join(projectRoot, "src", "data"))).filter((name) => name.endsWith(".ts"));
  expect(loaders).toContain("headline.json.ts");
  for (const loader of loaders) {
    const run = spawnSync(join(projectRoot, "node_modules", ".bin", "tsx"), [join("src", "data", loader)], {
      cwd: projectRoot,
      env: {...process.env, ...env},
      maxBuffer: 256 * 1024 * 1024,
      timeout: 300_000
    });
    expect(run.status, `${loader}: ${run.stderr}`).toBe(0);
    outputs.set(loader, run.stdout);
    messages.set(`${loader} (stderr)`, run.stderr.toString());
    if (loader.endsWith(".parquet.ts")) {
      const copy = join(dataDir, `..${loader}.check.parquet`);
      await writeFile(copy, run.stdout);
      outputs.set(`${loader} (decoded)`, await decodedParquet(copy));
    }
  }
  // The accepted export's provenance did reach the site: the search looks where the values would be.
  expect(JSON.parse(outputs.get("headline.json.ts")!.toString()).export).toMatchObject({
    export_id: "fixture-e2e",
    produced_by: "HUS tietohallinto"
  });

  const written = await filesUnder(dataDir);
  const published = new Map(
    await Promise.all(
      [...written]
        .filter(([path]) => path.startsWith(join(dataDir, "published")))
        .flatMap(([path, bytes]) =>
          path.endsWith(".parquet")
            ? [[path, bytes] as const, decodedParquet(path).then((t) => [`${path} (decoded)`, t] as const)]
            : [[path, bytes] as const]
        )
        .map(async (entry) => (await entry) as readonly [string, Buffer | string])
    )
  );
  expect(published.size).toBeGreaterThan(10);

  expect(holding(messages, [...IDENTIFIERS, NAME, KEY])).toEqual([]);
  expect(holding(written, IDENTIFIERS)).toEqual([]);
  expect(holding(published, [...IDENTIFIERS, NAME, KEY])).toEqual([]);
  expect(holding(outputs, [...IDENTIFIERS, NAME, KEY])).toEqual([]);
  // The name and key were loaded (private data/current holds them): they were there to leak.
  const current = await filesUnder(join(dataDir, "current"));
  const decodedCurrent = new Map(
    await Promise.all(
      [...current.keys()].filter((p) => p.endsWith(".parquet")).map(async (p) => [p, await decodedParquet(p)] as const)
    )
  );
  expect(
    holding(new Map<string, Buffer | string>([...current, ...decodedCurrent]), [NAME, KEY]).length
  ).toBeGreaterThanOrEqual(2);
});
