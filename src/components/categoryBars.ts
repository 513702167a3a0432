// A clickable horizontal bar chart of one category (districts, age groups, services, channels).
import * as Plot from "@observablehq/plot";
import {ticks as d3Ticks} from "d3";
import {compareNames, formatCount, formatNumber} from "../lib/format.js";
import type {CategoryRow} from "../lib/exploreQueries.js";
import {formatFigure} from "../lib/figures.js";
import {strings, type Language} from "../lib/strings.js";
import {markFigure, markFigureTexts, type FigureMark} from "./marks.js";
import {moveX, retickAxis, setAttributes, setText} from "./inPlace.js";
import {hiddenOfCells} from "./weeklyTimeline.js";

/** A bar: its sum, and, when it shows a figure of src/lib/figures.ts, that figure and its upper bound. */
export type CategoryBar = CategoryRow & {figure?: FigureMark; upper?: number | null};

export interface CategoryBarsOptions {
  /** **width** – the chart width in pixels. */
  width?: number;
  /** **selected** – the keys of the selected bars; the others are drawn muted while any is selected. */
  selected?: readonly string[];
  /** **onSelect** – called with a bar's key when it is clicked (or Enter is pressed on it); none makes bars inert. */
  onSelect?: (key: string) => void;
  /** **order** – the keys in display order (unlisted keys follow); default: largest value first. */
  order?: readonly string[];
  /** **label** – the x axis label. */
  label?: string;
  lang?: Language;
  document?: Document;
}

/** A bar showing a hidden area total's provable range (figures.ts): drawn without length, never ranked. */
const isRange = (row: {figure?: FigureMark}) => row.figure?.range === true;

/**
 * The text at a bar's end: a count, "N+" when it rests on suppressed cells, "1 180–1 224" for a hidden
 * area total's provable range, or "hidden" when it is all suppressed.
 */
export function barText(row: Pick<CategoryBar, "value" | "hidden" | "figure">, lang: Language = "en"): string {
  if (row.figure && isRange(row)) return formatFigure(row.figure, {lang});
  if (row.value === null) return formatCount(null, {lang});
  return formatCount(row.value, {lang}) + (row.hidden > 0 ? "+" : "");
}

/**
 * Bars of *data* (one per key); a bar whose sum leaves out suppressed cells is drawn hatched-light and
 * labelled "N+", a bar with every cell suppressed has no length and is labelled "hidden".
 */
export function CategoryBars(
  data: CategoryBar[],
  {width = 480, selected = [], onSelect, order, label, lang = "en", document}: CategoryBarsOptions = {}
): SVGSVGElement | HTMLElement {
  const rows = sortedBars(data, order, lang);
  const fill = (row: CategoryRow) => barFill(row.key, selected);
  const max = Math.max(1, ...rows.map(barLength));
  const chart = Plot.plot({
    width,
    height: 24 + rows.length * 22,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    x: {label: label ?? null, grid: true, tickFormat: (v: number) => formatNumber(v, {lang}), domain: [0, max]},
    y: {label: null, domain: rows.map((row) => row.label)},
    marks: [
      Plot.barX(rows, {
        y: "label",
        x: barLength,
        fill,
        fillOpacity: (row: CategoryRow) => (row.hidden > 0 ? 0.55 : 1),
        // Each bar says whose it is, so selectBars can recolour it in place.
        render(index, scales, values, dimensions, context, next) {
          const g = next!(index, scales, values, dimensions, context)!;
          g.querySelectorAll("rect").forEach((rect, i) => rect.setAttribute("data-bar", rows[index[i]!]!.key));
          return g;
        }
      }),
      Plot.text(rows, {
        y: "label",
        x: barLength,
        text: (row: CategoryRow) => barText(row, lang),
        textAnchor: "start",
        dx: 4,
        render: markFigureTexts(rows, (row) => row.figure)
      }),
      Plot.ruleX([0]),
      // A transparent bar across the whole row, on top, takes the clicks: a short or hidden bar is still easy to hit.
      Plot.barX(rows, {
        y: "label",
        x1: 0,
        x2: max,
        fill: "transparent",
        ariaLabel: "select",
        title: (row: CategoryBar) => barTitle(row, lang),
        render(index, scales, values, dimensions, context, next) {
          const g = next!(index, scales, values, dimensions, context)!;
          g.querySelectorAll("rect").forEach((rect, i) => {
            // Plot draws one rect per entry of *index*, in order, and each entry is a row number.
            const row = rows[index[i]!]!;
            rect.setAttribute("data-key", row.key);
            if (!onSelect) return;
            rect.setAttribute("role", "button");
            rect.setAttribute("tabindex", "0");
            rect.setAttribute("aria-pressed", String(selected.includes(row.key)));
            rect.style.cursor = "pointer";
            // The key is read at the click: updateBars may give this row another bar.
            const choose = () => onSelect(rect.getAttribute("data-key")!);
            rect.addEventListener("click", choose);
            rect.addEventListener("keydown", (event) => {
              if (event.key === "Enter" || event.key === " ") (event.preventDefault(), choose());
            });
          });
          return g;
        }
      })
    ],
    document
  });
  const part = (name: string) => chart.querySelector(`:scope > g[aria-label="${name}"]`);
  const [grid, ticks, tickLabels, texts, names, axisLabel] = [
    "x-grid",
    "x-axis tick",
    "x-axis tick label",
    "text",
    "y-axis tick label",
    "x-axis label"
  ].map(part);
  const bars = chart.querySelector("rect[data-bar]")?.parentElement;
  const targets = chart.querySelector("rect[data-key]")?.parentElement;
  if (grid && ticks && tickLabels && texts && bars && targets && names && (axisLabel || label == null))
    drawn.set(chart, {
      shape: shapeOf(rows, {width, order, label, lang, onSelect}),
      label,
      parts: {grid, ticks, tickLabels, texts, bars, targets, names, axisLabel: axisLabel ?? null}
    });
  return chart;
}

const MARGIN_LEFT = 120;
const MARGIN_RIGHT = 70;

/** The bars in display order: by *order*, else largest first (a range, never ranked, last). */
function sortedBars(data: readonly CategoryBar[], order: readonly string[] | undefined, lang: Language) {
  const rank = (key: string) => (order?.includes(key) ? order.indexOf(key) : (order?.length ?? 0));
  return [...data].sort((a, b) =>
    order
      ? rank(a.key) - rank(b.key) || a.key.localeCompare(b.key)
      : (isRange(b) ? -1 : (b.value ?? -1)) - (isRange(a) ? -1 : (a.value ?? -1)) ||
        compareNames(a.label, b.label, {lang})
  );
}

const barLength = (row: CategoryBar) => (isRange(row) ? 0 : (row.value ?? 0));
const barTitle = (row: CategoryBar, lang: Language) => `${row.label}: ${barText(row, lang)}${boundText(row, lang)}`;

// What each chart CategoryBars drew has for updateBars: what fixes its layout (its "shape": how many
// bars, the width, whether it has an axis label and click targets), its axis label, and the groups
// whose children a change of values touches.
type Parts = Record<"grid" | "ticks" | "tickLabels" | "texts" | "bars" | "targets" | "names", Element> & {
  axisLabel: Element | null;
};
const drawn = new WeakMap<Element, {shape: string; label: string | undefined; parts: Parts}>();
const shapeOf = (
  rows: readonly CategoryBar[],
  {width, order, label, lang, onSelect}: CategoryBarsOptions & {width: number; lang: Language}
) =>
  // Two bars with one label would share a band: never in the explorer, but then the shape is new.
  new Set(rows.map((row) => row.label)).size < rows.length
    ? ""
    : JSON.stringify([rows.length, width, order ?? null, label == null, lang, !!onSelect]);

/**
 * Shows *data* on a chart CategoryBars drew, in place, when it has as many bars as before (in the same
 * width, with the same kind of axis label): each bar's name, length, text and title, the selection, the
 * axis label and the x axis are rewritten, and nothing else is drawn again. Drawing a chart with Plot was
 * about half of a filter change's script time (issue 15). The chart is then what CategoryBars draws
 * with *data* and *options* (test/components/categoryBars.test.ts compares the two); false, and the
 * chart untouched, when the number of bars or the layout differs, so the caller draws it again. The
 * click handlers stay the first draw's (each reads its bar's key when clicked): *onSelect* is not
 * changed. A focused bar keeps the focus on its key, wherever that bar now is.
 */
export function updateBars(chart: Element | null, data: CategoryBar[], options: CategoryBarsOptions = {}): boolean {
  const {width = 480, selected = [], order, lang = "en"} = options;
  const known = chart && drawn.get(chart);
  if (!chart || !known) return false;
  const rows = sortedBars(data, order, lang);
  if (!known.shape || known.shape !== shapeOf(rows, {...options, width, lang})) return false;
  const {grid, ticks, tickLabels, texts, bars, targets, names, axisLabel} = known.parts;
  const focused = chart.contains(document.activeElement) ? document.activeElement?.getAttribute("data-key") : null;
  if (axisLabel && known.label !== undefined && options.label !== undefined && options.label !== known.label) {
    // Plot's label with its arrow ("People →"): the arrow stays, the words change.
    const text = axisLabel.querySelector("text");
    if (text?.textContent?.startsWith(known.label))
      text.textContent = options.label + text.textContent.slice(known.label.length);
    known.label = options.label;
  }
  const max = Math.max(1, ...rows.map(barLength));
  // Plot's own scale and its default ticks (one per 80 px of the x range): the axis Plot would draw.
  const range = [MARGIN_LEFT, width - MARGIN_RIGHT];
  const x = Plot.scale({x: {domain: [0, max], range}}).apply as (value: number) => number;
  const tickValues = d3Ticks(0, max, (range[1]! - range[0]!) / 80);
  retickAxis({grid, ticks, tickLabels}, "x", tickValues, x, {lang});
  const zero = x(0);
  rows.forEach((row, i) => {
    const end = x(barLength(row));
    setText(names.children[i]!, row.label);
    setAttributes(bars.children[i]!, {
      "data-bar": row.key,
      x: Math.min(zero, end),
      width: Math.max(0, Math.abs(end - zero)),
      "fill-opacity": row.hidden > 0 ? 0.55 : 1
    });
    const text = texts.children[i]!;
    setAttributes(text, {transform: moveX(text, end)});
    setText(text, barText(row, lang));
    // markFigure's marks, and none left over from the bar that was here.
    for (const name of ["data-figure", "data-value", "data-exact", "data-upper"])
      if (!row.figure || (name === "data-upper" && !row.figure.range)) text.removeAttribute(name);
    markFigure(text, row.figure);
    const target = targets.children[i]!;
    setAttributes(target, {"data-key": row.key});
    const title = target.querySelector("title");
    if (title) setText(title, barTitle(row, lang));
  });
  selectBars(chart, selected);
  if (focused && document.activeElement?.getAttribute("data-key") !== focused)
    chart.querySelector<SVGElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus({preventScroll: true});
  return true;
}

/** A bar's colour: muted while other bars are selected. */
const barFill = (key: string, selected: readonly string[]) =>
  selected.length === 0 || selected.includes(key) ? "var(--theme-foreground-focus, steelblue)" : "#aaa";

/**
 * Shows *selected* on a chart CategoryBars drew, in place: a click that changes only the selection
 * leaves its data, scales and layout as they were, and drawing the chart again took a few ms of a
 * filter change's 50 (issue 15). The chart is then what CategoryBars draws with *selected*.
 */
export function selectBars(chart: Element, selected: readonly string[]): void {
  for (const rect of chart.querySelectorAll<SVGRectElement>("rect[data-bar]"))
    rect.setAttribute("fill", barFill(rect.dataset.bar!, selected));
  for (const rect of chart.querySelectorAll<SVGRectElement>('rect[role="button"][data-key]'))
    rect.setAttribute("aria-pressed", String(selected.includes(rect.dataset.key!)));
}

/** Why a bar is a bound: the suppressed cells its sum leaves out, and its upper bound where one is known. */
function boundText(row: CategoryBar, lang: Language): string {
  if (row.hidden <= 0 || isRange(row)) return "";
  const cells = hiddenOfCells({hidden: row.hidden, cells: row.cells ?? row.hidden}, lang);
  const upper = row.upper != null ? `; ${strings[lang].figures.atMost(formatCount(row.upper, {lang}))}` : "";
  return ` (${cells}${upper})`;
}

/** The legend for pale "+" bars, when a chart has any: what they are and why. */
export function BoundLegend(rows: readonly CategoryBar[], {lang = "en" as Language} = {}): HTMLElement | null {
  const bounds = rows.some((row) => row.value !== null && row.hidden > 0 && !isRange(row));
  const ranges = rows.some(isRange);
  if (!bounds && !ranges) return null;
  const p = document.createElement("p");
  p.className = "explore-note vuoto-bound-legend";
  if (bounds) {
    const swatch = document.createElement("span");
    swatch.className = "vuoto-swatch vuoto-swatch-bound";
    p.append(swatch, ` ${strings[lang].figures.boundLegend}`);
  }
  // A range is drawn without a bar: one sentence says why it is a range.
  if (ranges) p.append(`${bounds ? " " : ""}${strings[lang].figures.rangeNote}`);
  return p;
}
