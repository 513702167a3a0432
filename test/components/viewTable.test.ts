// @vitest-environment jsdom
// The explorer's table by district: a hidden district total shows as its provable range, as on the report
// pages (figures.ts), and a sum that leaves out suppressed cells as "N+".
import {expect, test} from "vitest";
import {updateViewTable, ViewTable, type ShownViewRow} from "../../src/components/explorer.js";

const row = (code: string, people: number | null, hidden: number, extra: Partial<ShownViewRow> = {}): ShownViewRow => ({
  hospital_district: code, district_name: `D${code}`, people, people_hidden_cells: hidden, contacts: 10, contacts_hidden_cells: 0, ...extra
}); // prettier-ignore

test("ViewTable shows a hidden district's range, a lower bound as N+, and marks each people figure", () => {
  const range = {key: "people.hospital_district=11", value: 1180, exact: false, upper: 1224, range: true};
  const bound = {key: "people.hospital_district=12", value: 35, exact: false, upper: null};
  const exact = {key: "people.hospital_district=13", value: 84, exact: true, upper: null};
  const table = ViewTable([
    row("11", 1180, 1, {people_figure: range}),
    row("12", 35, 2, {people_figure: bound}),
    row("13", 84, 0, {people_figure: exact})
  ]);
  const people = Object.fromEntries(
    [...table.querySelectorAll("tbody tr")].map((tr) => [tr.getAttribute("data-district"), tr.children[2]!])
  );
  expect(people["11"]!.textContent!.trim()).toBe("1,180–1,224");
  expect(people["11"]!.getAttribute("data-upper")).toBe("1224");
  expect(people["12"]!.textContent!.trim()).toBe("35+");
  expect(people["13"]!.textContent!.trim()).toBe("84");
  expect(people["13"]!.getAttribute("data-figure")).toBe("people.hospital_district=13");
});

test("updateViewTable gives the table ViewTable makes, keeping the rows whose figures did not change", () => {
  const names = new Map([
    ["11", "Etelä-Savo"],
    ["12", "Itä-Savo"],
    ["13", "Kainuu"],
    ["14", "Lappi"]
  ]);
  const first = [row("11", 10, 0), row("12", 35, 2), row("13", 84, 0)];
  const second = [
    row("12", 35, 2),
    row("13", 90, 1),
    row("14", null, 9),
    row("10", 5, 0, {district_name: "Ahvenanmaa"})
  ];
  const table = ViewTable(first, {lang: "fi", districtNames: names});
  const kept = table.querySelector('tr[data-district="12"]');
  const changed = table.querySelector('tr[data-district="13"]');
  updateViewTable(table, second, {lang: "fi", districtNames: names});
  expect(table.outerHTML).toBe(ViewTable(second, {lang: "fi", districtNames: names}).outerHTML);
  expect(table.querySelector('tr[data-district="12"]')).toBe(kept);
  expect(table.querySelector('tr[data-district="13"]')).not.toBe(changed);
  // Sorted by name: Ahvenanmaa, Itä-Savo, Kainuu, Lappi.
  expect([...table.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-district"))).toEqual([
    "10",
    "12",
    "13",
    "14"
  ]);
  updateViewTable(table, [], {lang: "fi", districtNames: names});
  expect(table.querySelectorAll("tbody tr")).toHaveLength(0);
});
