import {describe, expect, test} from "vitest";
import {BASELINE, INCIDENT_WINDOW} from "../../src/lib/keyEvents.js";
import {poissonInterval} from "../../src/lib/rates.js";
import {
  ageFigures,
  baselineMean,
  channelCumulative,
  cumulative,
  dailyTotals,
  districtCrisis,
  districtFigures,
  fateBars,
  inDateRange,
  peakWeek,
  seriesInRange,
  sumKnown,
  weeklyTotals,
  type District
} from "../../src/lib/transforms.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const district = (code: string, short_fi: string, population_2019: number): District => ({
  code, name_fi: short_fi, name_sv: short_fi, name_en: `${short_fi} (en)`, short_fi, population_2019, tile_col: 0, tile_row: 0
}); // prettier-ignore
const districts = [
  district("06", "Pirkanmaa", 500_000),
  district("11", "Itä-Savo", 40_000),
  district("25", "HUS", 1_700_000)
];

test("sumKnown adds the known cells and counts the hidden ones", () => {
  expect(sumKnown([3, null, 5, null])).toEqual({value: 8, hidden: 2});
});

test("districtFigures keeps a suppressed count suppressed, and a missing district at zero", () => {
  const rows = districtFigures(
    [
      {hospital_district: "06", people: 5000},
      {hospital_district: "11", people: null}
    ],
    districts,
    "people"
  );
  expect(rows.map((d) => [d.code, d.count, d.rate])).toEqual([
    ["06", 5000, 1000],
    ["11", null, null],
    ["25", 0, 0]
  ]);
});

test("ageFigures orders age groups naturally and flags minors", () => {
  const ages = ageFigures(
    [
      {age_group: "unknown", people: 9},
      {age_group: "65+", people: 7},
      {age_group: "15-17", people: null},
      {age_group: "0-14", people: 8}
    ],
    "people"
  );
  expect(ages.map((a) => [a.age_group, a.minor])).toEqual([
    ["0-14", true],
    ["15-17", true],
    ["65+", false],
    ["unknown", false]
  ]);
});

test("cumulative is a lower bound from the first hidden day on", () => {
  const points = cumulative(
    [
      {date: day("2020-10-22"), n: null},
      {date: day("2020-10-21"), n: 10},
      {date: day("2020-10-23"), n: 5}
    ],
    "n"
  );
  expect(points.map((p) => [p.total, p.hidden])).toEqual([
    [10, 0],
    [10, 1],
    [15, 1]
  ]);
});

test("seriesInRange cuts the dates but keeps the running total from the start", () => {
  const series = channelCumulative(
    [
      {date: day("2020-10-21"), channel: "tor_site", records: 100},
      {date: day("2020-10-23"), channel: "tor_site", records: 300}
    ],
    ["tor_site"]
  );
  const [cut] = seriesInRange(series, [day("2020-10-22"), day("2020-10-31")]);
  expect(cut!.points.map((p) => p.total)).toEqual([400]);
  expect(inDateRange(cut!.points, "date", [day("2020-11-01"), day("2020-11-02")])).toEqual([]);
});

test("dailyTotals sums channels per day, most records first", () => {
  const days = dailyTotals([
    {date: day("2020-10-21"), records: 100},
    {date: day("2020-10-23"), records: 31_980},
    {date: day("2020-10-21"), records: null}
  ]);
  expect(days.map((d) => [d.date.toISOString().slice(0, 10), d.records, d.hidden])).toEqual([
    ["2020-10-23", 31_980, 0],
    ["2020-10-21", 100, 1]
  ]);
});

describe("national crisis baseline", () => {
  const weeks = ["2020-07-27", "2020-08-03", "2020-08-10", "2020-09-21", "2020-09-28", "2020-10-19"];
  const contacts = [999, 100, 120, 110, 115, 440];
  const rows = weeks.flatMap((w, i) => [
    {week_start: day(w), service: "crisis_helpline", contacts: contacts[i]! - 10},
    {week_start: day(w), service: "parish", contacts: 10}
  ]);

  test("the baseline is the mean of the weeks wholly inside 3 Aug–27 Sep 2020", () => {
    const baseline = baselineMean(weeklyTotals(rows), BASELINE);
    expect(baseline).toEqual({mean: 110, weeks: 3, hidden: 0});
  });

  test("the peak week is stated as a multiple of the baseline", () => {
    const weekly = weeklyTotals(rows);
    const peak = peakWeek(weekly.slice(1), baselineMean(weekly, BASELINE));
    expect(peak?.week).toEqual(day("2020-10-19"));
    expect(peak?.ratio).toBe(4);
  });
});

describe("districtCrisis", () => {
  // Pirkanmaa weekly, Itä-Savo monthly (coarsened), HUS with a hidden cell in its baseline.
  const weekly = (code: string, week: string, contacts: number | null, service = "crisis_helpline") => ({
    hospital_district: code, service, grain: "week", period_start: day(week), period_end: new Date(+day(week) + 6 * 86_400_000), contacts
  }); // prettier-ignore
  const rows = [
    weekly("06", "2020-08-03", 50),
    weekly("06", "2020-09-21", 50),
    weekly("06", "2020-10-19", 200),
    weekly("06", "2020-10-19", null, "parish"),
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
      contacts: 60
    },
    weekly("25", "2020-08-03", 1700),
    weekly("25", "2020-08-03", null, "parish"),
    weekly("25", "2020-10-19", 5100)
  ];
  const result = districtCrisis(rows, districts, {baseline: BASELINE, incident: INCIDENT_WINDOW});
  const districtsByCode = new Map(result.map((d) => [d.code, d]));
  const byCode = (code: string) => {
    const district = districtsByCode.get(code);
    if (!district) throw new Error(`missing district ${code} in districtCrisis's result`);
    return district;
  };

  test("weekly rates are per 100 000 residents, a month divided by its ISO weeks", () => {
    expect(byCode("06").baselineRate).toBe(10);
    expect(byCode("11").grain).toBe("month");
    expect(byCode("11").periods.map((p) => p.weeks)).toEqual([4, 5]);
    expect(byCode("11").baselineRate).toBe(10);
    expect(byCode("11").peak?.rate).toBeCloseTo(30);
  });

  test("excess over baseline rests on hidden cells and says so", () => {
    expect(byCode("06").excess).toBe(150);
    expect(byCode("06").excessHidden).toBe(1);
    expect(byCode("11").excess).toBe(60 - 4 * 5);
  });

  test("a district whose peak or baseline rests on fewer than 20 contacts is unstable and ranks after the stable ones", () => {
    expect(byCode("06").unstable).toBe(false);
    expect(byCode("11").unstable).toBe(true);
    expect(result.at(0)?.code).toBe("06");
  });

  test("the excess carries the observed contacts' exact interval, shifted by the baseline expectation", () => {
    const observed = poissonInterval(60);
    expect(byCode("11").excessLow).toBeCloseTo(observed.low - 20, 9);
    expect(byCode("11").excessHigh).toBeCloseTo(observed.high - 20, 9);
    expect(byCode("11").excessLow!).toBeLessThan(byCode("11").excess!);
    expect(byCode("25").excessLow).toBeNull();
    expect(byCode("11").peakLow! * 5).toBeCloseTo(observed.low * (100_000 / byCode("11").population), 9);
  });

  test("a baseline with hidden cells gives no ratio, and such districts rank last", () => {
    expect(byCode("25").baselineRate).toBeNull();
    expect(byCode("25").peakRatio).toBeNull();
    expect(result.map((d) => d.code)).toEqual(["06", "11", "25"]);
    expect(byCode("06").peakRatio).toBe(4);
  });

  test("with the district periods' totals (service 'all') published, a hidden service cell leaves the baseline", () => {
    const totals = [
      weekly("25", "2020-08-03", 1734, "all"),
      weekly("25", "2020-09-21", 1666, "all"),
      weekly("25", "2020-10-19", 5100, "all")
    ];
    const [hus] = districtCrisis([...rows.filter((r) => r.hospital_district === "25"), ...totals], districts, {
      baseline: BASELINE,
      incident: INCIDENT_WINDOW
    });
    // (1734 + 1666) / 2 weeks over 1.7 million residents: 100 per 100 000; the services are not added again.
    expect(hus?.baselineRate).toBe(100);
    expect(hus?.peakRatio).toBe(3);
    expect(hus?.excessHidden).toBe(0);
  });
});

test("fateBars takes people published from a breakdown, as a lower bound when a cell is hidden", () => {
  const bars = fateBars({people: 100, people_emailed: 90, people_reported: 70}, [{people_published: 12}, {people_published: null}], {
    people: "Affected", people_published: "Published", people_emailed: "E-mailed", people_reported: "Reported"
  }); // prettier-ignore
  expect(bars.map((b) => [b.label, b.value, b.hidden])).toEqual([
    ["Affected", 100, 0],
    ["Published", 12, 1],
    ["E-mailed", 90, 0],
    ["Reported", 70, 0]
  ]);
});
