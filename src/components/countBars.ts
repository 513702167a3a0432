import * as Plot from "@observablehq/plot";
import {formatFigure} from "../lib/figures.js";
import {compareNames, formatCount, formatRate} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import {
  ACCENT,
  BAR_FILL,
  ChartFigure,
  DataTable,
  hatchDefs,
  markFigureTexts,
  uniqueId,
  type FigureMark
} from "./marks.js";

export interface Bar {
  label: string;
  /** Count or rate; null when suppressed. */
  value: number | null;
  /** Shown on hover and in the table, such as a district's English name. */
  title?: string;
  highlight?: boolean;
  /** Hidden cells left out of *value*: it is then a lower bound, labelled "at least". */
  hidden?: number;
  /** The figure the bar shows (src/lib/figures.ts), marked in the DOM for the consistency test. */
  figure?: FigureMark;
}

export interface CountBarsOptions {
  width?: number;
  lang?: Language;
  /** The finding, stated as a sentence. */
  title: string;
  /** What is counted, with its unit. */
  subtitle: string;
  source: string;
  /** The table's heading for the bar labels, such as "Age group". */
  labelHeading: string;
  /** The x-axis label (unit). */
  unit: string;
  /** Decimals, for rates; counts have none. */
  digits?: number;
  /** Legend entries for highlighted and other bars, when some are highlighted. */
  legend?: [highlighted: string, other: string];
  notes?: string[];
  /** Sort the bars by value, largest first (hidden last); by default they keep the given order. */
  sort?: boolean;
}

/**
 * Horizontal bars with their values written at the end. A suppressed value is a short hatched bar
 * labelled "hidden", never a zero-length bar; a hidden area total shown as its provable range
 * ("1 180–1 224") is drawn the same way, labelled with the range, and never ranked.
 */
export function CountBars(data: readonly Bar[], options: CountBarsOptions): HTMLElement {
  const {
    width = 640,
    lang = "en",
    title,
    subtitle,
    source,
    labelHeading,
    unit,
    digits = 0,
    legend,
    notes,
    sort = false
  } = options;
  const text = strings[lang];
  const plain = (v: number | null) => (digits ? formatRate(v, {digits, lang}) : formatCount(v, {lang}));
  const isRange = (d: Bar) => d.figure?.range === true;
  const shown = (d: Bar) =>
    isRange(d) ? formatFigure(d.figure!, {lang}) : d.hidden ? text.atLeast(plain(d.value)) : plain(d.value);
  const rank = (d: Bar) => (isRange(d) ? -1 : (d.value ?? -1));
  const rows = sort ? [...data].sort((a, b) => rank(b) - rank(a) || compareNames(a.label, b.label, {lang})) : [...data];
  const known = rows.filter((d) => d.value != null && !isRange(d));
  const hidden = rows.filter((d) => d.value == null || isRange(d));
  const max = Math.max(1, ...known.map((d) => d.value!));
  const stub = max * 0.04;
  const hatch = uniqueId("hatch");
  const fill = (d: Bar) => (d.highlight ? ACCENT : BAR_FILL);
  const longest = Math.max(...rows.map((d) => d.label.length));
  const marginLeft = Math.min(220, 12 + longest * 6.5);
  const chart = Plot.plot({
    // Too narrow a column would leave the bars a negative width; the SVG then scales down instead.
    width: Math.max(width, marginLeft + 70 + 120),
    height: 28 + rows.length * 24,
    marginLeft,
    marginRight: 70,
    x: {
      label: unit,
      grid: true,
      tickFormat: (v: number) => plain(v),
      domain: [0, max * 1.05],
      ticks: Math.max(2, (width - marginLeft - 70) / 90)
    },
    y: {label: null, domain: rows.map((d) => d.label), tickSize: 0},
    marks: [
      hatchDefs(hatch),
      Plot.barX(known, {
        y: "label",
        x: "value",
        fill,
        title: (d: Bar) => `${d.title ?? d.label}: ${shown(d)}`
      }),
      Plot.barX(hidden, {
        y: "label",
        x1: 0,
        x2: stub,
        fill: `url(#${hatch})`,
        stroke: "currentColor",
        strokeOpacity: 0.5,
        title: (d: Bar) => `${d.title ?? d.label}: ${isRange(d) ? shown(d) : text.suppressedLong}`
      }),
      Plot.text(known, {
        y: "label",
        x: "value",
        text: shown,
        textAnchor: "start",
        dx: 4,
        fill: "currentColor",
        render: markFigureTexts(known, (d) => d.figure)
      }),
      Plot.text(hidden, {
        y: "label",
        x: stub,
        text: (d: Bar) => (isRange(d) ? shown(d) : text.suppressed),
        textAnchor: "start",
        dx: 4,
        fill: "currentColor",
        fontStyle: "italic",
        render: markFigureTexts(hidden, (d) => d.figure)
      }),
      Plot.ruleX([0])
    ]
  });
  const description = text.affected.barsDescription(
    subtitle,
    rows.map((d) => `${d.title ?? d.label} ${shown(d)}`).join("; ")
  );
  const table = DataTable(rows, [
    {label: labelHeading, value: (d) => d.label, title: (d) => d.title ?? d.label},
    {label: unit, value: shown, numeric: true}
  ]);
  const allNotes = rows.some(isRange) ? [...(notes ?? []), text.figures.rangeNote] : notes;
  const figure = ChartFigure({title, subtitle, chart, description, source, table, notes: allNotes, lang});
  if (legend && rows.some((d) => d.highlight)) figure.insertBefore(swatches(legend), chart);
  return figure;
}

function swatches([highlighted, other]: [string, string]): HTMLElement {
  const div = document.createElement("div");
  div.className = "vuoto-swatches";
  for (const [label, color] of [
    [highlighted, ACCENT],
    [other, BAR_FILL]
  ] as const) {
    const item = document.createElement("span");
    const swatch = document.createElement("span");
    swatch.className = "vuoto-swatch";
    swatch.style.background = color;
    item.append(swatch, label);
    div.append(item);
  }
  return div;
}
