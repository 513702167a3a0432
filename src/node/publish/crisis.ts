// Crisis-aid contacts: weekly where a district's weekly figures are mostly publishable, monthly where
// they are not, so that a small district's series shows a shape rather than a row of blanks.
import {SERVICES} from "../../lib/schema.js";
import {addDays, weekMonth} from "./calendar.js";
import type {TableRow} from "./system.js";

export interface WeeklyContacts {
  /** Mondays of every week in the published range, in order. */
  weeks: string[];
  /** One cell per week, district and service (zeros included). */
  cells: Array<{week: string; district: string; service: string; contacts: number}>;
}

/**
 * The coarsening rule: a district's crisis series is published by week only if at most this share of
 * its non-zero weekly cells (over all services) are below the threshold, i.e. would be suppressed.
 * Otherwise the whole district is published by month, each month being the ISO weeks whose Thursday
 * falls in it. The choice is made per district and applies to all its services, so one district has one
 * grain. Zeros do not count against a district: they are published as they are.
 */
export const WEEKLY_MAX_SMALL_SHARE = 0.1;

/**
 * The service of a district period's row that counts all services together. The crisis page's
 * baseline, ratio and excess need only these totals, so a hidden service cell is protected by the other
 * services of its period and the district's figure stays published.
 */
export const ALL_SERVICES = "all";

export function crisisTables(weekly: WeeklyContacts, threshold: number): Record<string, TableRow[]> {
  const districts = [...new Set(weekly.cells.map((cell) => cell.district))];
  const byDistrict = new Map<string, WeeklyContacts["cells"]>(districts.map((d) => [d, []]));
  for (const cell of weekly.cells) byDistrict.get(cell.district)!.push(cell);

  const periods: TableRow[] = [];
  for (const district of districts) {
    const cells = byDistrict.get(district)!;
    const nonZero = cells.filter((cell) => cell.contacts > 0);
    const small = nonZero.filter((cell) => cell.contacts < threshold);
    const grain = small.length <= WEEKLY_MAX_SMALL_SHARE * nonZero.length ? "week" : "month";
    const periodOf = grain === "week" ? (week: string) => week : weekMonth;
    const totals = new Map<string, TableRow>();
    for (const service of SERVICES) {
      // A period's first and last week (cells come in order of week) and its contacts.
      const groups = new Map<string, {first: string; last: string; contacts: number}>();
      for (const cell of cells) {
        if (cell.service !== service) continue;
        const key = periodOf(cell.week);
        const group = groups.get(key) ?? {first: cell.week, last: cell.week, contacts: 0};
        group.last = cell.week;
        group.contacts += cell.contacts;
        groups.set(key, group);
      }
      for (const {first, last, contacts} of groups.values()) {
        const period_start = first;
        const period_end = addDays(last, 6);
        periods.push({hospital_district: district, service, grain, period_start, period_end, contacts});
        const total = totals.get(period_start);
        if (total) total.contacts = Number(total.contacts) + contacts;
        else
          totals.set(period_start, {
            hospital_district: district,
            service: ALL_SERVICES,
            grain,
            period_start,
            period_end,
            contacts
          });
      }
    }
    periods.push(...totals.values());
  }

  const national = new Map<string, number>();
  for (const cell of weekly.cells) {
    const key = `${cell.week}|${cell.service}`;
    national.set(key, (national.get(key) ?? 0) + cell.contacts);
  }
  return {
    crisis_by_district_period: periods,
    crisis_national_weekly: weekly.weeks.flatMap((week) =>
      SERVICES.map((service) => ({week_start: week, service, contacts: national.get(`${week}|${service}`) ?? 0}))
    )
  };
}
