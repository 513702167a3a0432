// Downloads made in the page, from memory: nothing is fetched from anywhere to make a file (the
// parquet-wasm module, from this site, is loaded the first time someone asks for Parquet).
import {toCsv, toParquet, type ParquetWriter, type ResultColumn} from "../lib/exportFiles.js";

/** Hands *blob* to the browser as a download named *name*. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function csvBlob(columns: ResultColumn[], rows: Array<Record<string, unknown>>): Blob {
  return new Blob([toCsv(columns, rows)], {type: "text/csv;charset=utf-8"});
}

let parquetModule: Promise<ParquetWriter> | undefined;

async function parquetWriter(): Promise<ParquetWriter> {
  return (parquetModule ??= (async () => {
    const parquet = await import("parquet-wasm/esm");
    await parquet.default({module_or_path: import.meta.resolve("parquet-wasm/esm/parquet_wasm_bg.wasm")});
    return parquet;
  })());
}

export async function parquetBlob(columns: ResultColumn[], rows: Array<Record<string, unknown>>): Promise<Blob> {
  const bytes = toParquet(columns, rows, await parquetWriter());
  return new Blob([bytes.slice().buffer], {type: "application/vnd.apache.parquet"});
}

/** Lines of text a downloaded chart carries above it (title, filters) and below it (source, synthetic-data mark). */
export interface ChartContext {
  header?: string[];
  footer?: string[];
}

const LINE_HEIGHT = 18;
const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * A chart's SVG as a standalone file with its context written into it, so a copy pasted into a slide
 * still says what it shows, under which filters, from where, and that the data may be synthetic.
 * *style* (Plot's <style>, when the page keeps it apart) goes back in.
 */
function standaloneSvg(
  svg: SVGSVGElement,
  {style, header = [], footer = []}: {style?: Element} & ChartContext
): {file: SVGSVGElement; width: number; height: number} {
  const {width, height: chartHeight} = svg.getBoundingClientRect();
  const chart = svg.cloneNode(true) as SVGSVGElement;
  if (style && !chart.querySelector(":scope > style")) chart.prepend(style.cloneNode(true));
  chart.querySelector(".brush")?.remove();
  const top = header.length * LINE_HEIGHT + (header.length ? 8 : 0);
  const height = top + chartHeight + footer.length * LINE_HEIGHT + (footer.length ? 8 : 0);
  chart.setAttribute("y", String(top));
  chart.setAttribute("width", String(width));
  chart.setAttribute("height", String(chartHeight));
  const file = document.createElementNS(SVG_NS, "svg");
  file.setAttribute("xmlns", SVG_NS);
  file.setAttribute("width", String(width));
  file.setAttribute("height", String(height));
  file.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const body = getComputedStyle(document.body);
  // currentColor has no parent to inherit from in a file of its own.
  file.setAttribute("color", getComputedStyle(svg).color);
  file.setAttribute("font-family", body.fontFamily);
  file.style.background = body.backgroundColor;
  const background = document.createElementNS(SVG_NS, "rect");
  for (const [name, value] of Object.entries({width, height, fill: body.backgroundColor}))
    background.setAttribute(name, String(value));
  file.append(background);
  const line = (text: string, y: number, size: number, weight = "normal") => {
    const element = document.createElementNS(SVG_NS, "text");
    for (const [name, value] of Object.entries({
      x: 4,
      y,
      "font-size": size,
      "font-weight": weight,
      fill: "currentColor"
    }))
      element.setAttribute(name, String(value));
    element.textContent = text;
    return element;
  };
  header.forEach((text, i) =>
    file.append(line(text, (i + 1) * LINE_HEIGHT - 4, i === 0 ? 14 : 11, i === 0 ? "bold" : "normal"))
  );
  file.append(chart);
  footer.forEach((text, i) => file.append(line(text, top + chartHeight + 8 + (i + 1) * LINE_HEIGHT - 4, 10)));
  return {file, width, height};
}

/** A chart as a standalone SVG file, with its context (see standaloneSvg). */
export function svgBlob(svg: SVGSVGElement, options: {style?: Element} & ChartContext = {}): Blob {
  return new Blob([new XMLSerializer().serializeToString(standaloneSvg(svg, options).file)], {type: "image/svg+xml"});
}

/** A chart as PNG at *scale* times its size: the standalone SVG drawn on a canvas (a blob: image, allowed by the CSP). */
export async function pngBlob(
  svg: SVGSVGElement,
  {scale = 2, ...options}: {scale?: number; style?: Element} & ChartContext = {}
): Promise<Blob> {
  const {file, width, height} = standaloneSvg(svg, options);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(file)], {type: "image/svg+xml"}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement("canvas"), {
      width: Math.ceil(width * scale),
      height: Math.ceil(height * scale)
    });
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("invalid image: the chart could not be drawn"))),
        "image/png"
      )
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
