// issue 16: county names in three languages, and county figures with rates, intervals and stability.
import {expect, test} from "vitest";
import {countiesPublished, countyFigures, countyName, countyRateBars, type County} from "../../src/lib/counties.js";
import {countyCountFinding, countyRateFinding} from "../../src/lib/findings.js";

const counties: County[] = [
  {code: "01", name_fi: "Itä-Uudenmaan hyvinvointialue", name_sv: "Östra Nylands välfärdsområde", name_en: "East Uusimaa wellbeing services county", population_2019: 97_613},
  {code: "06", name_fi: "Satakunnan hyvinvointialue", name_sv: "Satakunta välfärdsområde", name_en: "Satakunta wellbeing services county", population_2019: 216_752},
  {code: "90", name_fi: "Helsingin kaupunki", name_sv: "Helsingfors stad", name_en: "City of Helsinki", population_2019: 653_835},
  {code: "91", name_fi: "Ahvenanmaa", name_sv: "Åland", name_en: "Åland", population_2019: 29_884}
]; // prettier-ignore

test("short names: Swedish back in the nominative, English without the suffix, Finnish official", () => {
  expect(counties.map((c) => countyName(c, "sv"))).toEqual(["Östra Nyland", "Satakunta", "Helsingfors stad", "Åland"]);
  expect(counties.map((c) => countyName(c, "en"))).toEqual(["East Uusimaa", "Satakunta", "City of Helsinki", "Åland"]);
  expect(countyName(counties[0]!, "fi")).toBe("Itä-Uudenmaan hyvinvointialue");
});

test("figures: a hidden county has no rate; a county under 20 people is unstable and never ranked or named highest", () => {
  const rows = [
    {wellbeing_services_county: "01", people: 19},
    {wellbeing_services_county: "06", people: 400},
    {wellbeing_services_county: "90", people: 1000},
    {wellbeing_services_county: "91", people: null}
  ];
  const figures = countyFigures({tables: {people_by_county: rows}}, counties, {lang: "en"});
  const [east, sata, hki, aland] = figures;
  expect(east).toMatchObject({count: 19, unstable: true});
  expect(east!.rate).toBeCloseTo((19 / 97_613) * 100_000, 6);
  expect(east!.low!).toBeLessThan(east!.rate!);
  expect(east!.high!).toBeGreaterThan(east!.rate!);
  expect(sata).toMatchObject({count: 400, unstable: false});
  expect(aland).toMatchObject({count: null, rate: null, low: null, high: null});
  expect(aland!.figure).toMatchObject({value: null, exact: false, key: "people.wellbeing_services_county=91"});
  expect(hki!.figure).toMatchObject({value: 1000, exact: true});
  // East Uusimaa's unstable rate (19.5) is below Satakunta's (184.5) anyway; Helsinki's 152.9 is stable.
  expect(countyRateBars(figures, {lang: "en"}).map((bar) => bar.label)).toEqual(["Satakunta", "City of Helsinki"]);
  expect(countyRateBars(figures, {lang: "en"})[0]!.title).toMatch(
    /^Satakunta wellbeing services county; 95 % interval \d/
  );
  expect(countyRateFinding(figures, {lang: "en"}).title).toContain("Satakunta");
  expect(countyRateFinding(figures, {lang: "en"}).notes.join(" ")).toContain("2 area(s)");
  expect(countyCountFinding(figures, 1419, {lang: "en"}).title).toContain(
    "City of Helsinki had the most people affected"
  );
});

test("an unstable rate above every stable one is still not named highest", () => {
  const rows = [
    {wellbeing_services_county: "91", people: 19},
    {wellbeing_services_county: "06", people: 30}
  ];
  const figures = countyFigures({tables: {people_by_county: rows}}, counties, {lang: "sv"});
  expect(figures.find((f) => f.code === "91")!.rate!).toBeGreaterThan(figures.find((f) => f.code === "06")!.rate!);
  expect(countyRateFinding(figures, {lang: "sv"}).title).toContain("Satakunta");
  expect(countyRateBars(figures).map((bar) => bar.label)).toEqual(["Satakunta"]);
});

test("counties are published only when people_by_county has rows (format 1.1 with municipalities)", () => {
  expect(countiesPublished([])).toBe(false);
  expect(countiesPublished([{wellbeing_services_county: "06", people: 30}])).toBe(true);
});
