import {formatCount, formatPeriod, formatRate} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import type {DistrictCrisis} from "../lib/transforms.js";
import {DataTable} from "./marks.js";

/** Hospital districts ranked by peak crisis-aid demand over their pre-incident rate, as a table. */
export function CrisisTable(data: readonly DistrictCrisis[], {lang = "en" as Language} = {}): HTMLTableElement {
  const text = strings[lang];
  const rate = (value: number | null | undefined) => formatRate(value ?? null, {digits: 1, lang});
  return DataTable(
    data,
    [
      {label: text.district, value: (d) => d.name, title: (d) => d.fullName},
      {label: text.crisis.grain, value: (d) => (d.grain === "month" ? text.crisis.monthly : text.crisis.weekly)},
      {label: text.crisis.baselineRate, value: (d) => rate(d.baselineRate), numeric: true},
      {label: text.crisis.peakRate, value: (d) => rate(d.peak?.rate), numeric: true},
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
      }
    ],
    {caption: text.crisis.tableCaption}
  );
}
