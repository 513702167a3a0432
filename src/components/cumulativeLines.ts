import * as Plot from "@observablehq/plot";
import {formatCount, formatDate} from "../lib/format.js";
import type {KeyEvent} from "../lib/keyEvents.js";
import {strings, type Language} from "../lib/strings.js";
import type {Finding} from "../lib/findings.js";
import {formatFigure, type Figure} from "../lib/figures.js";
import type {CumulativePoint, Series} from "../lib/transforms.js";
import {ChartFigure, DataTable, EmptyChart, eventMarks, eventNotes, markFigureTexts, PALETTE} from "./marks.js";

interface Point extends CumulativePoint {
  series: string;
}

/**
 * Running totals as step lines, one per series, labelled at their ends. Where a running total rests
 * on hidden days the line is dashed from there on and the notes say it is a lower bound.
 *
 * *data* – series of cumulative points; **names** – display names by series key.
 */
export function CumulativeLines(
  data: readonly Series[],
  options: {
    width?: number;
    lang?: Language;
    domain: [Date, Date];
    events?: readonly KeyEvent[];
    names: Record<string, string>;
    finding: Finding;
    subtitle: string;
    unit: string;
    source: string;
    /** Figures (src/lib/figures.ts) to label series' ends with, by series key, where one is published. */
    ends?: Record<string, Figure>;
    /** The sentence shown instead of the chart when no series has a point in the domain: what is empty and why. */
    empty?: string;
  }
): HTMLElement {
  const {
    width = 640,
    lang = "en",
    domain,
    events = [],
    names,
    finding,
    subtitle,
    unit,
    source,
    ends = {},
    empty
  } = options;
  const text = strings[lang];
  const points: Point[] = data.flatMap(({key, points}) => points.map((p) => ({...p, series: key})));
  const exact = points.filter((p) => p.hidden === 0);
  const lowerBound = points.filter((p, i) => p.hidden > 0 || (points[i + 1]?.hidden ?? 0) > 0);
  const last = data.map(({key, points}) => ({...points.at(-1)!, series: key})).filter((p) => p.date);
  const name = (key: string) => names[key] ?? key;
  const label = (p: Point) =>
    `${name(p.series)}, ${formatDate(p.date, {lang})}: ${p.hidden ? text.atLeast(formatCount(p.total, {lang})) : formatCount(p.total, {lang})}`;
  // Event labels take rows of the top margin (below the y axis's label); the right margin keeps
  // the last tick's date whole.
  const layout = {width, marginLeft: 60, marginRight: 40, marginTop: 80};
  const chart = !points.length
    ? EmptyChart(empty ?? text.figures.emptySeries)
    : Plot.plot({
        ...layout,
        height: 336,
        x: {type: "utc", domain, label: null, tickFormat: (d: Date) => formatDate(d, {lang}), ticks: width / 110},
        // Room inside the frame for the labels at the lines' ends, below the event labels.
        y: {label: unit, grid: true, insetTop: 16, tickFormat: (v: number) => formatCount(v, {lang})},
        color: {domain: data.map((s) => s.key), range: PALETTE, legend: true, tickFormat: name},
        marks: [
          Plot.lineY(exact, {
            x: "date",
            y: "total",
            z: "series",
            stroke: "series",
            strokeWidth: 2,
            curve: "step-after"
          }),
          Plot.lineY(lowerBound, {
            x: "date",
            y: "total",
            z: "series",
            stroke: "series",
            strokeWidth: 2,
            strokeDasharray: "4,3",
            curve: "step-after"
          }),
          Plot.dot(last, {x: "date", y: "total", fill: "series", r: 3}),
          Plot.text(last, {
            x: "date",
            y: "total",
            text: (p: Point) => {
              const end = ends[p.series];
              return end ? formatFigure(end, {lang}) : formatCount(p.total, {lang});
            },
            textAnchor: "end",
            dy: -8,
            fill: "currentColor",
            render: markFigureTexts(last, (p) => ends[p.series])
          }),
          Plot.tip(points, Plot.pointerX({x: "date", y: "total", title: label})),
          // Drawn last, so that the event labels stay readable over the bars.
          ...eventMarks(events, {lang, domain: domain, layout})
        ]
      });
  // With nothing drawn, the sentence in the chart's place says it all.
  const description = !points.length
    ? ""
    : last
        .map((p) => {
          const end = ends[p.series];
          return end ? `${name(p.series)}, ${formatDate(p.date, {lang})}: ${formatFigure(end, {lang})}` : label(p);
        })
        .join("; ") + ".";
  const table = DataTable(
    points.filter((p) => p.value !== 0),
    [
      {label: text.date, value: (p) => formatDate(p.date, {lang})},
      {label: text.channel, value: (p) => name(p.series)},
      {label: text.value, value: (p) => formatCount(p.value, {lang}), numeric: true},
      {
        label: text.cumulative,
        value: (p) => (p.hidden ? text.atLeast(formatCount(p.total, {lang})) : formatCount(p.total, {lang})),
        numeric: true
      }
    ]
  );
  return ChartFigure({
    title: finding.title,
    subtitle,
    chart,
    description,
    source,
    table,
    notes: [...finding.notes, ...eventNotes(events, {lang, domain})],
    titleFigure: finding.titleFigure,
    lang
  });
}
