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

/** A chart's SVG as a standalone file; *style* (Plot's <style>, when the page keeps it apart) goes back in. */
export function svgBlob(svg: SVGSVGElement, {style}: {style?: Element} = {}): Blob {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  if (style && !copy.querySelector(":scope > style")) copy.prepend(style.cloneNode(true));
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.querySelector(".brush")?.remove();
  // currentColor has no parent to inherit from in a file of its own.
  copy.setAttribute("color", getComputedStyle(svg).color);
  copy.style.background = getComputedStyle(document.body).backgroundColor;
  return new Blob([new XMLSerializer().serializeToString(copy)], {type: "image/svg+xml"});
}

/** A chart as PNG at *scale* times its size: the SVG drawn on a canvas (a blob: image, allowed by the CSP). */
export async function pngBlob(
  svg: SVGSVGElement,
  {scale = 2, style}: {scale?: number; style?: Element} = {}
): Promise<Blob> {
  const {width, height} = svg.getBoundingClientRect();
  const url = URL.createObjectURL(svgBlob(svg, {style}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement("canvas"), {
      width: Math.ceil(width * scale),
      height: Math.ceil(height * scale)
    });
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, canvas.width, canvas.height);
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
