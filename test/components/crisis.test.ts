// @vitest-environment jsdom
import {strings} from "../../src/lib/strings.js";
import {expect, test} from "vitest";
import {CrisisNational} from "../../src/components/crisisNational.js";
import {CrisisSmallMultiples} from "../../src/components/crisisSmallMultiples.js";
import {CrisisTable} from "../../src/components/crisisTable.js";
import {BASELINE, INCIDENT_WINDOW} from "../../src/lib/keyEvents.js";
import {baselineMean, districtCrisis, weeklyTotals, type District} from "../../src/lib/transforms.js";
import {expectSnapshot} from "./snapshot.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const weeks = ["2020-08-03", "2020-08-10", "2020-08-17", "2020-10-19", "2020-10-26", "2020-11-02"];
const level = [100, 110, 90, 410, 300, 150];
const national = weeks.flatMap((w, i) => [
  {week_start: day(w), service: "crisis_helpline", contacts: level[i]! - 20},
  {week_start: day(w), service: "parish", contacts: i === 5 ? null : 20}
]);

test("CrisisNational states the peak as a multiple of the pre-incident mean, and draws the baseline", () => {
  const baseline = baselineMean(weeklyTotals(national), BASELINE);
  const figure = CrisisNational(national, {width: 640, baseline, source: "Source: test"});
  expect(figure.querySelector("h3")?.textContent).toBe(
    "Crisis contacts peaked at 4.1× the pre-incident level in the week of 19/10/2020"
  );
  expect([...figure.querySelectorAll("text")].map((t) => t.textContent)).toContain("pre-incident mean 100/week");
  expect(figure.querySelectorAll('g[aria-label="dot"] path')).toHaveLength(1);
  expectSnapshot("crisisNational", figure);
});

const district = (code: string, short_fi: string, population_2019: number): District => ({
  code, name_fi: short_fi, name_sv: short_fi, name_en: short_fi, short_fi, population_2019, tile_col: 0, tile_row: 0
}); // prettier-ignore
const districts = [district("06", "Pirkanmaa", 100_000), district("11", "Itä-Savo", 40_000)];
const byDistrict = [
  ...weeks.map((w, i) => ({
    hospital_district: "06",
    service: "crisis_helpline",
    grain: "week",
    period_start: day(w),
    period_end: new Date(+day(w) + 6 * 86_400_000),
    contacts: i === 4 ? null : level[i]!
  })),
  {
    hospital_district: "11",
    service: "crisis_helpline",
    grain: "month",
    period_start: day("2020-08-03"),
    period_end: day("2020-08-30"),
    contacts: 16
  },
  {
    hospital_district: "11",
    service: "crisis_helpline",
    grain: "month",
    period_start: day("2020-09-28"),
    period_end: day("2020-11-01"),
    contacts: 30
  }
];

test("CrisisSmallMultiples names the sharpest rise, shows monthly districts as such and hatches hidden periods", () => {
  const ranked = districtCrisis(byDistrict, districts, {baseline: BASELINE, incident: INCIDENT_WINDOW});
  const figure = CrisisSmallMultiples(ranked, {width: 640, incident: INCIDENT_WINDOW, source: "Source: test"});
  expect(figure.querySelector("h3")?.textContent).toBe(
    "Pirkanmaa saw the sharpest rise: 4.1× its pre-incident weekly rate at the peak"
  );
  // A label's own text, without its <title> tooltip.
  const labels = [...figure.querySelectorAll("text")].map((t) => t.firstChild?.textContent);
  expect(labels).toContain("Itä-Savo (monthly) · 1.5×");
  // Faceted marks put their fill on each facet's group.
  const hatched = [...figure.querySelectorAll('g[aria-label="rect"] rect')].filter((rect) =>
    rect.parentElement?.getAttribute("fill")?.startsWith("url(#")
  );
  expect(hatched).toHaveLength(1);
  expectSnapshot("crisisSmallMultiples", figure);

  const table = CrisisTable(ranked);
  const first = [...table.querySelectorAll("tbody tr")][0]!;
  expect([...first.children].map((c) => c.textContent)).toEqual([
    "Pirkanmaa",
    "weekly",
    "100.0",
    "410.0",
    "371.3–451.7",
    "19/10/2020",
    "4.1×",
    "at least 260",
    "at least 215",
    ""
  ]);
});

// issue 15: a monthly district's peak period read as a day (30.11.2020); it is a month. And a title
// compared only the districts whose ratios are published without saying so.
test("CrisisTable shows a monthly district's peak period as the month it is published as", () => {
  const ranked = districtCrisis(byDistrict, districts, {baseline: BASELINE, incident: INCIDENT_WINDOW});
  const row = [...CrisisTable(ranked).querySelectorAll("tbody tr")].find((tr) => tr.textContent?.includes("Itä-Savo"))!;
  // The month of 28.9.–1.11.2020 is October: the ISO weeks whose Thursday falls in October.
  const headers = [...CrisisTable(ranked).querySelectorAll("thead th")].map((th) => th.textContent);
  expect(row.children[headers.indexOf(strings.en.crisis.peakWeek)]?.textContent).toBe("October 2020");
  expect(CrisisTable(ranked, {lang: "fi"}).textContent).toContain("lokakuu 2020");
});

test("CrisisSmallMultiples says its finding compares only the published ratios when one is hidden", () => {
  // Itä-Savo's baseline month is hidden: its ratio is not published.
  const hiddenBaseline = byDistrict.map((row) => (row.hospital_district === "11" ? {...row, contacts: null} : row));
  const ranked = districtCrisis(hiddenBaseline, districts, {baseline: BASELINE, incident: INCIDENT_WINDOW});
  const figure = CrisisSmallMultiples(ranked, {width: 640, incident: INCIDENT_WINDOW, source: "Source: test"});
  expect(figure.querySelector("h3")?.textContent).toBe(
    "Of the districts whose figures are published, Pirkanmaa saw the sharpest rise: 4.1× its pre-incident weekly rate at the peak"
  );
});

test("CrisisNational calls the national total exact when figures.ts has it exactly, and marks it", () => {
  const baseline = baselineMean(weeklyTotals(national), BASELINE);
  const total = {quantity: "crisis_contacts", value: 1234, exact: true, upper: null, hidden: 0, source: "headline", key: "crisis_contacts"} as const; // prettier-ignore
  const figure = CrisisNational(national, {width: 640, baseline, source: "Source: test", total});
  const marked = figure.querySelector('[data-figure="crisis_contacts"]');
  expect(marked?.textContent?.replace(/\D/g, "")).toBe("1234");
  expect(figure.textContent).toContain("the national total over the period is exact");
  expect(figure.textContent).not.toContain("the true figure is higher");
});

test("CrisisSmallMultiples draws lower panels when asked (print), so the card fits one A4 page", () => {
  const ranked = districtCrisis(byDistrict, districts, {baseline: BASELINE, incident: INCIDENT_WINDOW});
  const height = (panelHeight?: number) =>
    Number(
      CrisisSmallMultiples(ranked, {width: 640, panelHeight, incident: INCIDENT_WINDOW, source: "Source: test"})
        .querySelector("svg")
        ?.getAttribute("height")
    );
  const rows = Math.ceil(ranked.length / 3); // three panels a row at 640 px
  expect(height()).toBe(rows * 120 + 40);
  expect(height(85)).toBe(rows * 85 + 40);
});
