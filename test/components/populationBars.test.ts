import {expect, test} from "vitest";
import {PopulationBars} from "../../src/components/populationBars.js";
import {expectSnapshot, jsdomDocument} from "./snapshot.js";

const districts = [
  {code: "25", name_fi: "HUS", population: 1_699_667},
  {code: "06", name_fi: "Pirkanmaa", population: 540_465},
  {code: "11", name_fi: "Itä-Savo", population: 40_035}
];

test("PopulationBars draws one bar per district, longest for the largest", () => {
  const chart = PopulationBars(districts, {width: 640, document: jsdomDocument()});
  const bars = [...chart.querySelectorAll("rect")];
  expect(bars).toHaveLength(3);
  const widths = bars.map((bar) => Number(bar.getAttribute("width")));
  expect(Math.max(...widths)).toBe(widths[0]);
  expectSnapshot("populationBars", chart);
});
