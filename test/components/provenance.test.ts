// @vitest-environment jsdom
// issue 15: the methods page's audit table labelled its tables "0".."9" (the array's indexes) and did
// not show the audit's checks.
import {expect, test} from "vitest";
import {AuditTable, ReleaseNotesSection} from "../../src/components/provenance.js";
import {strings, type Language} from "../../src/lib/strings.js";
import type {AuditReport} from "../../src/node/publish/audit.js";
import {AUDIT_RULES, ROUND5, ROUND5_RULES, type AuditRule} from "../../src/node/publish/rules.js";

const report: AuditReport = {
  threshold: 5,
  tables: [
    {name: "people_by_district_age", rows: 198, cells: 792, suppressed: 111},
    {name: "people_by_district", rows: 22, cells: 88, suppressed: 0}
  ],
  headline: {cells: 6, suppressed: 1},
  checks: (Object.keys(AUDIT_RULES) as AuditRule[]).map((rule) => ({
    rule,
    description: AUDIT_RULES[rule],
    passed: true
  })),
  ranges: {threshold: 5, hidden: 112, implicit: 40, solves: 300}
};

const bodyRows = (table: Element) =>
  [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((cell) => cell.textContent));

test("the audit table names each table and shows its rows, cells and hidden cells", () => {
  const [tables] = AuditTable(report).querySelectorAll("table");
  expect(bodyRows(tables!)).toEqual([
    ["people_by_district_age", "198", "792", "111"],
    ["people_by_district", "22", "88", "0"],
    ["National totals (headline.json)", "–", "6", "1"]
  ]);
});

test("every check the audit passed is listed, in the page's language, with what it guarantees", () => {
  for (const lang of ["en", "fi", "sv"] as Language[]) {
    const t = strings[lang].methods;
    const [, checks] = AuditTable(report, {lang}).querySelectorAll("table");
    const rows = bodyRows(checks!);
    expect(rows).toHaveLength(Object.keys(AUDIT_RULES).length);
    expect(rows[0]).toEqual([
      `${t.ruleNames.contract}: ${strings[lang].figures.auditPassed}`,
      t.ruleDescriptions.contract
    ]);
    expect(rows.at(-1)).toEqual([
      `${t.ruleNames.protection}: ${strings[lang].figures.auditPassed}`,
      t.ruleDescriptions.protection
    ]);
  }
  // audit.json's own (English) description is not what the Finnish page shows.
  const [, fiChecks] = AuditTable(report, {lang: "fi"}).querySelectorAll("table");
  expect(bodyRows(fiChecks!).flat()).not.toContain(AUDIT_RULES.contract);
});

test("every rule the engine's or the rounding policy's audit can write has a name and a description in fi, sv and en", () => {
  const rules = [...Object.keys(AUDIT_RULES), ...Object.keys(ROUND5_RULES)];
  for (const lang of ["en", "fi", "sv"] as Language[]) {
    const {ruleNames, ruleDescriptions} = strings[lang].methods;
    for (const rule of rules) {
      expect(ruleNames[rule], `${lang} ${rule}`).toMatch(/\S/);
      expect(ruleDescriptions[rule], `${lang} ${rule}`).toMatch(/\S/);
    }
    // The policy's figures as the rounding code has them.
    expect(ruleDescriptions.redaction).toContain(String(ROUND5.redactAtMost));
    expect(ruleDescriptions.multiple).toContain(String(ROUND5.base));
  }
});

test("a rule the page does not know is shown by its id", () => {
  const [, checks] = AuditTable({
    ...report,
    checks: [{rule: "futureRule", description: "x", passed: true}]
  }).querySelectorAll("table");
  expect(bodyRows(checks!)).toEqual([["futureRule: passed", "futureRule"]]);
});

test("an audit without tables says so", () => {
  expect(AuditTable({threshold: 5, tables: []}).textContent).toBe("The audit lists no tables.");
});

test("the release notes are left out of print only when there is no earlier release to compare with", () => {
  const none = ReleaseNotesSection({previous: null, notes: null}, {lang: "sv"});
  expect(none.classList.contains("vuoto-no-print")).toBe(true);
  expect(none.querySelector("h2")?.textContent).toBe(strings.sv.releaseNotes.heading);
  expect(none.textContent).toContain(strings.sv.releaseNotes.none);
  const notes = {
    totals: [{name: "people", before: 33_003, after: 33_000, change: -3}],
    cells: [],
    tablesAdded: [],
    tablesRemoved: []
  };
  const some = ReleaseNotesSection({previous: "2026-11-28T120000_0123456789ab-t5-p1", notes}, {lang: "sv"});
  expect(some.classList.contains("vuoto-no-print")).toBe(false);
  expect(some.textContent).toContain(strings.sv.releaseNotes.heading);
  expect(some.querySelectorAll("li")).toHaveLength(1);
});
