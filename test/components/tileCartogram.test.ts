// @vitest-environment jsdom
import {rgb} from "d3";
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
  expect(hatched[0]!.querySelector("title")?.textContent).toMatch(/^Itä-Savo: hidden/);
  expectSnapshot("tileCartogram", figure);
});

// issue 15: in dark mode the scale was inverted against the background: the lowest district was the
// brightest tile. In both themes the lowest rate must be the tile closest to the page's background.
const luminance = (fill: string) => {
  const {r, g, b} = rgb(fill);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const tileFills = (figure: HTMLElement) =>
  Object.fromEntries(
    [...figure.querySelectorAll('g[aria-label="cell"] rect')]
      .filter((rect) => rect.getAttribute("fill") && !rect.getAttribute("fill")!.startsWith("url("))
      .map((rect) => [rect.querySelector("title")!.textContent!.split(":")[0], luminance(rect.getAttribute("fill")!)])
  );

test.each([
  [false, "the lowest rate is the lightest tile on a light page"],
  [true, "the lowest rate is the darkest tile on a dark page"]
])("TileCartogram dark=%s: %s", (dark) => {
  const figures = districtFigures(people, districts, "people");
  const fills = tileFills(TileCartogram(figures, {width: 400, source: "", dark}));
  // Lappi has the lowest rate (495), HUS the highest (630); tiles are titled "name: rate".
  const tile = (code: string) => fills[figures.find((d) => d.code === code)!.name];
  expect(tile("21")).toBeDefined();
  expect(tile("21")! > tile("25")!).toBe(!dark);
});

test("a hidden district whose total has a provable range shows the range on its tile, not 'hidden'", () => {
  const range = {key: "people.hospital_district=11", value: 180, exact: false, upper: 224, range: true};
  const figures = districtFigures(people, districts, "people").map((d) =>
    d.code === "11" ? {...d, figure: range} : d
  );
  const texts = (figure: HTMLElement) =>
    [...figure.querySelectorAll('g[aria-label="text"] text')].map((text) => text.textContent ?? "");
  expect(texts(TileCartogram(figures, {width: 400, source: ""}))).toContain("Itä-Savo180–224");
  expect(texts(TileCartogram(districtFigures(people, districts, "people"), {width: 400, source: ""}))).toContain(
    "Itä-Savohidden"
  );
});
