import {expect, test} from "vitest";
import {WeeklyTimeline} from "../../src/components/weeklyTimeline.js";
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
  expect(Number(bars[1].getAttribute("height"))).toBeGreaterThan(Number(bars[0].getAttribute("height")));
  // One cross for the week whose every cell is hidden.
  expect(chart.querySelector("[aria-label=dot]")?.childElementCount).toBe(1);
  expect(chart.outerHTML).not.toContain("NaN");
});

// Selecting only districts published by month leaves no weekly rows (a bug once drew rects at NaN).
test("WeeklyTimeline with no weeks draws an empty frame, nothing at NaN", () => {
  const chart = WeeklyTimeline([], {width: 640, document: jsdomDocument()});
  expect(chart.outerHTML).not.toContain("NaN");
  expect(chart.querySelector("[aria-label=frame]")).not.toBeNull();
});
