import * as Plot from "@observablehq/plot";
import {geoPath, geoStream, geoTransverseMercator, type GeoStream} from "d3";
import type {Feature, FeatureCollection, MultiPolygon, Polygon} from "geojson";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {formatFigure} from "../lib/figures.js";
import {stableRateNotes} from "../lib/findings.js";
import {formatCount, formatRate} from "../lib/format.js";
import {placeLabels, textBox} from "../lib/labelPlacement.js";
import {strings, type Language} from "../lib/strings.js";
import {maxBy} from "../lib/transforms.js";
import {ChartFigure, DataTable, hatchDefs, markFigure, uniqueId, type FigureMark} from "./marks.js";

/** One area's figure: a count, its rate per 100 000 and the rate's 95 % interval (null when hidden). */
export interface AreaFigure {
  code: string;
  name: string;
  name_en: string;
  count: number | null;
  rate: number | null;
  low: number | null;
  high: number | null;
  unstable: boolean;
  /** The count's figure (src/lib/figures.ts), marked on its table cell for the consistency test. */
  figure?: FigureMark;
}

export type Geography = "hospital_districts" | "wellbeing_counties";
type Shape = Feature<Polygon | MultiPolygon, {code: string}>;
type Area = Shape & {figure?: AreaFigure};

const FONT_SIZE = 10;
// The map is narrow and tall (Finland is twice as long as it is wide); past this width it would only grow taller.
const MAX_MAP_WIDTH = 400;

/** The centroid of an area's largest polygon (planar): an archipelago's label goes on its main land. */
function anchor(shape: Shape): [number, number] {
  if (shape.geometry.type === "Polygon") return planar.centroid(shape);
  const polygons = shape.geometry.coordinates.map((coordinates): Feature<Polygon> => ({
    type: "Feature",
    properties: {},
    geometry: {type: "Polygon", coordinates}
  }));
  return planar.centroid(polygons.reduce((a, b) => (planar.area(b) > planar.area(a) ? b : a)));
}

const planar = geoPath();

const projection = geoTransverseMercator()
  .rotate([-27, 0]) // ETRS-TM35FIN's central meridian: Finland upright, as on its official maps
  .scale(1)
  .translate([0, 0])
  // No adaptive resampling: the outlines' points are dense, and Finland spans a few degrees around the
  // central meridian, so its edges stay straight lines (to well under a pixel).
  .precision(0);

const projectedOutlines = new WeakMap<Topology, Map<Geography, Shape[]>>();

/**
 * *geography*'s areas projected at scale 1, once per page (kept for resizes and the other map): every
 * pass of d3's projection costs the same, and the map took ten (fitting, bounds, each island's area for
 * its label, Plot's marks), 0.3–0.7 s of the overview's wait for its first chart. Every later step is
 * plain geometry on the projected points.
 */
function unitShapes(outlines: Topology, geography: Geography): Shape[] {
  const byGeography = projectedOutlines.get(outlines) ?? new Map<Geography, Shape[]>();
  projectedOutlines.set(outlines, byGeography);
  let shapes = byGeography.get(geography);
  if (!shapes) {
    const collection = feature(
      outlines,
      outlines.objects[geography] as GeometryCollection<{code: string}>
    ) as FeatureCollection<Polygon | MultiPolygon, {code: string}>;
    byGeography.set(geography, (shapes = collection.features.map(projected)));
  }
  return shapes;
}

/** *shape* through the projection, as a MultiPolygon of its projected rings. */
function projected(shape: Shape): Shape {
  const polygons: Array<Array<Array<[number, number]>>> = [];
  let rings: Array<Array<[number, number]>> = [];
  let ring: Array<[number, number]> = [];
  const sink: GeoStream = {
    point: (x, y) => void ring.push([x, y]),
    lineStart: () => void (ring = []),
    lineEnd: () => void (ring.length > 2 && rings.push([...ring, ring[0]!])),
    polygonStart: () => void (rings = []),
    polygonEnd: () => void (rings.length > 0 && polygons.push(rings)),
    sphere: () => {}
  };
  geoStream(shape, projection.stream(sink));
  return {...shape, geometry: {type: "MultiPolygon", coordinates: polygons}};
}

/** *shape* (projected) scaled by *k* and moved by [dx, dy]: in pixels. */
function scaled(shape: Shape, k: number, [dx, dy]: [number, number]): Shape {
  const coordinates = (shape.geometry as MultiPolygon).coordinates.map((polygon) =>
    polygon.map((ring) => ring.map(([x, y]) => [x! * k + dx, y! * k + dy]))
  );
  return {...shape, geometry: {type: "MultiPolygon", coordinates}};
}

/**
 * A choropleth of hospital districts or wellbeing services counties, coloured by *rate* per 100 000
 * residents in five classes of one fixed scale (the same colours in light and dark mode), hidden areas
 * hatched, unstable rates (fewer than 20 events) outlined dashed. Labels are placed only where they fit
 * without colliding; the table names every area with its interval.
 *
 * **outlines** – the dissolved outlines (area-outlines.json); **geography** – which of its objects to draw;
 * **width** – the available width (the map is at most 400 pixels wide).
 */
export function Choropleth(
  data: readonly AreaFigure[],
  {
    outlines,
    geography = "hospital_districts",
    width = 640,
    lang = "en",
    source
  }: {outlines: Topology; geography?: Geography; width?: number; lang?: Language; source: string}
): HTMLElement {
  const text = strings[lang];
  const byCode = new Map(data.map((d) => [d.code, d]));
  const mapWidth = Math.min(width, MAX_MAP_WIDTH);
  const margin = 4;
  // Fitted to the width (the map is tall): the height is what it takes.
  const unit = unitShapes(outlines, geography);
  const [[x0, top], [x1, bottom]] = planar.bounds({type: "FeatureCollection", features: unit});
  const k = (mapWidth - 2 * margin) / (x1 - x0);
  const height = Math.ceil((bottom - top) * k + 2 * margin);
  // Centred in the whole pixels' height.
  const dy = (height - (bottom - top) * k) / 2;
  const shapes = unit.map((shape) => scaled(shape, k, [margin - x0 * k, dy - top * k]));
  const areas: Area[] = shapes.map((shape) => ({...shape, figure: byCode.get(shape.properties.code)}));
  const known = areas.filter((a) => a.figure?.rate != null);
  const hidden = areas.filter((a) => a.figure?.rate == null);
  const stable = data.filter((d) => d.rate != null && !d.unstable);
  const highest = maxBy(stable, (d) => d.rate);
  const lowest = maxBy(stable, (d) => (d.rate == null ? null : -d.rate));
  // The scale spans the stable rates: one unstable outlier (12 people in a small area) would otherwise
  // squeeze every other area into the lightest class. Rates beyond it take the end classes.
  const rates = (stable.length ? stable : data).flatMap((d) => (d.rate == null ? [] : [d.rate]));
  const max = Math.max(1, ...rates);
  // The scale starts near the lowest rate, not at zero (as on the tile map): the legend shows where.
  const min = Math.floor((Math.min(max, ...rates) * 0.9) / 50) * 50;

  // A hidden area whose total has a provable range shows the range (people) where the label fits.
  const labelText = (a: Area) => [
    a.figure?.name ?? a.properties.code,
    a.figure?.rate == null && a.figure?.figure?.range
      ? formatFigure(a.figure.figure, {lang})
      : formatRate(a.figure?.rate, {digits: 0, lang})
  ];
  const boxes = areas.map((a) => {
    const [x, y] = anchor(a);
    const [[x0, y0], [x1, y1]] = planar.bounds(a);
    return {
      key: a.properties.code,
      x,
      y,
      ...textBox(labelText(a), FONT_SIZE),
      room: {width: x1 - x0, height: y1 - y0},
      priority: planar.area(a)
    };
  });
  const labelled = placeLabels(boxes, {width: mapWidth, height});
  const at = new Map(boxes.map((b) => [b.key, b]));
  const labels = areas.filter((a) => labelled.has(a.properties.code));

  const hatch = uniqueId("hatch");
  const interval = (d: AreaFigure | undefined) =>
    d?.low == null || d.high == null
      ? text.suppressed
      : text.geo.intervalRange(formatRate(d.low, {digits: 0, lang}), formatRate(d.high, {digits: 0, lang}));
  const count = (d: AreaFigure) => (d.figure ? formatFigure(d.figure, {lang}) : formatCount(d.count, {lang}));
  const tooltip = (a: Area) => {
    const d = a.figure;
    const rate = `${formatRate(d?.rate, {digits: 0, lang})} ${text.perHundredThousand}`;
    const range = d?.rate == null ? "" : ` (${text.geo.interval} ${interval(d)})`;
    // A hidden total shown as its provable range has no rate: the tooltip gives the people instead.
    const people = d?.rate == null && d?.figure?.range ? `: ${text.people} ${count(d)}` : "";
    return `${d?.name ?? a.properties.code} (${d?.name_en ?? ""}): ${rate}${range}${d?.unstable ? `, ${text.geo.unstable}` : ""}${people}`;
  };
  const dark = (a: Area) => a.figure!.rate! - min > (max - min) * 0.55;
  const chart = Plot.plot({
    width: mapWidth,
    height,
    margin: 0,
    // The shapes are in pixels already (projected above).
    projection: {type: "identity", clip: false},
    color: {
      type: "quantize",
      n: 5,
      scheme: "blues",
      domain: [min, max],
      legend: true,
      label: text.geo.mapLegend,
      tickFormat: (v: number) => formatRate(v, {digits: 0, lang})
    },
    marks: [
      hatchDefs(hatch),
      Plot.geo(known, {fill: (a: Area) => a.figure!.rate, stroke: "white", strokeWidth: 0.6, title: tooltip}),
      Plot.geo(hidden, {fill: `url(#${hatch})`, stroke: "currentColor", strokeOpacity: 0.5, title: tooltip}),
      Plot.geo(
        known.filter((a) => a.figure!.unstable),
        {stroke: "currentColor", strokeWidth: 1.2, strokeDasharray: "3,2"}
      ),
      Plot.text(labels, {
        x: (a: Area) => at.get(a.properties.code)!.x,
        y: (a: Area) => at.get(a.properties.code)!.y,
        text: (a: Area) => labelText(a).join("\n"),
        fontSize: FONT_SIZE,
        lineHeight: 1.15,
        // Dark areas get white text, light ones black: the scale is the same in both themes. Hidden
        // areas are drawn in the page's own colour, so their label is too, over a halo.
        fill: (a: Area) => (a.figure?.rate == null ? "currentColor" : dark(a) ? "white" : "black"),
        stroke: (a: Area) => (a.figure?.rate == null ? "var(--theme-background, white)" : "none"),
        strokeWidth: 3
      })
    ]
  });

  const ranked = [...data].sort(
    (a, b) =>
      Number(a.rate == null) - Number(b.rate == null) ||
      Number(a.unstable) - Number(b.unstable) ||
      (b.rate ?? 0) - (a.rate ?? 0)
  );
  const table = DataTable(ranked, [
    {label: text.geo.area, value: (d) => d.name, title: (d) => d.name_en},
    {label: text.people, value: count, numeric: true},
    {
      label: text.perHundredThousand,
      value: (d) => formatRate(d.rate, {digits: 0, lang}) + (d.unstable ? ` (${text.geo.unstable})` : ""),
      numeric: true
    },
    {label: text.geo.interval, value: (d) => interval(d), numeric: true}
  ]);
  // The count column's cells, in the table's row order.
  table.querySelectorAll("tbody tr").forEach((row, i) => markFigure(row.children[1]!, ranked[i]?.figure));
  const title = highest
    ? text.geo.mapTitle(highest.name, formatRate(highest.rate, {digits: 0, lang}))
    : text.geo.mapTitleNone;
  const description = text.geo.mapDescription(lowest?.name ?? text.suppressed, highest?.name ?? text.suppressed);
  const leftOut = data.length - stable.length;
  const notes = [
    ...stableRateNotes(leftOut, lang),
    ...(labels.length < areas.length ? [text.geo.mapLabelsNote] : []),
    ...(data.some((d) => d.figure?.range) ? [text.figures.rangeNote] : [])
  ];
  return ChartFigure({
    title,
    subtitle: text.geo.mapSubtitle(text.geo.geographies[geography]),
    chart,
    description,
    source,
    table,
    notes,
    lang
  });
}
