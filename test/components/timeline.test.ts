// @vitest-environment jsdom
import {expect, test} from "vitest";
import {CumulativeLines} from "../../src/components/cumulativeLines.js";
import {KeyDates} from "../../src/components/keyDates.js";
import {PublicationTimeline} from "../../src/components/publicationTimeline.js";
import {publishedFinding, runningTotalFinding} from "../../src/lib/findings.js";
import {KEY_EVENTS} from "../../src/lib/keyEvents.js";
import {strings} from "../../src/lib/strings.js";
import {columnCumulative, dailyTotals} from "../../src/lib/transforms.js";
import {expectSnapshot} from "./snapshot.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const domain: [Date, Date] = [day("2020-10-19"), day("2020-10-28")];
const publications = [
  {date: day("2020-10-21"), channel: "tor_forum", records: 100},
  {date: day("2020-10-22"), channel: "tor_forum", records: 110},
  {date: day("2020-10-23"), channel: "tor_site", records: 31_980},
  {date: day("2020-10-24"), channel: "imageboard", records: null}
];

test("PublicationTimeline names the biggest day, and marks a hidden cell with a cross, not a zero bar", () => {
  const figure = PublicationTimeline(publications, {
    width: 640,
    domain,
    events: KEY_EVENTS,
    finding: publishedFinding(dailyTotals(publications)),
    source: "Source: test"
  });
  expect(figure.querySelector("h3")?.textContent).toBe(
    "The largest single day put 31,980 record copies online, on 23/10/2020"
  );
  expect(figure.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(3);
  expect(figure.querySelectorAll('g[aria-label="dot"] path')).toHaveLength(1);
  // Events inside the domain are annotated; the ransom demand (28 Sep) and second leak (Jan) are not.
  const labels = [...figure.querySelectorAll("text")].map((t) => t.textContent);
  expect(labels).toContain("Whole database briefly public");
  expect(labels).not.toContain("Ransom demand to the company");
  expectSnapshot("publicationTimeline", figure);
});

test("CumulativeLines says a running total resting on hidden days is a lower bound", () => {
  const daily = [
    {date: day("2020-10-22"), people_emailed: 0, people_reported: 2100},
    {date: day("2020-10-23"), people_emailed: 0, people_reported: null},
    {date: day("2020-10-24"), people_emailed: 14_100, people_reported: 2200},
    {date: day("2020-10-25"), people_emailed: 12_200, people_reported: 2150}
  ];
  const series = columnCumulative(daily, ["people_emailed", "people_reported"]);
  const figure = CumulativeLines(series, {
    width: 640,
    domain: [day("2020-10-22"), day("2020-10-25")],
    events: KEY_EVENTS,
    names: strings.en.timeline.series,
    finding: runningTotalFinding(series.slice(1), strings.en.timeline.cumulativeTitle),
    subtitle: "People, cumulative",
    unit: "People",
    source: "Source: test"
  });
  expect(figure.querySelector("h3")?.textContent).toBe(
    "At least 6,450 people had reported to the police by 25/10/2020"
  );
  expect(figure.querySelector(".vuoto-figure-note")?.textContent).toMatch(/leaves out 1 hidden cell/);
  // The reported line turns dashed from the hidden day on.
  expect(figure.querySelectorAll('g[stroke-dasharray="4,3"] path').length).toBeGreaterThan(0);
  expectSnapshot("cumulativeLines", figure);
});

test("KeyDates lists every key event with its date, the assumed one flagged", () => {
  const figure = KeyDates(KEY_EVENTS, {width: 640, source: "Source: test"});
  expect(figure.querySelector("h3")?.textContent).toBe(
    "From the ransom demand on 28/09/2020 to the second mass leak on 27/01/2021"
  );
  const rows = [...figure.querySelectorAll("details tbody tr")].map((tr) => tr.lastElementChild?.textContent);
  expect(rows).toEqual(["28/09/2020", "21/10/2020", "23/10/2020", "24/10/2020", "27/01/2021 (date assumed)"]);
  expectSnapshot("keyDates", figure);
});
