// @vitest-environment jsdom
// The explorer's bars: a selection shown in place (selectBars) gives the chart CategoryBars draws with
// that selection, so the explorer can recolour a chart instead of drawing it again.
import {expect, test} from "vitest";
import {
  CategoryBars,
  selectBars,
  updateBars,
  type CategoryBar,
  type CategoryBarsOptions
} from "../../src/components/categoryBars.js";
import type {CategoryRow} from "../../src/lib/exploreQueries.js";

const rows: CategoryRow[] = [
  {key: "06", label: "Pirkanmaa", value: 120, hidden: 0, cells: 9},
  {key: "25", label: "HUS", value: 480, hidden: 2, cells: 9},
  {key: "21", label: "Ahvenanmaa", value: null, hidden: 9, cells: 9},
  {key: "03", label: "Varsinais-Suomi", value: 0, hidden: 0, cells: 9}
];
const draw = (selected: string[]) => CategoryBars(rows, {width: 480, selected, onSelect: () => {}}) as Element;

test.each([
  [[], ["25"]],
  [["25"], ["25", "21"]],
  [["25", "21"], []],
  [["06"], ["99"]]
])("a chart drawn with %j and then given %j is the chart drawn with the second", (first, second) => {
  const chart = draw(first);
  const before = chart.outerHTML;
  selectBars(chart, second);
  expect(chart.outerHTML).toBe(draw(second).outerHTML);
  // The selection shows in the colours and in aria-pressed, so the test compares charts that differ.
  expect(chart.outerHTML === before).toBe(JSON.stringify(first) === JSON.stringify(second));
  const pressed = [...chart.querySelectorAll('[role="button"][aria-pressed="true"]')].map((r) =>
    r.getAttribute("data-key")
  );
  expect(pressed.sort()).toEqual(second.filter((key) => rows.some((row) => row.key === key)).sort());
});

test("every bar and every click target carries its key", () => {
  const chart = draw([]);
  expect([...chart.querySelectorAll("rect[data-bar]")].map((r) => r.getAttribute("data-bar")).sort()).toEqual([
    "03",
    "06",
    "21",
    "25"
  ]);
  expect(chart.querySelectorAll('rect[role="button"][data-key]')).toHaveLength(4);
});

// updateBars: a change of values alone rewrites the chart in place, and the chart is then exactly the one
// CategoryBars draws from the new values (lengths, texts, titles, figure marks, x axis and its ticks).
const figureOf = (key: string, value: number, exact: boolean, range = false) => ({
  key: `people.hospital_district=${key}`,
  value,
  exact,
  upper: range ? value + 44 : null,
  ...(range ? {range: true} : {})
});
const ordered = ["06", "25", "21", "03"];
const rescaled: CategoryBar[] = [
  {key: "06", label: "Pirkanmaa", value: 9, hidden: 1, cells: 9, figure: figureOf("06", 9, false)},
  {key: "25", label: "HUS", value: 1_180, hidden: 1, cells: 9, figure: figureOf("25", 1_180, false, true)},
  {key: "21", label: "Ahvenanmaa", value: 21, hidden: 0, cells: 9, figure: figureOf("21", 21, true)},
  {key: "03", label: "Varsinais-Suomi", value: 312_004, hidden: 0, cells: 9}
];

const reranked = rows.map((row) => (row.key === "06" ? {...row, value: 9_999} : row));
const otherBars: CategoryBar[] = [
  {key: "11", label: "Etelä-Savo", value: 15, hidden: 0, cells: 9},
  {key: "12", label: "Itä-Savo", value: 84, hidden: 1, cells: 9},
  {key: "13", label: "Kainuu", value: 3, hidden: 2, cells: 9},
  {key: "14", label: "Lappi", value: null, hidden: 9, cells: 9}
];

test.each([
  ["larger values, more ticks, figures and a range", rows, rescaled, {order: ordered}, ["25"], ["06", "21"]],
  ["smaller values, fewer ticks", rescaled, rows, {order: ordered}, [], ["03"]],
  ["every bar hidden", rows, rows.map((row) => ({...row, value: null, hidden: 9})), {order: ordered}, ["21"], []],
  ["ranked bars in another order", rows, reranked, {}, ["06"], ["06"]],
  ["other bars as many", rows, otherBars, {}, ["25"], ["12"]],
  ["another axis label", rows, rows, {label: "Contacts"}, [], []]
] as Array<[string, CategoryBar[], CategoryBar[], CategoryBarsOptions, string[], string[]]>)(
  "updateBars with %s gives the chart CategoryBars draws",
  (_, first, second, changes, selectedFirst, selectedSecond) => {
    const options = {width: 520, label: "People", lang: "fi" as const, onSelect: () => {}};
    const chart = CategoryBars(first, {...options, order: changes.order, selected: selectedFirst}) as Element;
    const before = chart.outerHTML;
    const next = {...options, ...changes, selected: selectedSecond};
    expect(updateBars(chart, second, next)).toBe(true);
    expect(chart.outerHTML).toBe(CategoryBars(second, next).outerHTML);
    expect(chart.outerHTML).not.toBe(before);
  }
);

test("a bar moved by updateBars selects its own key when clicked", () => {
  const chosen: string[] = [];
  const chart = CategoryBars(rows, {width: 480, onSelect: (key) => chosen.push(key)}) as Element;
  expect(updateBars(chart, otherBars, {width: 480, onSelect: () => {}})).toBe(true);
  for (const key of ["14", "12"])
    chart.querySelector<SVGElement>(`rect[role="button"][data-key="${key}"]`)!.dispatchEvent(new Event("click"));
  expect(chosen).toEqual(["14", "12"]);
});

test("updateBars leaves a chart alone, and says so, when the number of bars, the width or the axis label's presence would change", () => {
  const options = {width: 480, order: ordered, label: "People", onSelect: () => {}};
  const chart = CategoryBars(rows, options) as Element;
  const before = chart.outerHTML;
  expect(updateBars(chart, rows.slice(1), options)).toBe(false);
  expect(updateBars(chart, [...rows, otherBars[0]!], options)).toBe(false);
  expect(updateBars(chart, rows, {...options, label: undefined})).toBe(false);
  expect(updateBars(chart, rows, {...options, width: 500})).toBe(false);
  expect(updateBars(chart, rows, {...options, onSelect: undefined})).toBe(false);
  expect(updateBars(document.createElement("div"), rows, options)).toBe(false);
  expect(chart.outerHTML).toBe(before);
});
