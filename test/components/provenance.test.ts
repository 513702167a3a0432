// @vitest-environment jsdom
// issue 15: the methods page's audit table labelled its tables "0".."9" (the array's indexes) and did
// not show the audit's checks.
import {expect, test} from "vitest";
import {AuditTable} from "../../src/components/provenance.js";
import {AUDIT_RULES, type AuditReport, type AuditRule} from "../../src/node/publish/audit.js";

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

test("every check the audit passed is listed with what it guarantees", () => {
  const [, checks] = AuditTable(report).querySelectorAll("table");
  const rows = bodyRows(checks!);
  expect(rows).toHaveLength(Object.keys(AUDIT_RULES).length);
  expect(rows[0]).toEqual(["contract: passed", AUDIT_RULES.contract]);
  expect(rows.at(-1)).toEqual(["protection: passed", AUDIT_RULES.protection]);
});

test("an audit without tables says so", () => {
  expect(AuditTable({threshold: 5, tables: []}).textContent).toBe("The audit lists no tables.");
});
