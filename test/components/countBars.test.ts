// @vitest-environment jsdom
import {expect, test} from "vitest";
import {CountBars} from "../../src/components/countBars.js";
import {minorsFinding} from "../../src/lib/findings.js";
import {ageFigures} from "../../src/lib/transforms.js";
import {expectSnapshot} from "./snapshot.js";

const byAge = [
  {age_group: "0-14", people: 820},
  {age_group: "15-17", people: null},
  {age_group: "18-24", people: 4650},
  {age_group: "25-34", people: 6120},
  {age_group: "unknown", people: 380}
];

function ageChart() {
  const ages = ageFigures(byAge, "people");
  return CountBars(
    ages.map((a) => ({label: a.age_group, value: a.count, highlight: a.minor})),
    {
      ...minorsFinding(ages),
      subtitle: "People affected, by age group",
      labelHeading: "Age group",
      unit: "People",
      source: "Source: test",
      legend: ["Minor", "Adult"],
      width: 640
    }
  );
}

test("CountBars hatches a suppressed bar and labels it hidden, instead of drawing zero", () => {
  const figure = ageChart();
  const hatched = [...figure.querySelectorAll("rect")].filter((rect) =>
    rect.closest("g")?.getAttribute("fill")?.startsWith("url(#")
  );
  expect(hatched).toHaveLength(1);
  expect(Number(hatched[0]!.getAttribute("width"))).toBeGreaterThan(0);
  expect([...figure.querySelectorAll("text")].map((t) => t.textContent)).toContain("hidden");
  expectSnapshot("countBarsAges", figure);
});

test("CountBars states the minors finding as a lower bound when a minors' cell is hidden", () => {
  const figure = ageChart();
  expect(figure.querySelector("h3")?.textContent).toBe("At least 820 of the people affected were minors");
  expect(figure.querySelector(".vuoto-figure-note")?.textContent).toMatch(/leaves out 1 hidden cell/);
  // The numbers are there as a table, the hidden one as "hidden".
  const cells = [...figure.querySelectorAll("details table tbody tr")].map((tr) =>
    [...tr.children].map((c) => c.textContent)
  );
  expect(cells[1]).toEqual(["15-17", "hidden"]);
  expect(cells[3]).toEqual(["25-34", "6,120"]);
});

test("CountBars highlights minors in the accent colour", () => {
  const figure = ageChart();
  const fills = [...figure.querySelectorAll('g[aria-label="bar"] rect')].map((rect) => rect.getAttribute("fill"));
  expect(fills.filter((fill) => fill === "#D55E00")).toHaveLength(1);
});

test("CountBars draws a hidden area total's provable range hatched, labelled low–high, last and unranked, with its sentence", () => {
  const range = {key: "people.wellbeing_services_county=13", value: 1180, exact: false, upper: 1224, range: true};
  const figure = CountBars(
    [
      {label: "Pohjois-Savo", value: 1180, hidden: 1, figure: range},
      {label: "Kainuu", value: 300},
      {label: "Lappi", value: 900}
    ],
    {
      title: "t",
      subtitle: "People affected, by county",
      labelHeading: "County",
      unit: "People",
      source: "s",
      sort: true
    }
  );
  const rows = [...figure.querySelectorAll("tbody tr")].map((tr) => tr.textContent);
  // Never ranked: the range comes after every known count, though its low end is the largest.
  expect(rows).toEqual(["Lappi900", "Kainuu300", "Pohjois-Savo1,180–1,224"]);
  const marked = figure.querySelector('[data-figure="people.wellbeing_services_county=13"]')!;
  expect(marked.textContent).toBe("1,180–1,224");
  expect(marked.getAttribute("data-upper")).toBe("1224");
  const hatched = [...figure.querySelectorAll("rect")].filter((rect) =>
    rect.closest("g")?.getAttribute("fill")?.startsWith("url(#")
  );
  expect(hatched).toHaveLength(1);
  expect(figure.textContent).toContain("the range is exactly what the published tables allow");
});
