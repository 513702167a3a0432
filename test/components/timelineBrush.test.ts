// @vitest-environment jsdom
// The explorer's timeline shows a new brushed range by moving its brush (moveBrush), not by being drawn
// again: the chart must then be the one WeeklyTimeline draws with that range.
import {expect, test} from "vitest";
import {moveBrush, updateTimeline, WeeklyTimeline} from "../../src/components/weeklyTimeline.js";

const weeks = ["2020-10-05", "2020-10-12", "2020-10-19", "2020-10-26", "2020-11-02"].map((week_start, i) => ({
  week_start,
  value: 100 + 40 * i,
  hidden: 0,
  cells: 7
}));
const draw = (from: string | null, to: string | null) =>
  WeeklyTimeline(weeks, {width: 640, from, to, onBrush: () => {}}) as Element;
// The brush's selection as drawn: where it is and whether it shows.
const selection = (chart: Element) => {
  const rect = chart.querySelector(".brush .selection")!;
  return ["x", "y", "width", "height", "style"].map((name) => rect.getAttribute(name));
};

test.each([
  [null, null, "2020-10-12", "2020-10-25"],
  ["2020-10-12", "2020-10-25", "2020-10-19", "2020-11-08"],
  ["2020-10-19", "2020-11-08", null, null]
])("a timeline brushed %s–%s and moved to %s–%s shows what one drawn with the second range shows", (a, b, c, d) => {
  const chart = draw(a, b);
  const before = selection(chart);
  expect(moveBrush(chart, c, d)).toBe(true);
  expect(selection(chart)).toEqual(selection(draw(c, d)));
  expect(selection(chart)).not.toEqual(before);
});

test("a chart without a brush is left alone, and the caller told to draw it again", () => {
  const chart = WeeklyTimeline(weeks, {width: 640}) as Element;
  expect(moveBrush(chart, "2020-10-12", "2020-10-25")).toBe(false);
  expect(moveBrush(null, null, null)).toBe(false);
  expect(chart.querySelector(".brush")).toBeNull();
});

// updateTimeline: the same weeks with other values are rewritten in place (heights, titles, y axis), and
// the chart is then exactly the one WeeklyTimeline draws from the new values, brush included.
const scaled = (factor: number, extra: Partial<(typeof weeks)[number]> = {}) =>
  weeks.map((week) => ({...week, value: week.value * factor, ...extra}));

test.each([
  ["larger values, other ticks", weeks, scaled(37)],
  ["smaller values", scaled(37), scaled(0.05)],
  ["values a little larger", scaled(300), scaled(301)],
  ["a week that now rests on hidden cells", weeks, weeks.map((week, i) => (i === 1 ? {...week, hidden: 2} : week))]
])("updateTimeline with %s gives the timeline WeeklyTimeline draws", (_, first, second) => {
  const options = {width: 640, from: "2020-10-12", to: "2020-10-25", onBrush: () => {}, label: "Contacts"};
  const chart = WeeklyTimeline(first, options) as Element;
  const before = chart.outerHTML;
  expect(updateTimeline(chart, second, options)).toBe(true);
  expect(chart.outerHTML).toBe(WeeklyTimeline(second, options).outerHTML);
  expect(chart.outerHTML).not.toBe(before);
});

test("updateTimeline draws nothing, and says so, when the weeks or which of them are all hidden would change", () => {
  const options = {width: 640, onBrush: () => {}};
  const chart = WeeklyTimeline(weeks, options) as Element;
  const before = chart.outerHTML;
  expect(updateTimeline(chart, weeks.slice(1), options)).toBe(false);
  expect(
    updateTimeline(
      chart,
      weeks.map((week, i) => (i === 2 ? {...week, value: null, hidden: 7} : week)),
      options
    )
  ).toBe(false);
  expect(updateTimeline(chart, scaled(0), options)).toBe(false);
  expect(updateTimeline(chart, weeks, {...options, width: 600})).toBe(false);
  expect(chart.outerHTML).toBe(before);
});
