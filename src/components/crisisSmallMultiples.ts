import * as Plot from "@observablehq/plot";
import {formatDate, formatNumber, formatRate} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";
import type {CrisisPeriod, DistrictCrisis} from "../lib/transforms.js";
import {ACCENT, BAR_FILL, ChartFigure, DataTable, hatchDefs, MUTED, uniqueId} from "./marks.js";
import {utcDay} from "d3-time";

interface Cell extends CrisisPeriod {
  district: string;
  fx: number;
  fy: number;
}

/**
 * One small chart per hospital district (ranked as given): weekly contacts per 100 000 residents as
 * an area (monthly districts as steps), the district's pre-incident rate dashed, the incident window
 * shaded, and a hatched strip under periods whose total leaves out hidden cells.
 */
export function CrisisSmallMultiples(
  data: readonly DistrictCrisis[],
  {
    width = 640,
    lang = "en",
    incident,
    source,
    partialLeftOut = false,
    panelHeight = 120
  }: {
    width?: number;
    /** **panelHeight** – each district's panel, in pixels: lower in print, where the card must fit one A4 page. */
    panelHeight?: number;
    lang?: Language;
    incident: {start: Date; end: Date};
    source: string;
    /** **partialLeftOut** – the data's partial first and last periods were left out (see partialWeeks.ts): the notes say so. */
    partialLeftOut?: boolean;
  }
): HTMLElement {
  const text = strings[lang];
  const columns = width > 900 ? 4 : width > 560 ? 3 : 2;
  const place = (i: number) => ({fx: i % columns, fy: Math.floor(i / columns)});
  const cells: Cell[] = data.flatMap((d, i) => d.periods.map((p) => ({...p, district: d.code, ...place(i)})));
  const heads = data.map((d, i) => ({...d, ...place(i)}));
  const max = Math.max(...cells.map((c) => c.rate));
  const hatch = uniqueId("hatch");
  const rows = Math.ceil(data.length / columns);
  const chart = Plot.plot({
    width,
    height: rows * panelHeight + 40,
    marginTop: 20,
    marginLeft: 40,
    marginBottom: 30,
    fx: {axis: null, padding: 0.12},
    fy: {axis: null, padding: 0.25},
    x: {type: "utc", label: null, ticks: 2, tickFormat: (d: Date) => formatDate(d, {lang})},
    y: {label: null, grid: true, domain: [0, max * 1.15], ticks: 3, tickFormat: (v: number) => formatNumber(v, {lang})},
    marks: [
      hatchDefs(hatch),
      Plot.rect(heads, {
        fx: "fx",
        fy: "fy",
        x1: () => incident.start,
        x2: () => incident.end,
        y1: 0,
        y2: max * 1.15,
        fill: MUTED,
        fillOpacity: 0.12
      }),
      Plot.areaY(cells, {
        fx: "fx",
        fy: "fy",
        x: "start",
        y: "rate",
        z: "district",
        curve: "step-after",
        fill: BAR_FILL,
        fillOpacity: 0.35
      }),
      Plot.lineY(cells, {
        fx: "fx",
        fy: "fy",
        x: "start",
        y: "rate",
        z: "district",
        curve: "step-after",
        stroke: BAR_FILL,
        strokeWidth: 1.5
      }),
      Plot.rect(
        cells.filter((c) => c.hidden),
        {
          fx: "fx",
          fy: "fy",
          x1: "start",
          x2: (c: Cell) => utcDay.offset(c.end, 1),
          y1: 0,
          y2: max * 0.12,
          fill: `url(#${hatch})`
        }
      ),
      Plot.ruleY(
        heads.filter((d) => d.baselineRate != null),
        {fx: "fx", fy: "fy", y: "baselineRate", stroke: ACCENT, strokeDasharray: "4,3"}
      ),
      Plot.text(heads, {
        fx: "fx",
        fy: "fy",
        frameAnchor: "top-left",
        dy: -14,
        text: (d: DistrictCrisis) =>
          `${d.name}${d.grain === "month" ? ` (${text.crisis.monthly})` : ""} · ${d.peakRatio == null ? text.suppressed : `${formatRate(d.peakRatio, {digits: 1, lang})}×`}`,
        title: (d: DistrictCrisis) => d.fullName,
        fontWeight: 600,
        textAnchor: "start",
        fill: "currentColor"
      }),
      Plot.frame({stroke: MUTED, strokeOpacity: 0.3})
    ]
  });
  const top = data.find((d) => d.peakRatio != null && !d.unstable); // never an unstable ratio
  // The ranking can only compare the districts whose ratio is published: the title says so if any is not.
  const someHidden = data.some((d) => d.peakRatio == null);
  const ratio = (d: DistrictCrisis) =>
    d.peakRatio == null ? text.suppressed : `${formatRate(d.peakRatio, {digits: 1, lang})}×`;
  const title = top
    ? (someHidden ? text.figures.multiplesTitlePublished : text.crisis.multiplesTitle)(
        top.name,
        formatRate(top.peakRatio, {digits: 1, lang})
      )
    : text.crisis.multiplesSubtitle;
  const description = text.crisis.multiplesDescription(data.map((d) => `${d.name} ${ratio(d)}`).join("; "));
  const table = DataTable(
    data.flatMap((d) => d.periods.map((p) => ({d, p}))),
    [
      {label: text.district, value: ({d}) => d.name, title: ({d}) => d.fullName},
      {label: text.period, value: ({p}) => `${formatDate(p.start, {lang})}–${formatDate(p.end, {lang})}`},
      {
        label: `${text.contacts} / week ${text.perHundredThousand}`,
        value: ({p}) =>
          p.hidden ? text.atLeast(formatRate(p.rate, {digits: 1, lang})) : formatRate(p.rate, {digits: 1, lang}),
        numeric: true
      }
    ]
  );
  const notes = partialLeftOut ? [text.figures.partialPeriodsLeftOut] : [];
  return ChartFigure({title, subtitle: text.crisis.multiplesSubtitle, chart, description, source, table, notes, lang});
}
