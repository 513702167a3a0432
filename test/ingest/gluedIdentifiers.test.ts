// Issue 13: identifiers glued to a word, and phone numbers without + or separators, in keys, district
// cells and counts: exit 2, and the values appear in no output and no written file (they used to load,
// or be quoted as `unknown hospital_district: "x131052-308T"` and `invalid contacts: too large`).
import {expect, test, vi} from "vitest";
import {exportFor, filesContaining, runLoadCli, tempDataDir} from "./exports.js";

// Each CLI run starts tsx and DuckDB: seconds on an idle machine, much more on a busy one.
vi.setConfig({testTimeout: 300_000});

test.each([
  ["identifier-glued", ["affected_records.csv:2: person_key: identifier: Finnish personal identity code", "affected_records.csv:4: hospital_district: identifier"], ["131052-308T", "131052"]],
  ["identifier-phone-glued", ["crisis_contacts.csv:2: contacts: identifier: Finnish phone number", "crisis_contacts.csv:4: hospital_district: identifier: Finnish phone number"], ["358401234567", "0401234567", "1234567"]]
] as const)("%s: exit 2, nothing quoted", async (name, expected, secrets) => {
  for (const flags of [[], ["--skip-invalid"]]) {
    const dataDir = await tempDataDir();
    const {code, stdout, stderr} = runLoadCli([await exportFor(name), ...flags], dataDir);
    expect(code).toBe(2);
    for (const line of expected) expect(stderr).toContain(line);
    for (const secret of secrets) {
      expect(stdout + stderr).not.toContain(secret);
      expect(await filesContaining(dataDir, secret)).toEqual([]);
    }
  }
}); // prettier-ignore
