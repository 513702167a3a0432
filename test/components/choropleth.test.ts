// The outlines are dissolved here from the reference files by Node code, which the jsdom environment
// cannot import (its URL is not Node's), so this test runs in Node with a JSDOM document of its own.
import {beforeAll, expect, test} from "vitest";
import {Choropleth, type AreaFigure} from "../../src/components/choropleth.js";
import {placeLabels, textBox} from "../../src/lib/labelPlacement.js";
import {rateWithInterval} from "../../src/lib/rates.js";
import {DISTRICT_CODES} from "../../src/lib/schema.js";
import type {OutlineTopology} from "../../src/node/geo/dissolve.js";
import {referenceOutlines} from "../../src/node/geo/outlines.js";
import {expectSnapshot, jsdomDocument} from "./snapshot.js";

let outlines: OutlineTopology;
beforeAll(async () => {
  outlines = await referenceOutlines();
  const document = jsdomDocument();
  Object.assign(globalThis, {document, window: document.defaultView});
});

const NAMES: Record<string, string> = Object.fromEntries(
  "00 Ahvenanmaa,03 Varsinais-Suomi,04 Satakunta,05 Kanta-Häme,06 Pirkanmaa,07 Päijät-Häme,08 Kymenlaakso,09 Etelä-Karjala,10 Etelä-Savo,11 Itä-Savo,12 Pohjois-Karjala,13 Pohjois-Savo,14 Keski-Suomi,15 Etelä-Pohjanmaa,16 Vaasa,17 Keski-Pohjanmaa,18 Pohjois-Pohjanmaa,19 Kainuu,20 Länsi-Pohja,21 Lappi,25 HUS"
    .split(",")
    .map((entry) => [entry.slice(0, 2), entry.slice(3)])
);
// Made-up figures: a rate that rises with the code, one hidden district (Itä-Savo) and one with the
// highest rate of all on 12 people (Länsi-Pohja), which is unstable and must not be named highest.
const figure = (code: string, count: number | null, population: number): AreaFigure => {
  const rate = rateWithInterval(count, population);
  return {code, name: NAMES[code] ?? `C${code}`, name_en: `District ${code}`, count, rate: rate?.rate ?? null, low: rate?.low ?? null, high: rate?.high ?? null, unstable: rate?.unstable ?? false};
}; // prettier-ignore
const districts = DISTRICT_CODES.map((code) =>
  code === "11"
    ? figure(code, null, 40_000)
    : code === "20"
      ? figure(code, 12, 1_000)
      : figure(code, 100 + +code * 10, 100_000)
);

test("Choropleth names the highest stable rate, hatches the hidden district and dashes the unstable one", () => {
  const map = Choropleth(districts, {outlines, width: 390, source: "Source: test"});
  expect(map.querySelector("h3")?.textContent).toBe(
    "Among stable rates, HUS had the most people affected per 100\u00a0000 residents: 350"
  );
  const hatched = [...map.querySelectorAll('g[aria-label="geo"] path')].filter((p) =>
    (p.getAttribute("fill") ?? p.parentElement?.getAttribute("fill"))?.startsWith("url(#")
  );
  expect(hatched).toHaveLength(1);
  expect(hatched[0]!.querySelector("title")?.textContent).toMatch(/^Itä-Savo \(District 11\): hidden/);
  expect(map.querySelector('path[stroke-dasharray="3,2"], g[stroke-dasharray="3,2"]')).not.toBeNull();
  expect(map.querySelector("figcaption")?.textContent).toContain("2 area(s) with an unstable or hidden rate");
  const rows = [...map.querySelectorAll("tbody tr")].map((tr) =>
    [...tr.children].map((cell) => cell.textContent?.replace(/\u00a0/g, " "))
  );
  expect(rows).toHaveLength(21);
  expect(rows[0]![0]).toBe("HUS");
  expect(rows.at(-2)).toEqual(["Länsi-Pohja", "12", "1,200 (unstable: fewer than 20)", "620–2,096"]);
  expectSnapshot("choroplethDistricts390", map);
});

test("at 390 px not every district gets a label, and no two labels overlap", () => {
  const map = Choropleth(districts, {outlines, width: 390, source: "Source: test"});
  const labels = [...map.querySelectorAll('g[aria-label="text"] text')];
  expect(labels.length).toBeGreaterThan(5);
  expect(labels.length).toBeLessThan(21);
  const boxes = labels.map((label) => {
    const [x, y] = label
      .getAttribute("transform")!
      .match(/-?[\d.]+/g)!
      .map(Number);
    const lines = [...label.querySelectorAll("tspan")].map((tspan) => tspan.textContent ?? "");
    return {x, y, ...textBox(lines, 10)};
  });
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = Math.abs(a.x! - b.x!) * 2 >= a.width + b.width || Math.abs(a.y! - b.y!) * 2 >= a.height + b.height;
      expect(apart, JSON.stringify([a, b])).toBe(true);
    }
  }
  expect(map.querySelector("figcaption")?.textContent).toContain("Areas too small to label");
});

test("the counties draw from the same outlines, 23 areas", () => {
  const counties = [
    ...new Set(outlines.objects.wellbeing_counties.geometries.map((g) => (g.properties as {code: string}).code))
  ];
  const map = Choropleth(
    counties.map((code) => figure(code, 500, 200_000)),
    {outlines, geography: "wellbeing_counties", width: 640, lang: "fi", source: "Lähde: testi"}
  );
  expect(map.querySelectorAll("tbody tr")).toHaveLength(23);
  expect(map.querySelectorAll('g[aria-label="geo"]')[0]!.querySelectorAll("path")).toHaveLength(23);
  expect(map.querySelector(".vuoto-figure-subtitle")?.textContent).toBe(
    "Asianosaiset 100\u00a0000 asukasta kohden: hyvinvointialueet (2023)"
  );
});

test("placeLabels keeps the larger of two overlapping labels, and drops one wider than its area or outside the frame", () => {
  const box = (key: string, x: number, priority: number, room = 100) => ({key, x, y: 50, width: 40, height: 20, room: {width: room, height: room}, priority}); // prettier-ignore
  expect([...placeLabels([box("small", 30, 1), box("large", 50, 2)], {width: 200, height: 100})]).toEqual(["large"]);
  expect([...placeLabels([box("a", 30, 1), box("b", 80, 2)], {width: 200, height: 100})].sort()).toEqual(["a", "b"]);
  expect(placeLabels([box("narrow", 50, 1, 30)], {width: 200, height: 100}).size).toBe(0);
  expect(placeLabels([box("edge", 10, 1)], {width: 200, height: 100}).size).toBe(0);
});

test("a hidden area whose total has a provable range is labelled with the range where it fits, not 'hidden'", () => {
  // Lappi (21) is large enough for a label; its total hidden, with a range the tables prove.
  const range = {key: "people.hospital_district=21", value: 1180, exact: false, upper: 1224, range: true};
  const withRange = districts.map((d) =>
    d.code === "21" ? {...d, count: null, rate: null, low: null, high: null, unstable: false, figure: range} : d
  );
  const map = Choropleth(withRange, {outlines, width: 640, source: "Source: test"});
  const label = [...map.querySelectorAll('g[aria-label="text"] text')].find((text) =>
    text.textContent?.startsWith("Lappi")
  );
  expect([...label!.querySelectorAll("tspan")].map((tspan) => tspan.textContent)).toEqual(["Lappi", "1,180–1,224"]);
  // Without a range, the same area is labelled hidden.
  const hidden = withRange.map((d) => (d.code === "21" ? {...d, figure: undefined} : d));
  const plain = [...Choropleth(hidden, {outlines, width: 640, source: "Source: test"}).querySelectorAll("text")].find(
    (text) => text.textContent?.startsWith("Lappi")
  );
  expect(plain?.querySelectorAll("tspan")[1]?.textContent).toBe("hidden");
});
