import {expect, test} from "vitest";
import {coveredDays, dataPeriod, weekDays, wholePeriods, wholeWeeks} from "../../src/lib/partialWeeks.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// The sample export: Saturday 1 Aug 2020 to Wednesday 31 Mar 2021.
const period = {start: day("2020-08-01"), end: day("2021-03-31")};

test("the export's first and last ISO weeks hold 2 and 3 days; the weeks between hold 7", () => {
  expect(weekDays(day("2020-07-27"), period)).toBe(2);
  expect(weekDays(day("2021-03-29"), period)).toBe(3);
  expect(weekDays(day("2020-08-03"), period)).toBe(7);
  expect(weekDays(day("2021-03-22"), period)).toBe(7);
  // Outside the export, and with no known period (every week is taken as whole).
  expect(weekDays(day("2021-04-05"), period)).toBe(0);
  expect(weekDays(day("2020-07-27"), undefined)).toBe(7);
});

test("covered days count both ends of a period, cut to the export", () => {
  expect(coveredDays(day("2020-07-27"), day("2020-08-02"), period)).toBe(2);
  expect(coveredDays(day("2021-03-01"), day("2021-03-28"), period)).toBe(28);
  expect(coveredDays(day("2021-03-29"), day("2021-04-04"), period)).toBe(3);
});

test("whole weeks and whole periods leave out the partial ones only", () => {
  const weekly = ["2020-07-27", "2020-08-03", "2021-03-22", "2021-03-29"].map((iso) => ({week: day(iso)}));
  expect(wholeWeeks(weekly, period).map((w) => w.week)).toEqual([day("2020-08-03"), day("2021-03-22")]);
  const months = [
    {period_start: day("2020-07-27"), period_end: day("2020-08-02")},
    {period_start: day("2020-08-03"), period_end: day("2020-08-30")},
    {period_start: day("2021-03-29"), period_end: day("2021-04-04")}
  ];
  expect(wholePeriods(months, "period_start", "period_end", period)).toEqual([months[1]]);
});

test("the period comes from headline.json's manifest, and is undefined when it is missing or reversed", () => {
  expect(dataPeriod({export: {period_start: "2020-08-01", period_end: "2021-03-31"}})).toEqual(period);
  expect(dataPeriod({export: {period_start: "2020-08-01"}})).toBeUndefined();
  expect(dataPeriod({export: {period_start: "2021-03-31", period_end: "2020-08-01"}})).toBeUndefined();
});
