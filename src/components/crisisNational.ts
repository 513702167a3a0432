import * as Plot from "@observablehq/plot";
import {formatFigure, type Figure} from "../lib/figures.js";
import {fillTemplate, formatCount, formatDate, formatRate, plural} from "../lib/format.js";
import type {KeyEvent} from "../lib/keyEvents.js";
import {SERVICES} from "../lib/schema.js";
import {strings, type Language} from "../lib/strings.js";
import {orderBy, peakWeek, weeklyTotals, type Baseline, type WeeklyTotal} from "../lib/transforms.js";
import {
  ChartFigure,
  DataTable,
  eventMarks,
  eventNotes,
  FigureNote,
  hiddenMarkNotes,
  markFigure,
  MUTED,
  PALETTE
} from "./marks.js";
import {utcDay} from "d3-time";
import {weekDays, type DataPeriod} from "../lib/partialWeeks.js";

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
    source,
    total,
    period
  }: {
    width?: number;
    lang?: Language;
    baseline: Baseline;
    events?: readonly KeyEvent[];
    source: string;
    /** The national total over the period, as src/lib/figures.ts answers it (exact where published). */
    total?: Figure;
    /** **period** – the days the export covers: a first or last week with fewer is drawn hollow, not as a drop. */
    period?: DataPeriod;
  }
): HTMLElement {
  const text = strings[lang];
  const rows = orderBy(data, "service", SERVICES);
  const partial = (week: Date) => weekDays(week, period) < 7;
  const known = rows.filter((d) => d.contacts != null && !partial(d.week_start));
  const hidden = rows.filter((d) => d.contacts == null);
  const weekly = weeklyTotals(rows);
  const partialWeeks = weekly.filter((w) => partial(w.week));
  const peak = peakWeek(
    weekly.filter((w) => !partial(w.week)),
    baseline
  );
  const partialLabel = (week: Date) => text.figures.partialWeek(formatCount(weekDays(week, period), {lang}));
  const name = (service: string) => text.services[service] ?? service;
  const weeks = weekly.map((w) => w.week);
  const [firstWeek, lastWeek] = [weeks.at(0), weeks.at(-1)];
  if (!firstWeek || !lastWeek)
    throw new Error("missing crisis_national_weekly rows: the chart needs at least one week");
  const domain: [Date, Date] = [firstWeek, utcDay.offset(lastWeek, 7)];
  const mean = formatCount(Math.round(baseline.mean), {lang});
  // Event labels take rows of the top margin (below the y axis's label); the right margin keeps
  // the last tick's date whole.
  const layout = {width, marginLeft: 60, marginRight: 40, marginTop: 80};
  const chart = Plot.plot({
    ...layout,
    height: 376,
    x: {type: "utc", domain, label: null, tickFormat: (d: Date) => formatDate(d, {lang}), ticks: width / 110},
    y: {label: text.contactsPerWeek, grid: true, tickFormat: (v: number) => formatCount(v, {lang})},
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
        title: (d: NationalRow) =>
          `${formatDate(d.week_start, {lang})}, ${name(d.service)}: ${formatCount(d.contacts, {lang})}`
      }),
      // A partial week is one hollow bar of its total: its height is not comparable with whole weeks.
      Plot.rectY(partialWeeks, {
        x: "week",
        interval: "week",
        y: "contacts",
        fill: "none",
        stroke: "currentColor",
        strokeDasharray: "3,2",
        insetLeft: 0.5,
        insetRight: 0.5,
        className: "vuoto-partial-week",
        title: (w: WeeklyTotal) =>
          `${formatDate(w.week, {lang})}: ${formatCount(w.contacts, {lang})}, ${partialLabel(w.week)}`
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
      ...eventMarks(events, {lang, domain: domain, layout})
    ]
  });
  const title = peak
    ? text.crisis.nationalTitle(formatRate(peak.ratio, {digits: 1, lang}), formatDate(peak.week, {lang}))
    : text.crisis.nationalSubtitle;
  const description = peak
    ? text.crisis.nationalDescription(mean, formatCount(peak.contacts, {lang}), formatDate(peak.week, {lang}))
    : "";
  const table = DataTable(weekly, [
    {
      label: text.week,
      value: (w) => formatDate(w.week, {lang}) + (partial(w.week) ? ` (${partialLabel(w.week)})` : "")
    },
    {
      label: text.contacts,
      value: (w) => (w.hidden ? text.atLeast(formatCount(w.contacts, {lang})) : formatCount(w.contacts, {lang})),
      numeric: true
    },
    {
      label: text.crisis.peakRatio,
      // A partial week's ratio to a whole week's mean would read as a drop: none is given.
      value: (w) => (partial(w.week) ? "–" : `${formatRate(w.contacts / baseline.mean, {digits: 1, lang})}×`),
      numeric: true
    }
  ]);
  const hiddenWeeks = weekly.filter((w) => w.hidden).length;
  // Weeks with hidden cells are lower bounds; the national total is not, where the headline publishes it.
  const hiddenNote =
    total && total.exact
      ? text.figures.weeksHidden(formatCount(hiddenWeeks, {lang}))
      : fillTemplate(plural(hidden.length, text.restsOnHidden, {lang}), {cells: formatCount(hidden.length, {lang})});
  const notes = [
    ...hiddenMarkNotes(hidden.length, lang),
    ...(hiddenWeeks ? [hiddenNote] : []),
    ...(partialWeeks.length ? [text.figures.partialWeeksNote] : []),
    ...eventNotes(events, {lang, domain})
  ];
  const figure = ChartFigure({
    title,
    subtitle: text.crisis.nationalSubtitle,
    chart,
    description,
    source,
    table,
    notes,
    lang
  });
  if (total) {
    const value = markFigure(document.createElement("strong"), total);
    value.textContent = formatFigure(total, {lang});
    const [before = "", after = ""] = text.figures.nationalTotal("\u0000").split("\u0000");
    figure.querySelector("figcaption")?.prepend(FigureNote([before, value, after], {className: "vuoto-figure-total"}));
  }
  return figure;
}
