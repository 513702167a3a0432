import * as Plot from "@observablehq/plot";
import {formatDate} from "../lib/format.js";
import type {KeyEvent} from "../lib/keyEvents.js";
import {strings, type Language} from "../lib/strings.js";
import {ACCENT, ChartFigure, DataTable, eventNotes, MUTED} from "./marks.js";

/** The key events on one time axis, one row each, labelled with their dates. */
export function KeyDates(
  events: readonly KeyEvent[],
  {width = 640, lang = "en", source}: {width?: number; lang?: Language; source: string}
): HTMLElement {
  const text = strings[lang];
  const label = (e: KeyEvent) =>
    `${text.events[e.key]}, ${formatDate(e.date, {lang})}${e.assumed ? ` ${text.assumedDate}` : ""}`;
  const [firstEvent, lastEvent] = [events.at(0), events.at(-1)];
  if (!firstEvent || !lastEvent) throw new Error("missing key events: KeyDates needs at least one");
  const [first, last] = [firstEvent.date, lastEvent.date];
  const middle = (+first + +last) / 2;
  const chart = Plot.plot({
    width,
    height: 40 + events.length * 26,
    marginTop: 24,
    marginLeft: 10,
    marginRight: 10,
    x: {
      type: "utc",
      label: null,
      grid: true,
      tickFormat: (d: Date) => formatDate(d, {lang}),
      ticks: width / 120,
      inset: 10
    },
    y: {axis: null, domain: events.map((e) => e.key)},
    marks: [
      Plot.ruleY(events, {y: "key", stroke: MUTED, strokeOpacity: 0.2}),
      Plot.dot(events, {
        x: "date",
        y: "key",
        r: 5,
        fill: ACCENT,
        stroke: "var(--theme-background, white)",
        title: label
      }),
      // Labels point inward, so the ones near either end stay inside the chart.
      Plot.text(
        events.filter((e) => +e.date < middle),
        {x: "date", y: "key", text: label, textAnchor: "start", dy: -11, fill: "currentColor", fontSize: 11}
      ),
      Plot.text(
        events.filter((e) => +e.date >= middle),
        {x: "date", y: "key", text: label, textAnchor: "end", dy: -11, fill: "currentColor", fontSize: 11}
      )
    ]
  });
  const description = text.keyDates.description(events.map(label).join("; "));
  const table = DataTable(events, [
    {label: text.event, value: (e) => text.events[e.key]},
    {label: text.date, value: (e) => `${formatDate(e.date, {lang})}${e.assumed ? ` ${text.assumedDate}` : ""}`}
  ]);
  return ChartFigure({
    title: text.keyDates.title(formatDate(first, {lang}), formatDate(last, {lang})),
    subtitle: text.keyDates.subtitle,
    chart,
    description,
    source,
    table,
    notes: eventNotes(events, {lang}),
    lang
  });
}
