// Pieces shared by the report charts: the colour-blind-safe palette, the hatching that marks a
// suppressed value, the key-event annotations, and the figure every chart is wrapped in (title that
// states the finding, units, chart, text alternative, source line, the numbers as a table).
import * as Plot from "@observablehq/plot";
import {formatDate} from "../lib/format.js";
import type {KeyEvent} from "../lib/keyEvents.js";
import {textBox} from "../lib/labelPlacement.js";
import {strings, type Language} from "../lib/strings.js";

/** Okabe–Ito, reordered so the first colours read well on both the light and the dark theme. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];
/** The accent for highlighted bars (minors), and the muted fill for the rest. */
export const ACCENT = "#D55E00";
export const BAR_FILL = "var(--theme-foreground-focus, #3b5fc0)";
export const MUTED = "var(--theme-foreground-muted, #6d6d6d)";

let lastId = 0;

/** A page-unique id for SVG defs (several charts share one document). */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++lastId}`;
}

/** A Plot render mark that defines a diagonal hatch pattern *id* in currentColor. */
export function hatchDefs(id: string): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const svgNs = "http://www.w3.org/2000/svg";
    const doc = context.document;
    const defs = doc.createElementNS(svgNs, "defs");
    const pattern = doc.createElementNS(svgNs, "pattern");
    for (const [name, value] of Object.entries({
      id,
      width: "6",
      height: "6",
      patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)"
    })) {
      pattern.setAttribute(name, value);
    }
    const line = doc.createElementNS(svgNs, "line");
    for (const [name, value] of Object.entries({
      x1: "0",
      y1: "0",
      x2: "0",
      y2: "6",
      stroke: "currentColor",
      "stroke-width": "2",
      "stroke-opacity": "0.6"
    })) {
      line.setAttribute(name, value);
    }
    pattern.append(line);
    defs.append(pattern);
    return defs as unknown as SVGElement;
  };
}

/** The note that explains the asterisk of an assumed event date, when a chart shows one. */
export function eventNotes(
  events: readonly KeyEvent[],
  {lang = "en" as Language, domain}: {lang?: Language; domain?: [Date, Date]} = {}
): string[] {
  const visible = domain ? events.filter(({date}) => +date >= +domain[0] && +date <= +domain[1]) : events;
  return visible.some((e) => e.assumed) ? [strings[lang].figures.asteriskNote] : [];
}

const EVENT_FONT = 10;
const EVENT_ROW = 12;
// The y axis's label takes the top 17 pixels of the margin (Plot puts it at y = 3).
const AXIS_LABEL_BAND = 17;

export interface EventLayout {
  /** The chart's width and margins, in pixels: labels are placed by where the x scale puts them. */
  width: number;
  marginLeft: number;
  marginRight: number;
  marginTop: number;
}

/**
 * Each visible event's label row (0 just above the frame, counting upward) and side of its rule, so
 * that no two labels meet and none leaves the chart; null for a label that finds no room (its rule
 * stays, with the label as tooltip). Greedy from left to right; widths estimated from the font size.
 */
export function placeEventLabels(
  events: readonly {date: Date; label: string}[],
  domain: [Date, Date],
  {width, marginLeft, marginRight, marginTop}: EventLayout
): ({row: number; anchor: "start" | "end"} | null)[] {
  const rows = Math.max(1, Math.floor((marginTop - AXIS_LABEL_BAND - 3) / EVENT_ROW));
  const x = (date: Date) =>
    marginLeft + ((+date - +domain[0]) / (+domain[1] - +domain[0] || 1)) * (width - marginLeft - marginRight);
  const taken: [number, number][][] = Array.from({length: rows}, () => []);
  const gap = 6;
  return events.map(({date, label}) => {
    const w = textBox([label], EVENT_FONT).width;
    const at = x(date);
    for (const [row, spans] of taken.entries()) {
      for (const anchor of ["start", "end"] as const) {
        const [left, right] = anchor === "start" ? [at + 3, at + 3 + w] : [at - 3 - w, at - 3];
        if (left < 0 || right > width) continue;
        if (spans.some(([a, b]) => left < b + gap && a < right + gap)) continue;
        spans.push([left, right]);
        return {row, anchor};
      }
    }
    return null;
  });
}

/**
 * Vertical rules at the key events that fall inside *domain*, labelled in the margin above the frame,
 * where no bar, line or value label is drawn: a label never covers the data.
 */
export function eventMarks(
  events: readonly KeyEvent[],
  {lang = "en" as Language, domain, layout}: {lang?: Language; domain: [Date, Date]; layout: EventLayout}
) {
  const visible = events
    .filter(({date}) => +date >= +domain[0] && +date <= +domain[1])
    .sort((a, b) => +a.date - +b.date);
  const label = (e: KeyEvent) => `${strings[lang].events[e.key]}${e.assumed ? " *" : ""}`;
  const placed = placeEventLabels(
    visible.map((e) => ({date: e.date, label: label(e)})),
    domain,
    layout
  );
  const labelled = visible.flatMap((e, i) => (placed[i] ? [{...e, ...placed[i]}] : []));
  const groups = [...new Set(labelled.map(({row, anchor}) => `${row} ${anchor}`))];
  return [
    Plot.ruleX(visible, {
      x: "date",
      stroke: MUTED,
      strokeDasharray: "2,3",
      title: (e: KeyEvent) => `${label(e)}, ${formatDate(e.date, {lang})}`
    }),
    // One text mark per row and side: Plot's dy and textAnchor are the same for every text of a mark.
    ...groups.map((group) => {
      const [row, anchor] = group.split(" ");
      return Plot.text(
        labelled.filter((e) => `${e.row} ${e.anchor}` === group),
        {
          x: "date",
          frameAnchor: "top",
          text: label,
          lineAnchor: "bottom",
          textAnchor: anchor as "start" | "end",
          dx: anchor === "start" ? 3 : -3,
          dy: -3 - Number(row) * EVENT_ROW,
          fill: "currentColor",
          fontSize: EVENT_FONT,
          className: "vuoto-event-labels"
        }
      );
    })
  ];
}

/**
 * What a chart shows when there is nothing to draw: one sentence that says what is empty and why, in
 * place of an empty frame whose axis would read as nonsense (".000 :00.00").
 */
export function EmptyChart(sentence: string, {document: doc = globalThis.document}: {document?: Document} = {}) {
  const p = doc.createElement("p");
  p.className = "vuoto-empty";
  p.setAttribute("role", "status");
  p.textContent = sentence;
  return p;
}

/**
 * A note under a chart (class vuoto-figure-note): a sentence, or a sentence with elements in it, such
 * as a figure marked with markFigure. Every note of every chart is made here.
 */
export function FigureNote(parts: string | readonly (string | Node)[], {className}: {className?: string} = {}) {
  const p = document.createElement("p");
  p.className = className ? `vuoto-figure-note ${className}` : "vuoto-figure-note";
  p.append(...(typeof parts === "string" ? [parts] : parts));
  return p;
}

/** The note that explains the cross drawn for a hidden cell, when a chart draws one. */
export function hiddenMarkNotes(hiddenCells: number, lang: Language): string[] {
  return hiddenCells ? [`× ${strings[lang].hiddenMark}`] : [];
}

export interface TableColumn<T> {
  label: string;
  value: (row: T) => string;
  /** Right-align numbers. */
  numeric?: boolean;
  /** A tooltip, such as the English name of a district. */
  title?: (row: T) => string;
}

/** An HTML table of a chart's numbers, for screen readers, copying and print. */
export function DataTable<T>(
  rows: readonly T[],
  columns: readonly TableColumn<T>[],
  {caption}: {caption?: string} = {}
) {
  const table = document.createElement("table");
  table.className = "vuoto-table";
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    if (column.numeric) th.className = "numeric";
    head.append(th);
  }
  const body = table.createTBody();
  // createElement and append rather than insertRow(): insertRow() counts the rows already there, which
  // made a table of a long weekly series (tens of thousands of rows) take seconds to build.
  for (const row of rows) {
    const tr = document.createElement("tr");
    body.append(tr);
    columns.forEach((column, i) => {
      const cell = i === 0 ? document.createElement("th") : document.createElement("td");
      if (i === 0) (cell as HTMLTableCellElement).scope = "row";
      cell.textContent = column.value(row);
      if (column.numeric) cell.className = "numeric";
      if (column.title) cell.title = column.title(row);
      tr.append(cell);
    });
  }
  return table;
}

/** A figure shown on a page, as src/lib/figures.ts answered it. */
export interface FigureMark {
  key: string;
  value: number | null;
  exact: boolean;
  /** With *range*: value..upper is a hidden area total's provable range (src/lib/figures.ts). */
  upper?: number | null;
  range?: boolean;
}

/**
 * Names the figure an element shows (data-figure, with its value and whether it is exact), so that the
 * consistency test (test/browser/figures.test.ts) can check each quantity reads the same everywhere.
 */
export function markFigure<E extends Element>(element: E, figure: FigureMark | undefined): E {
  if (!figure) return element;
  element.setAttribute("data-figure", figure.key);
  element.setAttribute("data-value", String(figure.value ?? ""));
  element.setAttribute("data-exact", String(figure.exact));
  if (figure.range) element.setAttribute("data-upper", String(figure.upper ?? ""));
  return element;
}

/** A Plot render option that marks each text of a Plot.text mark with its row's figure. */
export function markFigureTexts<T>(rows: readonly T[], figureOf: (row: T) => FigureMark | undefined) {
  return function (
    index: number[],
    scales: Plot.ScaleFunctions,
    values: Plot.ChannelValues,
    dimensions: Plot.Dimensions,
    context: Plot.Context,
    next?: Plot.RenderFunction
  ) {
    const g = next!(index, scales, values, dimensions, context)!;
    // Plot draws one text per entry of *index*, in order, and each entry is a row number.
    g.querySelectorAll("text").forEach((text, i) => markFigure(text, figureOf(rows[index[i]!]!)));
    return g;
  };
}

export interface FigureParts {
  title: string;
  subtitle: string;
  chart: Element;
  description: string;
  source: string;
  table?: HTMLTableElement;
  /** Notes under the chart, such as "this total rests on hidden cells". */
  notes?: string[];
  /** The figure the title states, if it states one. */
  titleFigure?: FigureMark;
  lang?: Language;
}

/**
 * Makes a Plot chart one image with one text alternative. The image is described as a whole (and by
 * its caption and table); its marks' own labels and tooltips would be presentational children, which
 * axe flags (aria-prohibited-attr).
 */
export function asImage(chart: Element, label: string): void {
  // Plot wraps a chart with a legend in a <figure>: the last SVG is the chart itself.
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : [...chart.querySelectorAll("svg")].at(-1);
  svg?.setAttribute("role", "img");
  svg?.setAttribute("aria-label", label);
  for (const child of svg?.children ?? []) child.setAttribute("aria-hidden", "true");
}

/**
 * In an interactive chart (the explorer's), which cannot be one image: Plot names each mark's group by
 * its type ("bar", "rule"). A group with no text and nothing to focus (a rule, a hollow bar without a
 * tooltip) tells a screen reader nothing, and axe flags aria-label on a <g> with no role: it is hidden.
 */
export function hideDecorativeMarks(chart: Element): void {
  for (const group of chart.querySelectorAll("g[aria-label]:not([role])")) {
    if (group.textContent?.trim() || group.querySelector("[tabindex]")) continue;
    group.removeAttribute("aria-label");
    group.setAttribute("aria-hidden", "true");
  }
}

/** A chart with its finding as title, units, text alternative, source line and numbers. */
export function ChartFigure({
  title,
  subtitle,
  chart,
  description,
  source,
  table,
  notes = [],
  titleFigure,
  lang = "en"
}: FigureParts) {
  const figure = document.createElement("figure");
  figure.className = "vuoto-figure";
  const heading = document.createElement("h3");
  heading.className = "vuoto-figure-title";
  heading.textContent = title;
  markFigure(heading, titleFigure);
  const sub = document.createElement("p");
  sub.className = "vuoto-figure-subtitle";
  sub.textContent = subtitle;
  asImage(chart, `${title}. ${description}`);
  const caption = document.createElement("figcaption");
  const text = document.createElement("p");
  text.className = "vuoto-figure-description";
  text.textContent = description;
  if (description) caption.append(text);
  for (const note of notes) caption.append(FigureNote(note));
  const sourceLine = document.createElement("p");
  sourceLine.className = "vuoto-figure-source";
  sourceLine.textContent = source;
  caption.append(sourceLine);
  figure.append(heading, sub, chart, caption);
  if (table) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = strings[lang].numbersAsTable;
    details.append(summary, table);
    figure.append(details);
  }
  return figure;
}
