// A clickable horizontal bar chart of one category (districts, age groups, services, channels).
import * as Plot from "@observablehq/plot";
import {compareNames, formatCount, formatNumber} from "../lib/format.js";
import type {CategoryRow} from "../lib/exploreQueries.js";
import {formatFigure} from "../lib/figures.js";
import {strings, type Language} from "../lib/strings.js";
import {markFigureTexts, type FigureMark} from "./marks.js";
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
  const rank = (key: string) => (order?.includes(key) ? order.indexOf(key) : (order?.length ?? 0));
  const rows = [...data].sort((a, b) =>
    order
      ? rank(a.key) - rank(b.key) || a.key.localeCompare(b.key)
      : (isRange(b) ? -1 : (b.value ?? -1)) - (isRange(a) ? -1 : (a.value ?? -1)) ||
        compareNames(a.label, b.label, {lang})
  );
  const fill = (row: CategoryRow) => barFill(row.key, selected);
  const length = (row: CategoryBar) => (isRange(row) ? 0 : (row.value ?? 0));
  const max = Math.max(1, ...rows.map(length));
  return Plot.plot({
    width,
    height: 24 + rows.length * 22,
    marginLeft: 120,
    marginRight: 70,
    x: {label: label ?? null, grid: true, tickFormat: (v: number) => formatNumber(v, {lang}), domain: [0, max]},
    y: {label: null, domain: rows.map((row) => row.label)},
    marks: [
      Plot.barX(rows, {
        y: "label",
        x: length,
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
        x: length,
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
        title: (row: CategoryBar) => `${row.label}: ${barText(row, lang)}${boundText(row, lang)}`,
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
            rect.addEventListener("click", () => onSelect(row.key));
            rect.addEventListener("keydown", (event) => {
              if (event.key === "Enter" || event.key === " ") (event.preventDefault(), onSelect(row.key));
            });
          });
          return g;
        }
      })
    ],
    document
  });
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
