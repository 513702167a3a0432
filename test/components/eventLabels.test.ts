import {expect, test} from "vitest";
import {placeEventLabels} from "../../src/components/marks.js";
import {textBox} from "../../src/lib/labelPlacement.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const domain: [Date, Date] = [day("2020-07-27"), day("2021-04-05")];
const events = [
  {date: day("2020-09-28"), label: "Ransom demand to the company"},
  {date: day("2020-10-21"), label: "First records posted"},
  {date: day("2020-10-23"), label: "Whole database briefly public"},
  {date: day("2020-10-24"), label: "Mass extortion e-mails begin"},
  {date: day("2021-01-27"), label: "Second mass leak *"}
];

test.each([1280, 640, 390])(
  "at %i px, the crisis page's events get rows where no two labels meet and none leaves the chart",
  (width) => {
    const layout = {width, marginLeft: 60, marginRight: 40, marginTop: 80};
    const placed = placeEventLabels(events, domain, layout);
    const x = (d: Date) => 60 + ((+d - +domain[0]) / (+domain[1] - +domain[0])) * (width - 100);
    const spans = placed.flatMap((p, i) => {
      if (!p) return [];
      const w = textBox([events[i]!.label], 10).width;
      const at = x(events[i]!.date);
      return [
        {
          row: p.row,
          left: p.anchor === "start" ? at + 3 : at - 3 - w,
          right: p.anchor === "start" ? at + 3 + w : at - 3
        }
      ];
    });
    // Rows of 12 pixels stacked up from 3 pixels above the frame stay below the y axis's label (its 17 pixels).
    for (const {row} of spans) expect(80 - 3 - (row + 1) * 12).toBeGreaterThanOrEqual(17);
    for (const a of spans) {
      expect(a.left).toBeGreaterThanOrEqual(0);
      expect(a.right).toBeLessThanOrEqual(width);
      for (const b of spans) if (a !== b && a.row === b.row) expect(a.right <= b.left || b.right <= a.left).toBe(true);
    }
    // At a desktop width every event is labelled.
    if (width >= 640) expect(placed.every((p) => p !== null)).toBe(true);
  }
);
