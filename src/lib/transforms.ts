// Pure reshaping of published tables for the report pages. Published tables are small (hundreds of
// rows), so these run in JS in the browser before DuckDB-WASM has arrived. A count of null is
// suppressed: it is never added as zero without saying so (`hidden` counts the cells left out).
// Group-bys and running totals are one small helper (sumByGroup); calendar steps are d3-time's UTC
// days, as published dates are UTC midnights.
import {utcDay} from "d3-time";
import {dimensionValues} from "./publishedTables.js";
import {MINOR_AGE_GROUPS} from "./schema.js";
import {districtFullName, districtName} from "./districtNames.js";
import type {Language} from "./strings.js";
import {excessWithInterval, poissonInterval, rateWithInterval, UNSTABLE_BELOW} from "./rates.js";

export type Count = number | null;

type Known<Key extends string> = Record<Key, number | string> & {value: number; hidden: number};

/**
 * Each group's sum of published counts and number of hidden (null) ones, in order of first appearance.
 * Plain code, not arquero: arquero compiles its expressions with Function(), which the site's CSP
 * (no 'unsafe-eval') forbids.
 */
function sumByGroup<Key extends string>(
  rows: readonly (Record<Key, number | string> & {value: Count})[],
  keys: readonly Key[]
): Known<Key>[] {
  const groups = new Map<string, Known<Key>>();
  for (const row of rows) {
    const id = keys.map((key) => row[key]).join("\u0000");
    let group = groups.get(id);
    if (!group) {
      group = {...Object.fromEntries(keys.map((key) => [key, row[key]])), value: 0, hidden: 0} as Known<Key>;
      groups.set(id, group);
    }
    if (row.value == null || Number.isNaN(row.value)) group.hidden += 1;
    else group.value += row.value;
  }
  return [...groups.values()];
}

export interface District {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  short_fi: string;
  population_2019: number;
  tile_col: number;
  tile_row: number;
}

/** A total of the known cells, and how many cells were hidden (so the total is "at least"). */
export interface PartialSum {
  value: number;
  hidden: number;
}

export function sumKnown(values: Iterable<Count>): PartialSum {
  let value = 0;
  let hidden = 0;
  for (const v of values) {
    if (v == null) hidden++;
    else value += v;
  }
  return {value, hidden};
}

/** Per 100 000 residents; null when the count is suppressed or there is no population. */
export function per100k(count: Count, population: number | null | undefined): number | null {
  return count == null || !population ? null : (count / population) * 100_000;
}

export interface DistrictFigure {
  code: string;
  /** The short name in the page's language. */
  name: string;
  /** The official name in the page's language. */
  fullName: string;
  population: number;
  count: Count;
  rate: number | null;
  /** The rate's 95 % exact Poisson interval (null when hidden), and whether it rests on fewer than 20 events. */
  low: number | null;
  high: number | null;
  unstable: boolean;
  tile_col: number;
  tile_row: number;
}

/**
 * One row per reference district with *key*'s count and rate per 100 000 residents. A district
 * missing from the published table had no one in it (published tables leave out empty cells).
 */
export function districtFigures<T extends {hospital_district: string}>(
  rows: readonly T[],
  districts: readonly District[],
  key: keyof T & string,
  {lang = "fi"}: {lang?: Language} = {}
): DistrictFigure[] {
  const byCode = new Map(rows.map((row) => [row.hospital_district, row[key] as Count]));
  return districts.map((d) => {
    const count = byCode.has(d.code) ? byCode.get(d.code)! : 0;
    const interval = rateWithInterval(count, d.population_2019);
    return {
      code: d.code,
      name: districtName(d, lang),
      fullName: districtFullName(d, lang),
      population: d.population_2019,
      count,
      rate: per100k(count, d.population_2019),
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      unstable: interval?.unstable ?? false,
      tile_col: d.tile_col,
      tile_row: d.tile_row
    };
  });
}

/** The row with the largest known *key*, or undefined when every value is hidden. */
export function maxBy<T>(rows: readonly T[], value: (row: T) => number | null): T | undefined {
  let best: T | undefined;
  let bestValue = -Infinity;
  for (const row of rows) {
    const v = value(row);
    if (v != null && v > bestValue) [best, bestValue] = [row, v];
  }
  return best;
}

export interface AgeFigure {
  age_group: string;
  count: Count;
  minor: boolean;
}

/** Age groups in their natural order ('unknown' last), minors flagged. */
export function ageFigures<T extends {age_group: string}>(rows: readonly T[], key: keyof T & string): AgeFigure[] {
  const order: readonly string[] = dimensionValues.age_group;
  return rows
    .map((row) => ({
      age_group: row.age_group,
      count: row[key] as Count,
      minor: MINOR_AGE_GROUPS.includes(row.age_group)
    }))
    .sort((a, b) => rank(order, a.age_group) - rank(order, b.age_group));
}

/** Rows in a fixed order of *key*'s values; values not listed go last, in their own order. */
export function orderBy<T>(rows: readonly T[], key: keyof T, order: readonly string[]): T[] {
  return [...rows].sort((a, b) => rank(order, String(a[key])) - rank(order, String(b[key])));
}

function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

export interface CumulativePoint {
  date: Date;
  value: Count;
  /** Running total of the known daily values. */
  total: number;
  /** Days up to this one whose value is hidden: the running total is then a lower bound. */
  hidden: number;
}

/** A running total of a daily count, by date. */
export function cumulative<T extends {date: Date}>(rows: readonly T[], key: keyof T & string): CumulativePoint[] {
  let total = 0;
  let hidden = 0;
  return [...rows]
    .sort((a, b) => +a.date - +b.date)
    .map((row) => {
      const value = row[key] as Count;
      if (value == null || Number.isNaN(value)) hidden += 1;
      else total += value;
      return {date: row.date, value, total, hidden} as CumulativePoint;
    });
}

/** Rows whose *key* date lies in [start, end] (both inclusive). */
export function inDateRange<T>(rows: readonly T[], key: keyof T, [start, end]: readonly [Date, Date]): T[] {
  return rows.filter((row) => {
    const date = row[key] as Date;
    return +date >= +start && +date <= +end;
  });
}

export interface WeeklyTotal {
  week: Date;
  contacts: number;
  hidden: number;
}

/** National crisis contacts per week, all services together. */
export function weeklyTotals(rows: readonly {week_start: Date; service: string; contacts: Count}[]): WeeklyTotal[] {
  return sumByGroup(
    rows.map((row) => ({week: +row.week_start, value: row.contacts})),
    ["week"]
  )
    .sort((a, b) => +a.week - +b.week)
    .map(({week, value, hidden}) => ({week: new Date(+week), contacts: value, hidden}));
}

export interface Baseline {
  /** Mean contacts per week over the baseline weeks. */
  mean: number;
  weeks: number;
  /** Cells left out of the mean because they were hidden. */
  hidden: number;
}

/**
 * The pre-incident baseline: mean weekly contacts over the weeks that lie wholly inside *window*
 * (Monday starts; a week counts when its Sunday is on or before window.end).
 */
export function baselineMean(weekly: readonly WeeklyTotal[], window: {start: Date; end: Date}): Baseline {
  const inside = weekly.filter(({week}) => +week >= +window.start && +utcDay.offset(week, 6) <= +window.end);
  if (!inside.length) return {mean: NaN, weeks: 0, hidden: 0};
  const total = inside.reduce((sum, w) => sum + w.contacts, 0);
  return {mean: total / inside.length, weeks: inside.length, hidden: inside.reduce((sum, w) => sum + w.hidden, 0)};
}

export interface Peak {
  week: Date;
  contacts: number;
  ratio: number;
}

/** The week with the most contacts and its ratio to the baseline mean. */
export function peakWeek(weekly: readonly WeeklyTotal[], baseline: Baseline): Peak | undefined {
  const peak = maxBy(weekly, (w) => w.contacts);
  return peak && {week: peak.week, contacts: peak.contacts, ratio: peak.contacts / baseline.mean};
}

export interface CrisisPeriod {
  start: Date;
  end: Date;
  /** ISO weeks in the period: 1 for a week, 4 or 5 for a month. */
  weeks: number;
  contacts: number;
  hidden: number;
  /** Contacts per week per 100 000 residents (known cells only). */
  rate: number;
}

export interface DistrictCrisis {
  code: string;
  /** The short name in the page's language. */
  name: string;
  /** The official name in the page's language. */
  fullName: string;
  population: number;
  grain: string;
  periods: CrisisPeriod[];
  /**
   * Weekly contacts per 100 000 residents before the incident (see BASELINE); null when the baseline
   * periods hold hidden cells, since a mean without them would understate it and inflate every ratio.
   */
  baselineRate: number | null;
  peak: CrisisPeriod | undefined;
  /** Peak rate over baseline rate. */
  peakRatio: number | null;
  /** Contacts over the baseline level in the periods that overlap the incident window. */
  excess: number | null;
  /** Hidden cells in the incident window: the excess is then a lower bound. */
  excessHidden: number;
  /** 95 % exact Poisson intervals of the peak rate and of the excess (the baseline taken as known). */
  peakLow: number | null;
  peakHigh: number | null;
  excessLow: number | null;
  excessHigh: number | null;
  /** The peak or the baseline rests on fewer than 20 contacts: shown, not ranked. */
  unstable: boolean;
}

export interface CrisisRow {
  hospital_district: string;
  service: string;
  grain: string;
  period_start: Date;
  period_end: Date;
  contacts: Count;
}

/**
 * Crisis-aid demand per district: contacts per period (services together), weekly rates per 100 000
 * residents (a month's contacts are divided by its ISO weeks), the pre-incident baseline rate, the
 * peak and the excess over baseline in the incident window. Ranked by peak ratio, highest first.
 */
export function districtCrisis(
  rows: readonly CrisisRow[],
  districts: readonly District[],
  {
    baseline,
    incident,
    lang = "fi"
  }: {baseline: {start: Date; end: Date}; incident: {start: Date; end: Date}; lang?: Language}
): DistrictCrisis[] {
  // Contacts per district and period, all services together: the published totals (service 'all')
  // where the release has them, since a hidden service cell leaves its total published.
  const totals = rows.filter((row) => row.service === "all");
  const periods = sumByGroup(
    (totals.length ? totals : rows).map((row) => ({
      district: row.hospital_district,
      grain: row.grain,
      start: +row.period_start,
      end: +row.period_end,
      value: row.contacts
    })),
    ["district", "grain", "start", "end"]
  ).sort((a, b) => +a.start - +b.start) as {
    district: string;
    grain: string;
    start: number;
    end: number;
    value: number;
    hidden: number;
  }[];
  const result: DistrictCrisis[] = [];
  for (const d of districts) {
    const own = periods.filter((p) => p.district === d.code);
    const [firstPeriod] = own;
    if (!firstPeriod) continue;
    const list: CrisisPeriod[] = own.map(({start, end, value, hidden}) => {
      const weeks = (utcDay.count(new Date(start), new Date(end)) + 1) / 7;
      return {
        start: new Date(start),
        end: new Date(end),
        weeks,
        contacts: value,
        hidden,
        rate: (value / weeks / d.population_2019) * 100_000
      };
    });
    const before = list.filter((p) => +p.start >= +baseline.start && +p.end <= +baseline.end);
    const beforeWeeks = before.reduce((sum, p) => sum + p.weeks, 0);
    const complete = before.every((p) => p.hidden === 0);
    const baselineWeekly =
      beforeWeeks && complete ? before.reduce((sum, p) => sum + p.contacts, 0) / beforeWeeks : null;
    const baselineRate = baselineWeekly == null ? null : (baselineWeekly / d.population_2019) * 100_000;
    const peak = maxBy(list, (p) => p.rate);
    const during = list.filter((p) => +p.end >= +incident.start && +p.start <= +incident.end);
    const baselineContacts = before.reduce((sum, p) => sum + p.contacts, 0);
    const peakInterval = peak ? poissonInterval(peak.contacts) : null;
    const peakScale = peak ? 100_000 / peak.weeks / d.population_2019 : 0;
    const excess =
      baselineWeekly == null
        ? null
        : excessWithInterval(
            during.reduce((sum, p) => sum + p.contacts, 0),
            during.reduce((sum, p) => sum + baselineWeekly * p.weeks, 0)
          );
    result.push({
      code: d.code,
      name: districtName(d, lang),
      fullName: districtFullName(d, lang),
      population: d.population_2019,
      grain: firstPeriod.grain,
      periods: list,
      baselineRate,
      peak,
      peakRatio: peak && baselineRate ? peak.rate / baselineRate : null,
      excess: excess?.excess ?? null,
      excessHidden: during.reduce((sum, p) => sum + p.hidden, 0),
      peakLow: peakInterval ? peakInterval.low * peakScale : null,
      peakHigh: peakInterval ? peakInterval.high * peakScale : null,
      excessLow: excess?.low ?? null,
      excessHigh: excess?.high ?? null,
      unstable: (peak?.contacts ?? 0) < UNSTABLE_BELOW || (baselineWeekly != null && baselineContacts < UNSTABLE_BELOW)
    });
  }
  // Districts with a stable peak ratio are ranked; unstable or hidden ones follow, unranked.
  const unranked = (d: DistrictCrisis) => Number(d.unstable || d.peakRatio == null);
  return result.sort((a, b) => unranked(a) - unranked(b) || (b.peakRatio ?? -1) - (a.peakRatio ?? -1));
}

/**
 * People affected, published, e-mailed and reported, as bars. Headline totals where headline.json has
 * them; people published is summed from *breakdown* (any one-way breakdown of people), a lower bound
 * when one of its cells is hidden.
 */
export function fateBars(
  headline: {people: Count; people_emailed: Count; people_reported: Count},
  breakdown: readonly {people_published: Count}[],
  names: Record<"people" | "people_published" | "people_emailed" | "people_reported", string>
): (BarRow & {hidden: number})[] {
  const published = sumKnown(breakdown.map((row) => row.people_published));
  return [
    {label: names.people, value: headline.people, hidden: 0},
    {label: names.people_published, value: published.value, hidden: published.hidden},
    {label: names.people_emailed, value: headline.people_emailed, hidden: 0},
    {label: names.people_reported, value: headline.people_reported, hidden: 0}
  ];
}

export interface BarRow {
  label: string;
  value: number | null;
  title?: string;
  highlight?: boolean;
}

/** District figures as bars labelled with the short name, the official name as tooltip. */
export function districtBars(rows: readonly DistrictFigure[], key: "count" | "rate"): BarRow[] {
  return rows.map((d) => ({label: d.name, title: d.fullName, value: d[key]}));
}

/** Rows as bars: *label* names each from a dictionary of display names (falling back to the value). */
export function labelledBars<T>(
  rows: readonly T[],
  key: keyof T,
  value: keyof T,
  names: Record<string, string>
): BarRow[] {
  return rows.map((row) => ({label: names[String(row[key])] ?? String(row[key]), value: row[value] as Count}));
}

export interface Series {
  key: string;
  points: CumulativePoint[];
}

/** Running totals of records published per channel (channels in *order*), over the same dates. */
export function channelCumulative(
  rows: readonly {date: Date; channel: string; records: Count}[],
  order: readonly string[]
): Series[] {
  const channels = orderBy(
    [...new Set(rows.map((r) => r.channel))].map((key) => ({key})),
    "key",
    order
  );
  return channels.map(({key}) => ({
    key,
    points: cumulative(
      rows.filter((r) => r.channel === key),
      "records"
    )
  }));
}

/** Records published per day, all channels together, most first. */
export function dailyTotals(
  rows: readonly {date: Date; records: Count}[]
): {date: Date; records: number; hidden: number}[] {
  return sumByGroup(
    rows.map((row) => ({date: +row.date, value: row.records})),
    ["date"]
  )
    .sort((a, b) => b.value - a.value)
    .map(({date, value, hidden}) => ({date: new Date(+date), records: value, hidden}));
}

/** Series cut to [start, end]; running totals keep counting from the first day of the data. */
export function seriesInRange(series: readonly Series[], range: readonly [Date, Date]): Series[] {
  return series.map(({key, points}) => ({key, points: inDateRange(points, "date", range)}));
}

/** Running totals of several daily count columns of one table, as series keyed by column. */
export function columnCumulative<T extends {date: Date}>(
  rows: readonly T[],
  keys: readonly (keyof T & string)[]
): Series[] {
  return keys.map((key) => ({key, points: cumulative(rows, key)}));
}
