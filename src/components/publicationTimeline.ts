import * as Plot from "@observablehq/plot";
import {formatCount, formatDate} from "../lib/format.js";
import type {KeyEvent} from "../lib/keyEvents.js";
import {strings, type Language} from "../lib/strings.js";
import {CHANNELS} from "../lib/schema.js";
import {dailyTotals, orderBy} from "../lib/transforms.js";
import type {Finding} from "../lib/findings.js";
import {ChartFigure, DataTable, EmptyChart, eventMarks, eventNotes, hiddenMarkNotes, MUTED, PALETTE} from "./marks.js";
import {utcDay} from "d3-time";

export interface PublicationRow {
  date: Date;
  channel: string;
  records: number | null;
}

/**
 * Records published per day, stacked by channel, with the key events marked. A hidden cell is a
 * cross on the baseline (its day did publish something), never a zero bar.
 *
 * **domain** – the dates shown, [start, end]; **finding** – the title and notes (see findings.ts).
 */
export function PublicationTimeline(
  data: readonly PublicationRow[],
  {
    width = 640,
    lang = "en",
    domain,
    events = [],
    finding,
    source
  }: {
    width?: number;
    lang?: Language;
    domain: [Date, Date];
    events?: readonly KeyEvent[];
    finding: Finding;
    source: string;
  }
): HTMLElement {
  const text = strings[lang];
  const rows = orderBy(data, "channel", CHANNELS);
  const known = rows.filter((d) => d.records != null);
  const hidden = rows.filter((d) => d.records == null);
  const channels = [...new Set(rows.map((d) => d.channel))];
  const name = (channel: string) => text.channels[channel] ?? channel;
  const days = dailyTotals(rows);
  const labelled = days.slice(0, 2).filter((d) => d.records > 0);
  const end = utcDay.offset(domain[1], 1);
  const range = [formatDate(domain[0], {lang}), formatDate(domain[1], {lang})] as const;
  // A range with no publications gets a sentence that says so, not an empty frame.
  // Event labels take rows of the top margin (below the y axis's label); the right margin keeps
  // the last tick's date whole.
  const layout = {width, marginLeft: 60, marginRight: 40, marginTop: 80};
  const chart = !rows.length
    ? EmptyChart(text.figures.emptyRange(...range))
    : Plot.plot({
        ...layout,
        height: 356,
        x: {
          type: "utc",
          domain: [domain[0], end],
          label: null,
          tickFormat: (d: Date) => formatDate(d, {lang}),
          ticks: width / 110
        },
        // Room inside the frame for the value labels over the tallest bars, below the event labels.
        y: {label: text.recordsPerDay, grid: true, insetTop: 22, tickFormat: (v: number) => formatCount(v, {lang})},
        color: {domain: channels, range: PALETTE, legend: true, tickFormat: name},
        marks: [
          Plot.rectY(known, {
            x: "date",
            interval: "day",
            y: "records",
            fill: "channel",
            title: (d: PublicationRow) =>
              `${formatDate(d.date, {lang})}, ${name(d.channel)}: ${formatCount(d.records, {lang})}`
          }),
          Plot.dot(hidden, {
            x: (d: PublicationRow) => new Date(+d.date + 43_200_000),
            y: 0,
            symbol: "times",
            r: 3.5,
            stroke: MUTED,
            title: (d: PublicationRow) => `${formatDate(d.date, {lang})}, ${name(d.channel)}: ${text.suppressedLong}`
          }),
          Plot.text(labelled, {
            x: (d) => new Date(+d.date + 43_200_000),
            y: "records",
            text: (d) => formatCount(d.records, {lang}),
            dy: -7,
            lineAnchor: "bottom",
            fill: "currentColor"
          }),
          Plot.ruleY([0]),
          // Drawn last, so that the event labels stay readable over the bars.
          ...eventMarks(events, {lang, domain: [domain[0], end], layout})
        ]
      });
  const total = days.reduce((sum, d) => sum + d.records, 0);
  // With nothing drawn, the sentence in the chart's place says it all.
  const description = !rows.length
    ? ""
    : text.timeline.publishedDescription(
        formatCount(total, {lang}),
        formatCount(days.filter((d) => d.records > 0 || d.hidden).length, {lang}),
        ...range
      );
  const table = DataTable(
    [...rows].sort((a, b) => +a.date - +b.date),
    [
      {label: text.date, value: (d) => formatDate(d.date, {lang})},
      {label: text.channel, value: (d) => name(d.channel)},
      {label: text.records, value: (d) => formatCount(d.records, {lang}), numeric: true}
    ]
  );
  const notes = [...hiddenMarkNotes(hidden.length, lang), ...finding.notes, ...eventNotes(events, {lang, domain})];
  return ChartFigure({
    title: finding.title,
    subtitle: text.timeline.publishedSubtitle,
    chart,
    description,
    source,
    table,
    notes,
    lang
  });
}
