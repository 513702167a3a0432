// Issue 13: header cells (CSV/TSV header, NDJSON keys, Parquet column names) are input like any cell:
// scanned, refused with exit 2 (also with --skip-invalid), named by position only, never printed.
import {expect, test, vi} from "vitest";
import {exportFor, filesContaining, runLoadCli, tempDataDir} from "./exports.js";

// Each CLI run starts tsx and DuckDB: seconds on an idle machine, much more on a busy one.
vi.setConfig({testTimeout: 300_000});

test.each([
  ["header-identifier", [], "crisis_contacts.csv:1: column 6: header: identifier: Finnish personal identity code", ["131052-308T", "matti.virtanen"]],
  ["header-identifier", ["--skip-invalid"], "crisis_contacts.csv:1: column 7: header: identifier: e-mail address", ["131052-308T", "matti.virtanen"]],
  ["header-identifier-ndjson", [], "publication_events.ndjson:1: column 5: header: identifier: Finnish phone number", ["0401234567"]],
  ["header-identifier-parquet", [], "affected_records.parquet:1: column 4: header: identifier: Finnish phone number", ["358401234567"]],
  ["header-swedish-column", ["--skip-invalid"], "crisis_contacts.csv:1: column 6: column name suggests an identifier", ["Telefonnummer"]]
] as const)("%s %s: exit 2, the column by position, its name nowhere", async (name, flags, expected, secrets) => {
  const dataDir = await tempDataDir();
  const {code, stdout, stderr} = runLoadCli([await exportFor(name), ...flags], dataDir);
  expect(code).toBe(2);
  expect(stderr).toContain(expected);
  // Reported once (issue 11): the raw-text scan of a refused file skips the header names already checked.
  expect(stderr.split(expected)).toHaveLength(2);
  expect(stderr).not.toContain("pseudonymise it before loading");
  for (const secret of secrets) {
    expect(stdout + stderr).not.toContain(secret);
    expect(await filesContaining(dataDir, secret)).toEqual([]);
  }
}); // prettier-ignore

test("a column name with control characters is named by its position", async () => {
  const {code, stdout, stderr} = runLoadCli([await exportFor("header-control")], await tempDataDir());
  expect(code).toBe(1);
  expect(stderr).toContain("crisis_contacts.csv:1: unexpected column 6; remove it");
  // eslint-disable-next-line no-control-regex
  expect(stdout + stderr).not.toMatch(/[\u001b\u202e]/);
});
