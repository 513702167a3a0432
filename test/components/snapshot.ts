// Plot-style snapshot testing: render a component with a JSDOM document, normalise the SVG, compare it
// with test/output/<name>.svg (written on first run). On a mismatch the new output is kept beside it as
// <name>-changed.svg (git-ignored) for a person to look at.
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import {expect} from "vitest";

export function jsdomDocument(): Document {
  return new JSDOM("<!DOCTYPE html><body></body>").window.document;
}

export function normaliseSvg(element: Element): string {
  let idCount = 0;
  const ids = new Map<string, string>();
  return element.outerHTML
    .replace(/\d+\.\d+/g, (number) => String(+(+number).toFixed(3)))
    .replace(/id="([^"]+)"/g, (_, id: string) => {
      if (!ids.has(id)) ids.set(id, `id${++idCount}`);
      return `id="${ids.get(id)}"`;
    })
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${ids.get(id) ?? id})`)
    .replace(/class="plot-[0-9a-f]+"/g, 'class="plot"')
    .replace(/\.plot-[0-9a-f]+/g, ".plot")
    .replace(/></g, ">\n<");
}

export function expectSnapshot(name: string, element: Element): void {
  const actual = normaliseSvg(element);
  const path = `test/output/${name}.svg`;
  if (!existsSync(path)) {
    if (process.env.CI) throw new Error(`missing snapshot ${path}: run the tests locally and commit it`);
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, "utf8");
  if (actual !== expected) writeFileSync(`test/output/${name}-changed.svg`, actual);
  expect(actual).toBe(expected);
}
