// The dissolved outlines: every outline code matches the municipality key, and the district and county
// outlines each cover the country once (issue 16).
import {geoArea, geoCentroid, geoContains} from "d3";
import type {Feature, FeatureCollection, MultiPolygon} from "geojson";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {beforeAll, expect, test} from "vitest";
import {DISTRICT_CODES} from "../../src/lib/schema.js";
import {dissolveOutlines, keyCode, MERGED_MUNICIPALITIES, type MunicipalityArea} from "../../src/node/geo/dissolve.js";
import {readMunicipalityKey, readMunicipalityOutlines} from "../../src/node/geo/outlines.js";

type Area = Feature<MultiPolygon, {code: string}>;
let key: MunicipalityArea[];
let source: Topology;
let municipalities: Feature<MultiPolygon, {code: string}>[];

const features = (topology: Topology, name: string) =>
  (
    feature(topology, topology.objects[name] as GeometryCollection) as unknown as FeatureCollection<
      MultiPolygon,
      {code: string}
    >
  ).features;
const areaSum = (list: Feature[]) => list.reduce((sum, f) => sum + geoArea(f), 0);

beforeAll(async () => {
  [key, source] = await Promise.all([readMunicipalityKey(), readMunicipalityOutlines()]);
  municipalities = features(source, "kuntarajat");
});

test("every municipality outline has a row in the key, and every municipality of the key an outline", () => {
  const byCode = new Map(key.map((row) => [row.code, row]));
  const matched = new Set(municipalities.map((m) => keyCode(m.properties.code, byCode).code));
  expect(municipalities).toHaveLength(311);
  expect([...matched].sort()).toEqual(key.map((row) => row.code).sort());
  expect(keyCode("911", byCode).code).toBe(MERGED_MUNICIPALITIES["911"]);
});

test("an outline the key does not know stops the dissolve, naming its code", () => {
  expect(() =>
    dissolveOutlines(
      source,
      key.filter((row) => row.code !== "541")
    )
  ).toThrow(/unknown municipality: (541|911)/);
});

test("the outline codes are the key's: 21 hospital districts; 21 counties, Helsinki and Åland", () => {
  const outlines = dissolveOutlines(source, key);
  expect(features(outlines, "hospital_districts").map((f) => f.properties.code)).toEqual([...DISTRICT_CODES]);
  expect(features(outlines, "wellbeing_counties").map((f) => f.properties.code)).toEqual(
    [...new Set(key.map((row) => row.wellbeing_services_county))].sort()
  );
});

test("each area, dissolved without re-quantising, has exactly the area of its municipalities: nothing lost, nothing twice", () => {
  const exact = dissolveOutlines(source, key, {quantization: 0});
  const byCode = new Map(key.map((row) => [row.code, row]));
  const country = areaSum(municipalities);
  for (const [name, areaOf] of [
    ["hospital_districts", (m: MunicipalityArea) => m.hospital_district],
    ["wellbeing_counties", (m: MunicipalityArea) => m.wellbeing_services_county]
  ] as const) {
    const areas = features(exact, name);
    expect(areaSum(areas) / country).toBeCloseTo(1, 9);
    for (const area of areas) {
      const members = municipalities.filter((m) => areaOf(keyCode(m.properties.code, byCode)) === area.properties.code);
      expect(geoArea(area) / areaSum(members), `${name} ${area.properties.code}`).toBeCloseTo(1, 9);
    }
  }
});

test("a point inside each municipality lies in exactly one district and one county, the key's", () => {
  const outlines = dissolveOutlines(source, key);
  const districts: Area[] = features(outlines, "hospital_districts");
  const counties: Area[] = features(outlines, "wellbeing_counties");
  const byCode = new Map(key.map((row) => [row.code, row]));
  let checked = 0;
  for (const m of municipalities) {
    const point = geoCentroid(m);
    if (!geoContains(m, point)) continue; // a crescent or an archipelago: its centroid is not inside it
    const row = keyCode(m.properties.code, byCode);
    expect(
      districts.filter((d) => geoContains(d, point)).map((d) => d.properties.code),
      m.properties.code
    ).toEqual([row.hospital_district]);
    expect(
      counties.filter((c) => geoContains(c, point)).map((c) => c.properties.code),
      m.properties.code
    ).toEqual([row.wellbeing_services_county]);
    checked++;
  }
  expect(checked).toBeGreaterThan(290);
});

test("the outlines are a few tens of kilobytes", () => {
  const bytes = JSON.stringify(dissolveOutlines(source, key)).length;
  expect(bytes).toBeGreaterThan(10_000);
  expect(bytes).toBeLessThan(60_000);
});
