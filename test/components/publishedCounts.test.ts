// @vitest-environment jsdom
// issue 12, "The unit": the methods page names each published count, what it counts and the rules that
// protect it, in every language; a count of no people says why it needs no protection.
import {expect, test} from "vitest";
import {PublishedCountsTable} from "../../src/components/provenance.js";
import {countGroups, publishedCounts} from "../../src/lib/publishedCounts.js";
import {countTables, headlineCounts, publishedTables} from "../../src/lib/publishedTables.js";
import {LANGUAGES} from "../../src/lib/languages.js";
import {strings} from "../../src/lib/strings.js";

test("every count column of every published table and every headline total is listed once", () => {
  const listed = publishedCounts().map((c) => `${c.table}.${c.measure}`);
  const expected = [
    ...publishedTables.flatMap((spec) => spec.measures.map((m) => `${spec.name}.${m.column}`)),
    ...headlineCounts.map((h) => `headline.json.${h.name}`)
  ];
  expect(listed.sort()).toEqual(expected.sort());
  expect(new Set(listed).size).toBe(listed.length);
  // Every column the audit suppresses is among them, protected by at least the threshold rule.
  for (const spec of countTables)
    for (const column of spec.counts) {
      const count = publishedCounts().find((c) => c.table === spec.name && c.measure === column);
      expect(count?.protectedBy, `${spec.name}.${column}`).toContain("threshold");
    }
});

test("only publication events go unprotected, and the headline totals carry their measure's rules", () => {
  const unprotected = publishedCounts().filter((c) => c.protectedBy.length === 0);
  expect(unprotected.map((c) => c.counts)).toEqual(["events"]);
  const emailed = publishedCounts().find((c) => c.table === "headline.json" && c.measure === "people_emailed");
  expect(emailed?.protectedBy).toContain("protection");
  expect(emailed?.partOf).toBe("people");
});

test("grouping keeps every count once and never merges counts whose meaning or rules differ", () => {
  const groups = countGroups();
  expect(groups.flatMap((g) => g.tables.map((table) => `${table}.${g.measure}`)).sort()).toEqual(
    publishedCounts()
      .map((c) => `${c.table}.${c.measure}`)
      .sort()
  );
  // daily_timeline's people_emailed is a national daily count, not a part of a row's people: its own row.
  const emailed = groups.filter((g) => g.measure === "people_emailed");
  expect(emailed.length).toBe(2);
  expect(emailed.find((g) => !g.partOf)?.tables).toEqual(["daily_timeline"]);
  expect(groups.length).toBeLessThan(publishedCounts().length / 2);
});

test.each(LANGUAGES)("the table names each count and its rules in %s", (lang) => {
  const t = strings[lang].methods;
  const table = PublishedCountsTable(countGroups(), {lang});
  const rows = [...table.querySelectorAll("table tbody tr")].map((tr) =>
    [...tr.querySelectorAll("td, th")].map((cell) => cell.textContent ?? "")
  );
  expect(rows).toHaveLength(countGroups().length);
  for (const [, , counts, rules] of rows) {
    expect(counts).not.toBe("");
    expect(rules).not.toBe("");
    // Every rule is named in the page's language, never by its code name.
    const named = [...Object.values(t.ruleNames), t.noProtection];
    for (const rule of rules === t.noProtection ? [rules] : rules!.split(", ")) expect(named).toContain(rule);
  }
  const events = rows.find(([measure]) => measure === "events");
  expect(events?.[1]).toBe("publications_by_day_channel");
  expect(events?.[2]).toBe(t.counted.events);
  expect(events?.[3]).toBe(t.noProtection);
  const emailed = rows.find(([measure, tables]) => measure === "people_emailed" && tables!.includes("people_by_age"));
  expect(emailed?.[2]).toContain(t.partOf("people"));
  expect(emailed?.[3]).toContain(t.ruleNames.groupAttributes);
  // Each rule named in the table is explained once, below it.
  const explained = [...table.querySelectorAll("dt")].map((dt) => dt.textContent);
  const used = [...new Set(countGroups().flatMap((c) => c.protectedBy))];
  expect(used.length).toBeGreaterThan(1);
  expect(explained.sort()).toEqual(used.map((rule) => t.ruleNames[rule]).sort());
  expect(table.querySelector("dd")?.textContent).toBe(t.ruleDescriptions.threshold);
});
