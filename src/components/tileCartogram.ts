import * as Plot from "@observablehq/plot";
import {compareNames, formatCount, formatRate} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import {maxBy, type DistrictFigure} from "../lib/transforms.js";
import {formatFigure} from "../lib/figures.js";
import {ChartFigure, DataTable, hatchDefs, uniqueId, type FigureMark} from "./marks.js";

/**
 * A tile-grid cartogram of the hospital districts (one square each, at tile_col/tile_row from the
 * reference table), coloured by *rate* on a sequential, colour-blind-safe scale. No map tiles.
 *
 * **width** – the available width; the map itself is at most 620 pixels wide. **dark** – whether the
 * page is in dark mode (by default, what the browser prefers): the scale then runs from dark to light,
 * so that in both themes the lowest rate is the tile closest to the background.
 */
export function TileCartogram(
  data: readonly DistrictFigure[],
  {
    width = 640,
    lang = "en",
    source,
    dark = globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false
  }: {width?: number; lang?: Language; source: string; dark?: boolean}
): HTMLElement {
  const text = strings[lang];
  const known = data.filter((d) => d.rate != null);
  const hidden = data.filter((d) => d.rate == null);
  // Only stable rates (20 events or more) are named highest or lowest.
  const highest = maxBy(data, (d) => (d.unstable ? null : d.rate));
  const lowest = maxBy(data, (d) => (d.rate == null || d.unstable ? null : -d.rate));
  const max = highest?.rate ?? 1;
  // The scale starts near the lowest rate, not at zero: the rates differ by tens of percent, and a
  // zero-based scale would paint every district the same dark blue. The legend shows where it starts.
  const min = Math.floor(((lowest?.rate ?? 0) * 0.9) / 50) * 50;
  const cols = Math.max(...data.map((d) => d.tile_col)) + 1;
  const rows = Math.max(...data.map((d) => d.tile_row)) + 1;
  const mapWidth = Math.min(width, 520);
  const tile = (mapWidth - 20) / cols;
  const hatch = uniqueId("hatch");
  const label = (d: DistrictFigure) => `${d.name}\n${formatRate(d.rate, {digits: 0, lang})}`;
  const tooltip = (d: DistrictFigure) =>
    `${d.fullName}: ${formatRate(d.rate, {digits: 0, lang})} ${text.perHundredThousand}; ${formatCount(d.count, {lang})} ${text.people.toLowerCase()}`;
  const chart = Plot.plot({
    width: mapWidth,
    height: tile * rows + 20,
    margin: 10,
    marginTop: 10,
    padding: 0.06,
    x: {axis: null, domain: [...Array(cols).keys()]},
    y: {axis: null, domain: [...Array(rows).keys()]},
    // Five classes read more reliably off a tile map than a continuous ramp.
    color: {
      type: "quantize",
      n: 5,
      scheme: "blues",
      reverse: dark,
      domain: [min, max],
      legend: true,
      label: text.cartogram.legend,
      tickFormat: (v: number) => formatRate(v, {digits: 0, lang})
    },
    marks: [
      hatchDefs(hatch),
      Plot.cell(known, {x: "tile_col", y: "tile_row", fill: "rate", title: tooltip, rx: 3}),
      Plot.cell(hidden, {
        x: "tile_col",
        y: "tile_row",
        fill: `url(#${hatch})`,
        stroke: "currentColor",
        strokeOpacity: 0.4,
        title: tooltip,
        rx: 3
      }),
      Plot.text(known, {
        x: "tile_col",
        y: "tile_row",
        text: label,
        lineWidth: 7,
        fontSize: Math.max(9, Math.min(12, tile / 9)),
        // Dark squares get white text, light ones black, whichever end of the scale is dark.
        fill: (d: DistrictFigure) => (d.rate! - min > (max - min) * 0.55 !== dark ? "white" : "black")
      }),
      Plot.text(hidden, {
        x: "tile_col",
        y: "tile_row",
        // A hidden total with a provable range shows the range (people), as the table does.
        text: (d: DistrictFigure & {figure?: FigureMark}) =>
          `${d.name}\n${d.figure?.range ? formatFigure(d.figure, {lang}) : text.suppressed}`,
        lineWidth: 7,
        fontSize: 10,
        fill: "currentColor"
      })
    ]
  });
  const title = highest
    ? text.cartogram.title(highest.name, formatRate(highest.rate, {digits: 0, lang}))
    : text.cartogram.allHidden;
  const description = text.cartogram.description(lowest?.name ?? text.suppressed, highest?.name ?? text.suppressed);
  const table = DataTable(
    [...data].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || compareNames(a.name, b.name, {lang})),
    [
      {label: text.district, value: (d) => d.name, title: (d) => d.fullName},
      {label: text.districtFull, value: (d) => d.fullName},
      {label: text.people, value: (d) => formatCount(d.count, {lang}), numeric: true},
      {label: text.perHundredThousand, value: (d) => formatRate(d.rate, {digits: 0, lang}), numeric: true}
    ]
  );
  return ChartFigure({title, subtitle: text.cartogram.subtitle, chart, description, source, table, lang});
}
