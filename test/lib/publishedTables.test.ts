// Adding a published table is its spec plus its query: the spec in src/lib/publishedTables.ts is the
// one list of tables, and everything else either derives from it or is checked against it here.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {
  countTables,
  dimensionValues,
  headlineCounts,
  publishedTableForLoader,
  publishedTables,
  publishedTablesMarkdown
} from "../../src/lib/publishedTables.js";
import {projectRoot} from "../../src/node/paths.js";

const root = projectRoot;
const read = (path: string) => readFileSync(join(root, path), "utf8");
const GENERIC_LOADER = "process.stdout.write(await publishedLoaderBytes(import.meta.url));";

/** The cells of a Markdown table's rows, trimmed, without the separator row. */
function tableCells(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim())
    );
}

describe("the published tables' contract", () => {
  test("every table has a loader src/<file>.ts, and every count table's loader is the generic one", () => {
    for (const spec of publishedTables) {
      const loader = read(`src/${spec.file}.ts`);
      if (spec.counts.length) expect(loader, `src/${spec.file}.ts`).toContain(GENERIC_LOADER);
      expect(publishedTableForLoader(join(root, "src", `${spec.file}.ts`)).name).toBe(spec.name);
    }
  });

  test("every Parquet loader in src/data hands out a table of the contract", () => {
    const loaders = readdirSync(join(root, "src/data")).filter((name) => name.endsWith(".parquet.ts"));
    expect(loaders.map((name) => `data/${name.replace(/\.ts$/, "")}`).sort()).toEqual(
      publishedTables.map((spec) => spec.file).sort()
    );
    expect(() => publishedTableForLoader("/x/src/data/not-a-table.parquet.ts")).toThrow(
      "unknown published table for loader data/not-a-table.parquet: add it to src/lib/publishedTables.ts"
    );
  });

  test("the README's table list is the one generated from the specs", () => {
    const readme = read("README.md");
    const start = readme.indexOf("<!-- published-tables:");
    const end = readme.indexOf("<!-- /published-tables -->");
    expect(start, "README.md has no <!-- published-tables: … --> block").toBeGreaterThan(0);
    expect(
      tableCells(readme.slice(start, end)),
      `README.md's table list differs from the specs; paste this and run prettier:\n${publishedTablesMarkdown()}`
    ).toEqual(tableCells(publishedTablesMarkdown()));
  });

  test("the explorer attaches every table under its name (FileAttachment takes only literal paths)", () => {
    const page = read("src/[lang]/explore.md");
    const attached = [...page.matchAll(/\["(\w+)", FileAttachment\("\.\.\/(data\/[\w.-]+)"\)/g)].map((m) => [
      m[1],
      m[2]
    ]);
    expect(
      attached.sort(),
      'src/[lang]/explore.md must attach each published table as ["name", FileAttachment("../data/…").url()]'
    ).toEqual(publishedTables.map((spec) => [spec.name, spec.file]).sort());
  });

  test("no other module rebuilds a value list with 'unknown' or lists the tables", () => {
    const files = (folder: string): string[] =>
      readdirSync(join(root, folder), {withFileTypes: true}).flatMap((entry) =>
        entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)]
      );
    const sources = files("src").filter((file) => /\.(ts|md)$/.test(file));
    const names = countTables.map((spec) => spec.name);
    const listing: string[] = [];
    const rebuilding: string[] = [];
    for (const file of sources) {
      const text = readFileSync(join(root, file), "utf8");
      if (file !== join("src", "lib", "publishedTables.ts") && text.includes("withUnknown(")) rebuilding.push(file);
      const named = names.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
      if (named.length > names.length / 2) listing.push(file);
    }
    expect(rebuilding).toEqual([]);
    // The contract; the page checked above; the queries; the disclosure engine, whose atoms and costs are
    // per table by design; figures.ts's ranking of which table answers a figure first; and the affected
    // page, which attaches the six people tables it draws (Framework takes only literal FileAttachment
    // paths) and hands them to figures.ts by name; and the rounding policy's order of withholding, per
    // table by design like the engine's costs.
    expect(listing.sort()).toEqual(
      [
        "src/lib/publishedTables.ts",
        "src/[lang]/explore.md",
        "src/[lang]/affected.md",
        "src/node/publish/aggregate.ts",
        "src/node/publish/model.ts",
        "src/node/publish/protect.ts",
        "src/node/publish/withhold.ts",
        "src/lib/figures.ts"
      ].sort()
    );
  });

  test("measures: only a measure that counts no people goes unprotected, and parts name a measure of their table", () => {
    for (const spec of publishedTables) {
      const columns = spec.measures.map((m) => m.column);
      for (const measure of spec.measures) {
        const where = `${spec.name}.${measure.column}`;
        expect(measure.protectedBy.length === 0, where).toBe(measure.counts === "events");
        expect(spec.counts.includes(measure.column), where).toBe(measure.protectedBy.length > 0);
        if (measure.partOf) expect(columns, where).toContain(measure.partOf);
        expect(spec.columns[measure.column], where).toBe("INTEGER");
      }
      for (const dimension of spec.dimensions) expect(Object.keys(spec.columns)).toContain(dimension.column);
    }
    const headline = headlineCounts.map((count) => count.name as string);
    for (const count of headlineCounts) if ("partOf" in count) expect(headline).toContain(count.partOf);
  });

  test("'unknown' is a value exactly where an export may leave a dimension unknown", () => {
    const withUnknown = Object.entries(dimensionValues)
      .filter(([, values]) => (values as readonly string[]).includes("unknown"))
      .map(([name]) => name);
    expect(withUnknown.sort()).toEqual([
      "age_group",
      "breach_wave",
      "hospital_district",
      "sex",
      "wellbeing_services_county"
    ]);
    for (const values of Object.values(dimensionValues))
      expect(values.at(-1) === "unknown" || !values.includes("unknown" as never)).toBe(true);
  });
});
