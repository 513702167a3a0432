// Weekly crisis-aid contacts as bars, with a brush to pick a range of whole ISO weeks.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type {TimelineRow} from "../lib/exploreQueries.js";
import {fillTemplate, formatCount, formatDate, formatNumber, plural} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import {weekDays, type DataPeriod} from "../lib/partialWeeks.js";
import {EmptyChart} from "./marks.js";

export interface WeeklyTimelineOptions {
  /** **width** – the chart width in pixels. */
  width?: number;
  /** **from**, **to** – the brushed range (YYYY-MM-DD, both included), drawn as the brush's selection. */
  from?: string | null;
  to?: string | null;
  /** **onBrush** – called with whole weeks (Monday to Sunday) when a brush ends, or null when it is cleared. */
  onBrush?: (range: {from: string; to: string} | null) => void;
  label?: string;
  /** **lang** – the language of the axis ticks and tooltips. */
  lang?: Language;
  /** **period** – the days the export covers: a first or last week with fewer is drawn hollow, not as a drop. */
  period?: DataPeriod;
  /** **empty** – the sentence shown instead of the chart when there are no weeks: what is empty and why. */
  empty?: string;
  document?: Document;
}

const DAY = 86_400_000;

/** "2 of 5 cells hidden", in the language. */
export function hiddenOfCells({hidden, cells}: {hidden: number; cells: number}, lang: Language): string {
  return fillTemplate(plural(cells, strings[lang].hiddenOfCells, {lang}), {
    hidden: formatCount(hidden, {lang}),
    cells: formatCount(cells, {lang})
  });
}
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(`${value}T00:00:00Z`));

/** The whole weeks (Monday to Sunday) a brushed span of instants touches. */
export function snapToWeeks(start: Date, end: Date): {from: string; to: string} {
  const from = d3.utcMonday.floor(start);
  const to = new Date(d3.utcMonday.floor(new Date(end.getTime() - 1)).getTime() + 6 * DAY);
  return {from: isoDay(from), to: isoDay(to < from ? new Date(from.getTime() + 6 * DAY) : to)};
}

/**
 * Bars of *data*, one per week. A week whose sum leaves out suppressed cells is drawn lighter; a week
 * with every cell suppressed gets a mark below the axis instead of a bar of zero.
 */
export function WeeklyTimeline(
  data: TimelineRow[],
  {
    width = 960,
    from = null,
    to = null,
    onBrush,
    label,
    lang = "fi",
    period,
    empty,
    document
  }: WeeklyTimelineOptions = {}
): SVGSVGElement | HTMLElement {
  const rows = data.map((row) => ({
    ...row,
    start: asDate(row.week_start),
    end: new Date(asDate(row.week_start).getTime() + 7 * DAY),
    days: weekDays(asDate(row.week_start), period)
  }));
  const partialNote = (days: number) =>
    days < 7 ? ` (${strings[lang].figures.partialWeek(formatCount(days, {lang}))})` : "";
  const height = 200;
  // With no weekly rows (say, only districts published by month are selected) there is no time axis
  // to brush on: a sentence says why, rather than an empty frame with a nonsense axis.
  if (rows.length === 0) return EmptyChart(empty ?? strings[lang].figures.emptySeries, {document});
  const plot = Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {type: "utc", label: null, ticks: width / 110, tickFormat: (d: Date) => formatDate(d, {lang})},
    y: {label: label ?? null, grid: true, tickFormat: (v: number) => formatNumber(v, {lang})},
    marks: [
      Plot.rectY(rows, {
        x1: "start",
        x2: "end",
        y: (row) => row.value ?? 0,
        insetLeft: 0.5,
        insetRight: 0.5,
        // A partial week (the data's first or last) is hollow: its height is not comparable with whole weeks.
        fill: (row) => (row.days < 7 ? "none" : "var(--theme-foreground-focus, steelblue)"),
        fillOpacity: (row) => (row.hidden > 0 ? 0.5 : 0.9),
        stroke: (row) => (row.days < 7 ? "currentColor" : "none"),
        strokeDasharray: "3,2",
        title: (row) =>
          `${formatDate(row.start, {lang})}: ${formatCount(row.value, {lang})}${row.hidden > 0 ? ` (${hiddenOfCells(row, lang)})` : ""}${partialNote(row.days)}`
      }),
      Plot.dot(
        rows.filter((row) => row.value === null),
        {
          x: (row) => new Date(row.start.getTime() + 3.5 * DAY),
          y: 0,
          symbol: "times",
          r: 3,
          stroke: "currentColor",
          ariaLabel: strings[lang].hiddenWeek
        }
      ),
      Plot.ruleY([0])
    ],
    document
  });
  if (!onBrush || typeof window === "undefined") return plot;

  const x = plot.scale("x")!;
  const [x0, x1] = x.range as [number, number];
  const brush = d3.brushX().extent([
    [x0, 20],
    [x1, height - 30]
  ]);
  const g = d3
    .select(plot as SVGSVGElement)
    .append("g")
    .attr("class", "brush")
    .attr("data-brush", "");
  brush.on("end", (event: d3.D3BrushEvent<unknown>) => {
    if (!event.sourceEvent) return; // moved by code below, not by a person
    if (!event.selection) return onBrush(null);
    const [a, b] = event.selection as [number, number];
    onBrush(snapToWeeks(x.invert!(a) as Date, x.invert!(b) as Date));
  });
  g.call(brush);
  const move = (from: string | null, to: string | null) => {
    if (!from || !to) return void g.call(brush.move, null);
    const start = new Date(`${from}T00:00:00Z`);
    const end = new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY);
    g.call(brush.move, [x.apply!(start), x.apply!(end)]);
  };
  if (from && to) move(from, to);
  brushes.set(plot, move);
  return plot;
}

// Each brushable timeline's way to show another range without being drawn again.
const brushes = new WeakMap<Element, (from: string | null, to: string | null) => void>();

/**
 * Shows the range *from*–*to* (none when null) on a timeline WeeklyTimeline drew with onBrush, in
 * place: a change of range alone leaves its weeks as they were, and drawing it again took a few ms of a
 * filter change's 50 (issue 15). False when *chart* has no brush, so the caller draws it again.
 */
export function moveBrush(chart: Element | null, from: string | null, to: string | null): boolean {
  const move = chart && brushes.get(chart);
  if (!move) return false;
  move(from, to);
  return true;
}
