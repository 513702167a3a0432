// The loader on the file kinds and sizes issue 13 added, each the same export written another way: the
// sample as UTF-16LE text (Excel's "Unicode text"), as Excel workbooks, and with one 24 MiB line (the
// limit is 32 MiB). Each is loaded once through the CLI, with its time and the peak memory of its process
// tree, beside the plain CSV load of the same export.
import {cp, mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import writeXlsxFile from "write-excel-file/node";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {projectRoot} from "../../src/node/paths.js";
import {runMeasured} from "./measure.js";
import type {Measurement} from "./results.js";

export interface FileKindResult {
  label: string;
  kind: string;
  /** Bytes of the export's table files as written in this kind. */
  bytes: number;
  load: Measurement;
}

/** One row of 24 MiB: over the old 16 MB goal and under the 32 MiB limit. */
const LONG_LINE_BYTES = 24 * 2 ** 20;

const KINDS: Record<string, (source: string, target: string) => Promise<void>> = {
  "CSV (UTF-8)": async () => {},
  "UTF-16LE text": async (source, target) => {
    for (const name of await tables(source)) {
      const text = await readFile(join(source, name), "utf-8");
      await writeFile(join(target, name), Buffer.from("\uFEFF" + text, "utf16le"));
    }
  },
  "Excel workbooks": async (source, target) => {
    const db = await openNodeDatabase();
    try {
      for (const name of await tables(source)) {
        // Every cell as text, as a workbook saved from a CSV import holds them.
        const rows = await db.query<Record<string, string | null>>({
          sql: "SELECT * FROM read_csv(?, all_varchar = true, header = true)",
          params: [join(source, name)]
        });
        const header = Object.keys(rows[0] ?? {});
        const data = [header, ...rows.map((row) => header.map((column) => row[column]))];
        await writeXlsxFile(data).toFile(join(target, name.replace(/\.csv$/, ".xlsx")));
        await rm(join(target, name));
      }
    } finally {
      db.close();
    }
  },
  "one 24 MiB line": async (_, target) => {
    const file = join(target, "publication_events.csv");
    const text = await readFile(file, "utf-8");
    const words = "Lorem ipsum dolor sit amet ".repeat(Math.ceil(LONG_LINE_BYTES / 27)).slice(0, LONG_LINE_BYTES);
    await writeFile(file, `${text.replace(/\n?$/, "\n")}long-1,2020-10-25,tor_site,1,"${words}"\n`);
  }
};

async function tables(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith(".csv"));
}

async function tableBytes(folder: string): Promise<number> {
  let bytes = 0;
  for (const name of await readdir(folder))
    if (name !== "manifest.json" && name !== "README.md") bytes += (await readFile(join(folder, name))).length;
  return bytes;
}

export async function measureFileKinds(label: string, source: string, work: string): Promise<FileKindResult[]> {
  const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
  const results: FileKindResult[] = [];
  for (const [kind, write] of Object.entries(KINDS)) {
    const folder = join(work, "file-kinds", kind.replace(/\W+/g, "-"));
    await rm(folder, {recursive: true, force: true});
    await mkdir(join(folder, "data"), {recursive: true});
    const exportFolder = join(folder, "export");
    await cp(source, exportFolder, {recursive: true});
    await write(source, exportFolder);
    const run = await runMeasured(tsx, [join(projectRoot, "src", "cli", "load.ts"), exportFolder, "--json"], {
      VUOTO_DATA_DIR: join(folder, "data")
    });
    const summary = JSON.parse(run.stdout.trim().split("\n").pop()!);
    if (!summary.ok) throw new Error(`${label} as ${kind}: the load reported a failure: ${run.stdout}`);
    results.push({
      label,
      kind,
      bytes: await tableBytes(exportFolder),
      load: {seconds: run.seconds, peakRss: run.peakRss}
    });
    await rm(folder, {recursive: true, force: true});
  }
  return results;
}
