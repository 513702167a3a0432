import {formatCount, formatPeriod, formatRate} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import type {DistrictCrisis} from "../lib/transforms.js";
import {DataTable} from "./marks.js";

/** Hospital districts ranked by peak crisis-aid demand over their pre-incident rate, as a table. */
export function CrisisTable(data: readonly DistrictCrisis[], {lang = "en" as Language} = {}): HTMLTableElement {
  const text = strings[lang];
  const rate = (value: number | null | undefined) => formatRate(value ?? null, {digits: 1, lang});
  const count = (value: number) => formatCount(Math.round(value), {lang});
  const range = (low: number | null, high: number | null, format: (value: number) => string) =>
    low == null || high == null ? text.suppressed : text.geo.intervalRange(format(low), format(high));
  return DataTable(
    data,
    [
      {label: text.district, value: (d) => d.name, title: (d) => d.fullName},
      {label: text.crisis.grain, value: (d) => (d.grain === "month" ? text.crisis.monthly : text.crisis.weekly)},
      {label: text.crisis.baselineRate, value: (d) => rate(d.baselineRate), numeric: true},
      {label: text.crisis.peakRate, value: (d) => rate(d.peak?.rate), numeric: true},
      {label: text.geo.interval, value: (d) => range(d.peakLow, d.peakHigh, rate), numeric: true},
      {label: text.crisis.peakWeek, value: (d) => (d.peak ? formatPeriod(d.peak, d.grain, {lang}) : text.suppressed)},
      {
        label: text.crisis.peakRatio,
        value: (d) => (d.peakRatio == null ? text.suppressed : `${rate(d.peakRatio)}×`),
        numeric: true
      },
      {
        label: text.crisis.excess,
        value: (d) => {
          const value = d.excess == null ? text.suppressed : formatCount(Math.round(d.excess), {lang});
          return d.excessHidden && d.excess != null ? text.atLeast(value) : value;
        },
        numeric: true
      },
      {
        label: text.geo.interval,
        // With hidden cells in the window the excess is a lower bound, and so is its interval's upper end.
        value: (d) =>
          d.excessHidden && d.excessLow != null
            ? text.atLeast(count(d.excessLow))
            : range(d.excessLow, d.excessHigh, count),
        numeric: true
      },
      {
        label: text.geo.ranking,
        value: (d) => (d.unstable ? text.geo.unstable : d.peakRatio == null ? text.suppressed : "")
      }
    ],
    {caption: `${text.crisis.tableCaption} ${text.geo.stableNote}`}
  );
}
