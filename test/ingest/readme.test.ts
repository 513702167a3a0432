// README's "Export format v1" section and src/lib/schema.ts describe the same format.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {projectRoot} from "../../src/node/paths.js";
import {exportTables, TABLE_EXTENSIONS} from "../../src/lib/schema.js";
import {MAX_LINE_BYTES} from "../../src/node/ingest/read.js";
import {MAX_COLUMNS} from "../../src/node/ingest/validate.js";

const readme = readFileSync(join(projectRoot, "README.md"), "utf-8");
const section = readme.slice(
  readme.indexOf("## Export format v1"),
  readme.indexOf("\n## ", readme.indexOf("## Export format v1") + 1)
);

test.each(exportTables.map((t) => [t.name, t] as const))("README documents %s", (name, table) => {
  const row = section.split("\n").find((line) => line.startsWith(`| \`${name}\``));
  expect(row).toBeDefined();
  for (const field of table.fields) {
    expect(row).toContain(field.required ? `**\`${field.name}\`**` : `\`${field.name}\``);
    for (const value of field.values ?? []) expect(row).toContain(`\`${value}\``);
  }
});

test("README states the loader's limits as the code has them (issue 13)", () => {
  const limits = readme.slice(readme.indexOf("### Limits of the loader"));
  expect(limits).toContain(`up to ${MAX_LINE_BYTES / 1024 / 1024} MiB`);
  expect(limits).toContain(`at most ${MAX_COLUMNS} per file`);
  for (const code of ["`0`", "`1`", "`2`", "`64`", "`74`", "`75`"]) expect(limits).toContain(code);
  for (const ext of TABLE_EXTENSIONS) expect(limits).toContain(`\`${ext}\``);
  expect(limits).toContain("UTF-16 (LE or BE) with a BOM");
});
