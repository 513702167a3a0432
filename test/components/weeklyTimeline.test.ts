import {expect, test} from "vitest";
import {WeeklyTimeline} from "../../src/components/weeklyTimeline.js";
import {strings} from "../../src/lib/strings.js";
import {jsdomDocument} from "./snapshot.js";

const weeks = [
  {week_start: "2020-10-12", value: 120, hidden: 0, cells: 7},
  {week_start: "2020-10-19", value: 410, hidden: 1, cells: 7},
  {week_start: "2020-10-26", value: null, hidden: 7, cells: 7}
];

test("WeeklyTimeline draws a bar per week and marks an all-hidden week with a cross, not a zero bar", () => {
  const chart = WeeklyTimeline(weeks as never, {width: 640, document: jsdomDocument()});
  const bars = [...chart.querySelectorAll("[aria-label=rect] rect")];
  expect(bars).toHaveLength(3);
  expect(Number(bars[1]!.getAttribute("height"))).toBeGreaterThan(Number(bars[0]!.getAttribute("height")));
  // One cross for the week whose every cell is hidden.
  expect(chart.querySelector("[aria-label=dot]")?.childElementCount).toBe(1);
  expect(chart.outerHTML).not.toContain("NaN");
});

// Selecting only districts published by month leaves no weekly rows (a bug once drew rects at NaN,
// then an empty frame whose axis read ".000 :00.00"): the chart is a sentence saying why.
test("WeeklyTimeline with no weeks is the sentence it is given, with no axis", () => {
  const chart = WeeklyTimeline([], {
    width: 640,
    empty: "Weekly figures are not published for Lapland",
    document: jsdomDocument()
  });
  expect(chart.textContent).toBe("Weekly figures are not published for Lapland");
  expect(chart.querySelector("svg")).toBeNull();
  expect(WeeklyTimeline([], {lang: "sv", document: jsdomDocument()}).textContent).toBe(strings.sv.figures.emptySeries);
});
