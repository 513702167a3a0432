// The floor for `npm run load`: DuckDB turning the same CSV files into Parquet with nothing else (no
// validation, identifier scan or normalisation), one COPY per table. Run in its own process
// by test/bench/run.ts so that its time and memory are measured the way the loader's are. Every column
// is read as text: a lower bound, and DuckDB's type sniffing (20,480 sampled rows) would otherwise
// fail on the generated exports, whose breach_related column is "no" for months before "unknown".
//   tsx test/bench/floor.ts <export-folder> <out-folder>
import {mkdirSync, readdirSync} from "node:fs";
import {basename, join} from "node:path";
import {openNodeDatabase} from "../../src/node/duckdbNode.js";
import {pathLiteral} from "../../src/node/generate/fragment.js";

const [folder, out] = process.argv.slice(2);
if (!folder || !out) throw new Error("usage: tsx test/bench/floor.ts <export-folder> <out-folder>");
mkdirSync(out, {recursive: true});
const files = readdirSync(folder).filter((name) => name.endsWith(".csv"));
if (files.length === 0) throw new Error(`missing CSV files in ${folder}`);
const db = await openNodeDatabase();
try {
  for (const file of files) {
    const source = pathLiteral(join(folder, file)).sql;
    const target = pathLiteral(join(out, `${basename(file, ".csv")}.parquet`)).sql;
    await db.run(`COPY (SELECT * FROM read_csv(${source}, all_varchar = true)) TO ${target} (FORMAT parquet)`);
  }
} finally {
  db.close();
}
