// Weekly crisis-aid contacts as bars, with a brush to pick a range of whole ISO weeks.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type {TimelineRow} from "../lib/exploreQueries.js";
import {fillTemplate, formatCount, formatDate, formatNumber, plural} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import {weekDays, type DataPeriod} from "../lib/partialWeeks.js";
import {retickAxis, setAttributes, setText} from "./inPlace.js";
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
  const rows = weekRows(data, period);
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
        title: (row) => weekTitle(row, lang)
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
  const bars = plot.querySelector(':scope > g[aria-label="rect"]');
  const [grid, ticks, tickLabels] = ["y-grid", "y-axis tick", "y-axis tick label"].map((name) =>
    plot.querySelector(`:scope > g[aria-label="${name}"]`)
  );
  if (bars && grid && ticks && tickLabels)
    drawn.set(plot, {
      shape: shapeOf(rows, {width, label, lang, brush: !!onBrush}),
      y: plot.scale("y")!,
      parts: {bars, grid, ticks, tickLabels}
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

type WeekRow = ReturnType<typeof weekRows>[number];

function weekRows(data: TimelineRow[], period: DataPeriod | undefined) {
  return data.map((row) => ({
    ...row,
    start: asDate(row.week_start),
    end: new Date(asDate(row.week_start).getTime() + 7 * DAY),
    days: weekDays(asDate(row.week_start), period)
  }));
}

function weekTitle(row: WeekRow, lang: Language): string {
  const partial = row.days < 7 ? ` (${strings[lang].figures.partialWeek(formatCount(row.days, {lang}))})` : "";
  const hidden = row.hidden > 0 ? ` (${hiddenOfCells(row, lang)})` : "";
  return `${formatDate(row.start, {lang})}: ${formatCount(row.value, {lang})}${hidden}${partial}`;
}

// What each timeline WeeklyTimeline drew has for updateTimeline: what fixes its layout (the weeks, their
// days, which are all hidden, the width and labels), its y scale, and the groups a change of values touches.
const drawn = new WeakMap<
  Element,
  {shape: string; y: Plot.Scale; parts: Record<"bars" | "grid" | "ticks" | "tickLabels", Element>}
>();
const shapeOf = (
  rows: readonly WeekRow[],
  {width, label, lang, brush}: {width: number; label?: string; lang: Language; brush: boolean}
) => JSON.stringify([rows.map((row) => [+row.start, row.days, row.value === null]), width, label ?? null, lang, brush]);

/**
 * Shows *data* on a timeline WeeklyTimeline drew, in place, when it has the same weeks (with the same
 * days, the same all-hidden weeks and the same weeks that rest on hidden cells): the bars' heights and
 * titles and the y axis are rewritten, and the brush is left as it is. Drawing the timeline again with
 * Plot was a few ms of a filter change's 50 (issue 15). The chart is then what WeeklyTimeline draws with
 * *data* and *options* (test/components/timelineBrush.test.ts compares the two); false, and the chart
 * untouched, otherwise, so the caller draws it again.
 */
export function updateTimeline(
  chart: Element | null,
  data: TimelineRow[],
  {width = 960, label, lang = "fi", period, onBrush}: WeeklyTimelineOptions = {}
): boolean {
  const known = chart && drawn.get(chart);
  if (!known) return false;
  const rows = weekRows(data, period);
  if (known.shape !== shapeOf(rows, {width, label, lang, brush: !!onBrush})) return false;
  const max = Math.max(...rows.map((row) => row.value ?? 0));
  // A domain of [0, 0] has no ticks to speak of: draw it anew.
  if (!(max > 0)) return false;
  const {bars, grid, ticks, tickLabels} = known.parts;
  // Plot's own y scale with the new extent, and its default ticks (one per 35 px): the axis Plot would draw.
  const y = Plot.scale({y: {...known.y, domain: [0, max]}}).apply as (value: number) => number;
  const [bottom, top] = known.y.range as [number, number];
  const tickValues = d3.ticks(0, max, Math.abs(bottom - top) / 35);
  retickAxis({grid, ticks, tickLabels}, "y", tickValues, y, {lang});
  const zero = y(0);
  rows.forEach((row, i) => {
    const rect = bars.children[i]!;
    const end = y(row.value ?? 0);
    setAttributes(rect, {
      y: Math.min(zero, end),
      height: Math.max(0, Math.abs(end - zero)),
      "fill-opacity": row.hidden > 0 ? 0.5 : 0.9
    });
    const title = rect.querySelector("title");
    if (title) setText(title, weekTitle(row, lang));
  });
  return true;
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
