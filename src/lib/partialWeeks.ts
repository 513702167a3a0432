// The export covers whole days, not whole weeks: its first and last ISO weeks (or a monthly district's
// first and last periods) can hold only a few days of data. Drawn as full weeks they look like drops
// in demand (2 days read as a 75 % fall), and in a baseline they would pull the mean down. These
// helpers say how many days of a period the export covers, so charts can mark such periods and
// baselines can leave them out. Dates are UTC midnights, like the published tables' dates.
import {utcDay} from "d3-time";

/** The export's first and last day (both included). */
export interface DataPeriod {
  start: Date;
  end: Date;
}

const isoDate = (value: unknown) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : null;

/** The period headline.json's export covers, or undefined when the manifest does not say. */
export function dataPeriod(headline: {
  export?: {period_start?: unknown; period_end?: unknown};
}): DataPeriod | undefined {
  const start = isoDate(headline.export?.period_start);
  const end = isoDate(headline.export?.period_end);
  return start && end && +start <= +end ? {start, end} : undefined;
}

/** Days of [start, end] (both included) that lie inside *period*: 0 when they do not meet. */
export function coveredDays(start: Date, end: Date, period: DataPeriod): number {
  const from = Math.max(+start, +period.start);
  const to = Math.min(+end, +period.end);
  return to < from ? 0 : utcDay.count(new Date(from), new Date(to)) + 1;
}

/** Days of the ISO week starting on Monday *week* that the export covers (7 for a whole week). */
export function weekDays(week: Date, period: DataPeriod | undefined): number {
  return period ? coveredDays(week, utcDay.offset(week, 6), period) : 7;
}

/** Rows whose period [*startKey*, *endKey*] the export covers in full. */
export function wholePeriods<T>(
  rows: readonly T[],
  startKey: keyof T,
  endKey: keyof T,
  period: DataPeriod | undefined
): T[] {
  if (!period) return [...rows];
  return rows.filter((row) => {
    const start = row[startKey] as Date;
    const end = row[endKey] as Date;
    return coveredDays(start, end, period) === utcDay.count(start, end) + 1;
  });
}

/** Weekly totals of the weeks the export covers in full: a baseline or a peak is taken from these. */
export function wholeWeeks<T extends {week: Date}>(weekly: readonly T[], period: DataPeriod | undefined): T[] {
  return weekly.filter(({week}) => weekDays(week, period) === 7);
}
