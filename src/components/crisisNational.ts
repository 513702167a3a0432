import * as Plot from "@observablehq/plot";
import {formatCount, formatDate, formatRate} from "../lib/format.js";
import type {KeyEvent} from "../lib/keyEvents.js";
import {SERVICES} from "../lib/schema.js";
import {strings, type Language} from "../lib/strings.js";
import {orderBy, peakWeek, weeklyTotals, type Baseline} from "../lib/transforms.js";
import {ChartFigure, DataTable, eventMarks, MUTED, PALETTE} from "./marks.js";
import {utcDay} from "d3-time";

export interface NationalRow {
  week_start: Date;
  service: string;
  contacts: number | null;
}

/**
 * National crisis-aid contacts per week, stacked by service, against the pre-incident weekly mean
 * (dashed). The title states the peak as a multiple of that mean. Hidden cells are crosses on the
 * baseline of their week.
 */
export function CrisisNational(
  data: readonly NationalRow[],
  {
    width = 640,
    lang = "en",
    baseline,
    events = [],
    source
  }: {width?: number; lang?: Language; baseline: Baseline; events?: readonly KeyEvent[]; source: string}
): HTMLElement {
  const text = strings[lang];
  const rows = orderBy(data, "service", SERVICES);
  const known = rows.filter((d) => d.contacts != null);
  const hidden = rows.filter((d) => d.contacts == null);
  const weekly = weeklyTotals(rows);
  const peak = peakWeek(weekly, baseline);
  const name = (service: string) => text.services[service] ?? service;
  const weeks = weekly.map((w) => w.week);
  const domain: [Date, Date] = [weeks[0], utcDay.offset(weeks[weeks.length - 1], 7)];
  const mean = formatCount(Math.round(baseline.mean), {lang});
  const chart = Plot.plot({
    width,
    height: 360,
    marginTop: 64,
    marginLeft: 60,
    x: {type: "utc", domain, label: null, tickFormat: (d: Date) => formatDate(d), ticks: width / 110},
    y: {label: `${text.contacts} / week`, grid: true, tickFormat: (v: number) => formatCount(v, {lang})},
    color: {
      domain: SERVICES.filter((s) => rows.some((r) => r.service === s)),
      range: PALETTE,
      legend: true,
      tickFormat: name
    },
    marks: [
      Plot.rectY(known, {
        x: "week_start",
        interval: "week",
        y: "contacts",
        fill: "service",
        insetLeft: 0.5,
        insetRight: 0.5,
        title: (d: NationalRow) => `${formatDate(d.week_start)}, ${name(d.service)}: ${formatCount(d.contacts, {lang})}`
      }),
      Plot.dot(hidden, {
        x: (d: NationalRow) => new Date(+d.week_start + 3.5 * 86_400_000),
        y: 0,
        symbol: "times",
        r: 3.5,
        stroke: MUTED
      }),
      Plot.ruleY([baseline.mean], {stroke: "currentColor", strokeDasharray: "5,4", strokeWidth: 1.5}),
      Plot.text([baseline.mean], {
        y: (v: number) => v,
        frameAnchor: "right",
        text: () => text.crisis.baselineLabel(mean),
        dy: -7,
        textAnchor: "end",
        fill: "currentColor"
      }),
      Plot.ruleY([0]),
      // Drawn last, so that the event labels stay readable over the bars.
      ...eventMarks(events, {lang, domain})
    ]
  });
  const title = peak
    ? text.crisis.nationalTitle(formatRate(peak.ratio, {digits: 1, lang}), formatDate(peak.week))
    : text.crisis.nationalSubtitle;
  const description = peak
    ? text.crisis.nationalDescription(mean, formatCount(peak.contacts, {lang}), formatDate(peak.week))
    : "";
  const table = DataTable(weekly, [
    {label: text.week, value: (w) => formatDate(w.week)},
    {
      label: text.contacts,
      value: (w) => (w.hidden ? text.atLeast(formatCount(w.contacts, {lang})) : formatCount(w.contacts, {lang})),
      numeric: true
    },
    {
      label: text.crisis.peakRatio,
      value: (w) => `${formatRate(w.contacts / baseline.mean, {digits: 1, lang})}×`,
      numeric: true
    }
  ]);
  const hiddenWeeks = weekly.filter((w) => w.hidden).length;
  const notes = hiddenWeeks ? [`× ${text.hiddenMark}`, text.restsOnHidden(formatCount(hidden.length, {lang}))] : [];
  return ChartFigure({title, subtitle: text.crisis.nationalSubtitle, chart, description, source, table, notes, lang});
}
