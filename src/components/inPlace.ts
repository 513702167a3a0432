// Redrawing a Plot chart in place: after a filter change the explorer rewrites the marks and axis that
// Plot drew (categoryBars.ts's updateBars, weeklyTimeline.ts's updateTimeline) rather than drawing the
// chart again. Only what changed is written: an attribute or text set to the value it has still makes
// the browser style and lay out that element again.
import {formatNumber} from "../lib/format.js";
import type {Language} from "../lib/strings.js";

/** Gives *group* *count* children like its first one, each set by *set* (an axis's ticks, redrawn in place). */
export function retick(group: Element, count: number, set: (element: Element, i: number) => void) {
  const first = group.firstElementChild;
  if (!first) return;
  while (group.children.length > count) group.lastElementChild!.remove();
  while (group.children.length < count) group.append(first.cloneNode(true));
  for (let i = 0; i < count; ++i) set(group.children[i]!, i);
}

export function setAttributes(element: Element, values: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(values))
    if (element.getAttribute(name) !== String(value)) element.setAttribute(name, String(value));
}

export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** An element's translate(x,y) with another x or y. */
function moved(element: Element, axis: "x" | "y", position: number): string {
  const transform = element.getAttribute("transform") ?? "";
  return axis === "x"
    ? transform.replace(/^translate\([^,]*,/, `translate(${position},`)
    : transform.replace(/,[^,)]*\)$/, `,${position})`);
}

/**
 * Plot's grid lines, tick marks and tick labels of an *axis* ("x" or "y") moved to *values*, each at
 * *position*(value), as many as there are values.
 */
export function retickAxis(
  {grid, ticks, tickLabels}: {grid: Element; ticks: Element; tickLabels: Element},
  axis: "x" | "y",
  values: readonly number[],
  position: (value: number) => number,
  {lang}: {lang: Language}
): void {
  const at = (i: number) => position(values[i]!);
  retick(grid, values.length, (line, i) => setAttributes(line, {[`${axis}1`]: at(i), [`${axis}2`]: at(i)}));
  retick(ticks, values.length, (path, i) => setAttributes(path, {transform: moved(path, axis, at(i))}));
  retick(tickLabels, values.length, (text, i) => {
    setAttributes(text, {transform: moved(text, axis, at(i))});
    setText(text, formatNumber(values[i]!, {lang}));
  });
}

/** An element's translate(x,y) with another x. */
export const moveX = (element: Element, x: number) => moved(element, "x", x);
