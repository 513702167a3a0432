// @vitest-environment jsdom
// The explorer's bars: a selection shown in place (selectBars) gives the chart CategoryBars draws with
// that selection, so the explorer can recolour a chart instead of drawing it again.
import {expect, test} from "vitest";
import {CategoryBars, selectBars} from "../../src/components/categoryBars.js";
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
