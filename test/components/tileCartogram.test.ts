// @vitest-environment jsdom
import {expect, test} from "vitest";
import {TileCartogram} from "../../src/components/tileCartogram.js";
import {districtFigures, type District} from "../../src/lib/transforms.js";
import {expectSnapshot} from "./snapshot.js";

const district = (code: string, short_fi: string, name_en: string, population_2019: number, tile_col: number, tile_row: number): District => ({
  code, name_fi: short_fi, name_sv: short_fi, name_en, short_fi, population_2019, tile_col, tile_row
}); // prettier-ignore
const districts = [
  district("21", "Lappi", "Lapland", 117_171, 1, 0),
  district("06", "Pirkanmaa", "Pirkanmaa", 540_465, 0, 1),
  district("11", "Itä-Savo", "East Savo", 40_035, 1, 1),
  district("25", "HUS", "Helsinki and Uusimaa", 1_699_667, 1, 2)
];
const people = [
  {hospital_district: "21", people: 580},
  {hospital_district: "06", people: 3400},
  {hospital_district: "11", people: null},
  {hospital_district: "25", people: 10_700}
];

test("TileCartogram names the district with the highest rate and hatches the hidden one", () => {
  const figure = TileCartogram(districtFigures(people, districts, "people"), {width: 400, source: "Source: test"});
  expect(figure.querySelector("h3")?.textContent).toBe("HUS had the most people affected per 100,000 residents: 630");
  const hatched = [...figure.querySelectorAll('g[aria-label="cell"] rect')].filter((rect) =>
    rect.parentElement?.getAttribute("fill")?.startsWith("url(#")
  );
  expect(hatched).toHaveLength(1);
  expect(hatched[0].querySelector("title")?.textContent).toMatch(/^Itä-Savo: hidden/);
  expectSnapshot("tileCartogram", figure);
});
